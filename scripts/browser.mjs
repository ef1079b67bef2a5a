// Finds the Chromium the end-to-end tests drive, installing Debian's package when it can.
// Node built-ins only: this runs before anything of the workspace is installed.
//
// Order: $CHROMIUM, /usr/bin/chromium, then `chromium`, `chromium-browser`, `google-chrome`
// (and `google-chrome-stable`) on the PATH. When none is there and we run as root on
// Debian or Ubuntu, `apt-get install chromium fonts-noto-cjk` (the font draws the Chinese
// text). Otherwise the caller gets one line saying what to install.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';

const NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];
export const DEBIAN_PACKAGES = ['chromium', 'fonts-noto-cjk'];

function executable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The first browser found, or undefined. `fixed`: paths tried before the PATH (tests pass []). */
export function findChromium(env = process.env, fixed = ['/usr/bin/chromium']) {
  if (env.CHROMIUM) return executable(env.CHROMIUM) ? env.CHROMIUM : undefined;
  const known = fixed.find(executable);
  if (known) return known;
  for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
    for (const name of NAMES) {
      const candidate = join(dir, name);
      if (executable(candidate)) return candidate;
    }
  }
  return undefined;
}

/** True when fontconfig knows a font with Chinese glyphs (or we cannot ask). */
function hasCjkFont() {
  const r = spawnSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' });
  if (r.error) return true; // no fontconfig to ask: Chromium brings it, so this is a bare PATH
  return r.stdout.trim().length > 0;
}

function isDebianLike() {
  if (existsSync('/etc/debian_version')) return true;
  try {
    return /^(ID|ID_LIKE)=.*\b(debian|ubuntu)\b/m.test(readFileSync('/etc/os-release', 'utf8'));
  } catch {
    return false;
  }
}

const canApt = () =>
  process.platform === 'linux' &&
  process.getuid?.() === 0 &&
  isDebianLike() &&
  executable('/usr/bin/apt-get');

function aptInstall(packages, log) {
  log(`Installing Debian's ${packages.join(' ')} with apt-get (about a minute)…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = spawnSync('apt-get', ['update', '-q'], { stdio: 'inherit', env });
  if (update.status !== 0) return false;
  const install = spawnSync(
    'apt-get',
    ['install', '-y', '-q', '--no-install-recommends', ...packages],
    { stdio: 'inherit', env },
  );
  return install.status === 0;
}

/**
 * Resolves the browser for the end-to-end tests: { path } when there is one (installed now
 * if need be), or { error } with the one line to show.
 */
export function ensureChromium({ env = process.env, log = console.log } = {}) {
  let path = findChromium(env);
  if (env.CHROMIUM && !path) {
    return {
      error: `CHROMIUM=${env.CHROMIUM} is not an executable file: point it at a Chromium or Chrome binary, or unset it.`,
    };
  }
  const missing = [];
  if (!path) missing.push('chromium');
  if (!hasCjkFont()) missing.push('fonts-noto-cjk');
  if (missing.length && canApt()) {
    if (!aptInstall(missing, log))
      return {
        error: `apt-get could not install ${missing.join(' ')}; install them by hand and run the tests again.`,
      };
    path = findChromium(env);
  }
  if (!path) {
    return {
      error:
        'No Chromium found for the end-to-end tests: install it (Debian/Ubuntu: `sudo apt-get install chromium fonts-noto-cjk`) or set CHROMIUM=/path/to/chrome.',
    };
  }
  if (!hasCjkFont())
    log(
      'NOTE: no Chinese font found (Debian: fonts-noto-cjk); screenshots will show boxes for Chinese text.',
    );
  return { path };
}
