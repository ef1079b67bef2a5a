#!/usr/bin/env node
// `npm start`: the app on a fresh machine with only Node.js. Installs the workspace
// (fetching the pinned pnpm if needed), builds shared-rules, the server and the H5 app,
// then starts the server on the embedded database with demo data, serving the H5 app,
// and prints the address and the demo accounts. Ctrl-C stops it.
//
// DATABASE_URL=mysql://user:pass@host:3306/db npm start   runs it on MySQL instead.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ROOT, banner, runPnpm } from './lib.mjs';

const PORT = process.env.PORT ?? '3000';

async function step(name, args) {
  banner(name);
  const { code } = await runPnpm(args);
  if (code !== 0) {
    console.error(`\n✗ ${name} failed (exit ${code}).`);
    process.exit(code);
  }
}

await step('install', ['install', '--frozen-lockfile']);
await step('build shared-rules', ['--filter', '@master-studio/shared-rules', 'build']);
await step('build server', ['--filter', '@master-studio/server', 'build']);
await step('build mini-app (H5)', ['--filter', '@master-studio/mini', 'build:h5']);

banner('start server');
const env = {
  ...process.env,
  PORT,
  DEMO_LOGIN: process.env.DEMO_LOGIN ?? 'true',
  SEED_DEMO: process.env.SEED_DEMO ?? 'true',
  STATIC_DIR: process.env.STATIC_DIR ?? join(ROOT, 'mini', 'dist', 'h5'),
};
const server = spawn(process.execPath, ['dist/main.js'], {
  cwd: join(ROOT, 'server'),
  env,
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));

const base = `http://127.0.0.1:${PORT}`;
for (let i = 0; i < 120; i++) {
  try {
    const health = await fetch(`${base}/api/health`);
    if (health.ok) break;
  } catch {
    // not up yet
  }
  await new Promise((r) => setTimeout(r, 500));
}

let accounts = [];
try {
  const res = await fetch(`${base}/api/auth/demo-accounts`);
  if (res.ok) accounts = (await res.json()).items ?? [];
} catch {
  // the server prints its own error
}
banner('技能大师工作室助手 is running');
console.log(`App (H5):  ${base}/`);
console.log(`API:       ${base}/api   (OpenAPI: ${base}/api/docs)`);
console.log(
  `Database:  ${process.env.DATABASE_URL ? process.env.DATABASE_URL.replace(/\/\/[^@]*@/, '//***@') : 'embedded SQLite (server/data/master-studio.sqlite)'}`,
);
if (Array.isArray(accounts) && accounts.length) {
  console.log("Demo accounts (sign in from the app's demo login; no password):");
  const ROLE_ZH = {
    leader: '领办人',
    member: '团队成员',
    apprentice: '学徒',
    unit_contact: '单位联系人',
    reviewer: '人社局审核',
  };
  for (const a of accounts) {
    const roles = (a.roles ?? []).map(
      (r) =>
        `${ROLE_ZH[r.role] ?? r.role}·${r.studioName ?? r.unitName ?? r.jurisdictionName ?? ''}`,
    );
    const what = roles.length ? roles.join('; ') : '尚无角色：用邀请码加入工作室';
    console.log(`  ${String(a.username).padEnd(16)} ${a.name}  (${what})`);
  }
}
console.log('Press Ctrl-C to stop.');
