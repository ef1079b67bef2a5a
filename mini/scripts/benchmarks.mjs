// Writes one block of the "## mini-app" section of docs/benchmarks.md, leaving
// every other section (and the other blocks of this one) as they are.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const FILE = join(REPO, 'docs', 'benchmarks.md');

/**
 * Only with WRITE_BENCHMARKS=1 (`pnpm … size:write`, `… e2e:write`): a test run measures and
 * prints, but does not rewrite a tracked file.
 */
export function writeMiniBlock(key, lines) {
  if (process.env.WRITE_BENCHMARKS !== '1') {
    console.log(
      `(docs/benchmarks.md not rewritten: set WRITE_BENCHMARKS=1 to record the "${key}" numbers)`,
    );
    return;
  }
  let text = existsSync(FILE) ? readFileSync(FILE, 'utf8') : '# Benchmarks\n';
  const heading = '## mini-app';
  if (!text.includes(`\n${heading}\n`) && !text.startsWith(`${heading}\n`)) {
    text = `${text.replace(/\s*$/, '')}\n\n${heading}\n\nMeasured by \`pnpm --filter @master-studio/mini size\` and \`… e2e\`; rewritten by \`size:write\` and \`e2e:write\`.\n`;
  }
  const start = text.indexOf(`${heading}\n`);
  const next = text.indexOf('\n## ', start + heading.length);
  const end = next === -1 ? text.length : next + 1;
  let section = text.slice(start, end);
  const open = `<!-- mini:${key} -->`;
  const close = `<!-- /mini:${key} -->`;
  const block = `${open}\n${lines.join('\n')}\n${close}`;
  const i = section.indexOf(open);
  const j = section.indexOf(close);
  if (i !== -1 && j !== -1) section = section.slice(0, i) + block + section.slice(j + close.length);
  else section = `${section.replace(/\s*$/, '')}\n\n${block}\n`;
  if (next !== -1 && !section.endsWith('\n\n')) section = `${section.replace(/\s*$/, '')}\n\n`;
  writeFileSync(FILE, text.slice(0, start) + section + text.slice(end));
}

export const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
