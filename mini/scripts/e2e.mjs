// End-to-end: builds the H5 app, starts the real server (server/dist/main.js)
// on a fresh database with the demo seed, and drives Debian's Chromium through
// each role's main flow. Usage: pnpm --filter @master-studio/mini e2e
// Env: DATABASE_URL (mysql://… → a fresh database next to it; unset → sqlite in a temp dir),
//      E2E_SKIP_BUILD=1 to reuse existing builds, CHROMIUM (default /usr/bin/chromium),
//      E2E_ONLY=<feature> to run only the checks named "<feature>: …" (a module's own checks).
// The checks live in modules by role (e2e-<role>.mjs) on the shared helpers of e2e-lib.mjs;
// main() lists them in the order they run (later flows use what earlier ones created: `s`).
import { execSync } from 'node:child_process';
import { join } from 'node:path';
import { REPO } from './benchmarks.mjs';
import { apprenticeCheckinChecks, apprenticeLinkChecks } from './e2e-apprentice.mjs';
import { exportChecks } from './e2e-exports.mjs';
import { rolesChecks } from './e2e-roles.mjs';
import { remindersChecks } from './e2e-reminders.mjs';
import { privacyChecks } from './e2e-privacy.mjs';
import { screensChecks } from './e2e-screens.mjs';
import { importChecks } from './e2e-import.mjs';
import { evidenceChecks } from './e2e-evidence.mjs';
import { meetingChecks } from './e2e-meeting.mjs';
import { startTestServer } from './test-server.mjs';
import { leaderRecordChecks } from './e2e-leader-records.mjs';
import {
  leaderActivityChecks,
  leaderAttendanceChecks,
  leaderFirstScreenMeasure,
  leaderRosterChecks,
  leaderTargetChecks,
} from './e2e-leader.mjs';
import { check, closeBrowser, launchBrowser, log, results, shot, signIn } from './e2e-lib.mjs';
import { reviewerChecks } from './e2e-reviewer.mjs';
import { startChecks } from './e2e-start.mjs';
import { unitDashboardChecks, unitSignoffChecks } from './e2e-unit.mjs';

const MINI = join(REPO, 'mini');
let server;

async function main() {
  if (process.env.E2E_SKIP_BUILD !== '1') {
    execSync('pnpm --filter @master-studio/shared-rules build', { cwd: REPO, stdio: 'inherit' });
    execSync('pnpm --filter @master-studio/server build', { cwd: REPO, stdio: 'inherit' });
    execSync('pnpm run build:h5', { cwd: MINI, stdio: 'inherit' });
  }
  server = await startTestServer({ tag: 'e2e', staticDir: join(MINI, 'dist', 'h5'), log });
  const base = server.base;
  log(`server at ${base}`);
  await launchBrowser();

  const accounts = await (await fetch(`${base}/api/auth/demo-accounts`)).json();
  const users = (accounts.items ?? accounts).map((a) => a.username);
  log(`demo accounts: ${users.join(', ')}`);

  // Shared by the role flows: sessions, the leader's studio, the activity they create.
  const s = { base, studioName: '', studioId: '', before: NaN, title: '', code: '' };
  await startChecks(s);
  await unitDashboardChecks(s);
  await leaderTargetChecks(s);
  await leaderActivityChecks(s);
  await apprenticeCheckinChecks(s);
  await leaderAttendanceChecks(s);
  await apprenticeLinkChecks(s);
  await unitSignoffChecks(s);
  await reviewerChecks(s);
  await leaderRosterChecks(s);
  await leaderRecordChecks(s);

  await exportChecks({ base, check, signIn, shot });
  await rolesChecks({ base, check, signIn, shot });
  await remindersChecks({ base, check, signIn, shot });
  await privacyChecks({ base, check, signIn, shot });
  await screensChecks({ base, check, signIn, shot });
  await importChecks({ base, check, signIn, shot });
  await evidenceChecks({ base, check, signIn, shot });
  await meetingChecks({ base, check, signIn, shot });

  await leaderFirstScreenMeasure(s);
}

let fatal = null;
try {
  await main();
} catch (err) {
  fatal = err;
  console.error(err);
} finally {
  await closeBrowser();
  await server?.stop();
}
const passed = results.filter((r) => r.ok).length;
const failed = results.length - passed + (fatal ? 1 : 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
