// Removes dist/<type> before a build, so stale hashed files from earlier
// builds neither ship nor inflate the measured sizes.
// Usage: node scripts/clean.mjs h5 [weapp …]
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const DIST = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const types = process.argv.slice(2);
if (types.length === 0 || types.some((t) => !/^[a-z0-9-]+$/.test(t))) {
  console.error('usage: node scripts/clean.mjs <type> [type …]  (e.g. h5 weapp)');
  process.exit(2);
}
for (const t of types) rmSync(join(DIST, t), { recursive: true, force: true });
