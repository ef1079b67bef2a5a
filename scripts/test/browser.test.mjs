// node --test scripts/test: how the test command finds its browser.
import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { ensureChromium, findChromium } from '../browser.mjs';

const made = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'ms-browser-'));
  made.push(dir);
  return dir;
};
after(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function fakeBrowser(dir, name) {
  const path = join(dir, name);
  writeFileSync(path, '#!/bin/sh\n');
  chmodSync(path, 0o755);
  return path;
}

test('CHROMIUM wins when it names an executable', () => {
  const dir = tempDir();
  const path = fakeBrowser(dir, 'my-chrome');
  assert.equal(findChromium({ CHROMIUM: path, PATH: '' }), path);
});

test('/usr/bin/chromium comes before the PATH', () => {
  const dir = tempDir();
  const first = fakeBrowser(dir, 'first');
  const onPath = fakeBrowser(tempDir(), 'chromium');
  assert.equal(findChromium({ PATH: join(onPath, '..') }, [first]), first);
});

test('a CHROMIUM that is not executable is an error, not a silent fallback', () => {
  const dir = tempDir();
  const path = join(dir, 'not-there');
  assert.equal(findChromium({ CHROMIUM: path, PATH: '' }), undefined);
  const r = ensureChromium({ env: { CHROMIUM: path, PATH: '' }, log: () => undefined });
  assert.match(r.error, /not an executable file/);
});

test(
  'chromium-browser and google-chrome on the PATH are found',
  { skip: process.platform === 'win32' },
  () => {
    for (const name of ['chromium-browser', 'google-chrome']) {
      const dir = tempDir();
      const path = fakeBrowser(dir, name);
      assert.equal(findChromium({ PATH: `/nonexistent:${dir}` }, []), path);
    }
  },
);

test('a non-executable file on the PATH is passed over', () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'chromium'), 'not a program');
  assert.equal(findChromium({ PATH: dir }, []), undefined);
});
