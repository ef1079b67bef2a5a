import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The fault suite's figures, one JSON file per test, for docs/reliability.md: .artifacts/reliability-<name>.json at the workspace root. */
export function writeFigures(name: string, figures: Record<string, unknown>): void {
  const dir = join(__dirname, '..', '..', '..', '.artifacts');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, `reliability-${name}.json`),
    `${JSON.stringify({ at: new Date().toISOString(), ...figures }, null, 2)}\n`,
  );
}

/** The fault suite runs on MySQL/MariaDB only, and fails (never skips) without it. */
export function requireMysqlUrl(): string {
  const url = process.env.DATABASE_URL ?? '';
  if (!/^(mysql|mariadb):/.test(url))
    throw new Error(
      'The fault and fuzz suite needs DATABASE_URL=mysql://…  (a MySQL/MariaDB server); it does not run on the embedded database.',
    );
  return url;
}
