// A release must not point at the machine it was built on: no localhost / 127.x / 0.0.0.0 /
// [::1] anywhere in the build (the API base is checked at build time by config/api-base.ts;
// this catches any other path, e.g. a hard-coded URL). The headless run checks separately that
// every request the app makes goes to https.
import { readFileSync } from 'node:fs';

// The same hosts config/api-base.ts refuses at build time.
export const isLoopbackHost = (hostname) =>
  /^(localhost|127(\.\d{1,3}){3}|\[::1\]|0\.0\.0\.0)$/i.test(hostname);

const LOOPBACK = /\b(?:localhost|127\.\d{1,3}\.\d{1,3}\.\d{1,3}|0\.0\.0\.0)\b|\[::1\]/g;
const TEXT = /\.(js|json|wxml|wxss|wxs)$/;

/** @returns {{ ok: boolean, problems: string[] }} */
export function checkLoopback(files) {
  const problems = [];
  for (const f of files) {
    if (!TEXT.test(f.rel)) continue;
    const text = readFileSync(f.path, 'utf8');
    for (const m of text.matchAll(LOOPBACK)) {
      problems.push(
        `${f.rel}: "${text.slice(Math.max(0, m.index - 30), m.index + m[0].length + 20).replace(/\s+/g, ' ')}" (a loopback address in a production build)`,
      );
    }
  }
  return { ok: problems.length === 0, problems };
}
