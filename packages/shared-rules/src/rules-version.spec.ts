import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { RULES_VERSION } from './index';

describe('RULES_VERSION', () => {
  it('is the package version and a hash of the current rules source (rebuild after a rules change)', () => {
    expect(RULES_VERSION).toMatch(/^\d+\.\d+\.\d+\+[0-9a-f]{16}$/);
    // Exits 1 when src/rules-version.ts does not match the source: a rule changed, not rebuilt.
    expect(() =>
      execFileSync(process.execPath, [join(__dirname, '../scripts/rules-version.mjs'), '--check'], {
        stdio: 'pipe',
      }),
    ).not.toThrow();
  });
});
