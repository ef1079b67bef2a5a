// WeChat's size limits: every package (the main one and each subpackage) at most 2 MB, the
// whole app at most 20 MB. A subpackage is everything under its root in app.json; the rest is
// the main package.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { kb } from '../benchmarks.mjs';

export const PACKAGE_LIMIT = 2 * 1024 * 1024;
export const TOTAL_LIMIT = 20 * 1024 * 1024;

/**
 * @param {{ rel: string, size: number }[]} files
 * @param {{ subPackages?: { root: string }[], subpackages?: { root: string }[] }} appJson
 */
export function measurePackages(files, appJson) {
  const roots = (appJson.subPackages ?? appJson.subpackages ?? []).map(
    (s) => `${s.root.replace(/\/$/, '')}/`,
  );
  const packages = [
    { name: 'main package', root: '', bytes: 0, files: 0 },
    ...roots.map((root) => ({ name: `subpackage ${root}`, root, bytes: 0, files: 0 })),
  ];
  for (const f of files) {
    const pkg = packages.find((p) => p.root && f.rel.startsWith(p.root)) ?? packages[0];
    pkg.bytes += f.size;
    pkg.files += 1;
  }
  return { packages, total: packages.reduce((s, p) => s + p.bytes, 0) };
}

/** @returns {{ ok: boolean, problems: string[], lines: string[], measured: ReturnType<typeof measurePackages> }} */
export function checkSizes(files, appJson) {
  const measured = measurePackages(files, appJson);
  const problems = [];
  for (const p of measured.packages) {
    if (p.bytes > PACKAGE_LIMIT) {
      const biggest = files
        .filter((f) =>
          p.root
            ? f.rel.startsWith(p.root)
            : !measured.packages.some((q) => q.root && f.rel.startsWith(q.root)),
        )
        .sort((a, b) => b.size - a.size)[0];
      problems.push(
        `${p.name} is ${kb(p.bytes)}, over WeChat's 2 MB per package (largest file: ${biggest?.rel}, ${kb(biggest?.size ?? 0)})`,
      );
    }
  }
  if (measured.total > TOTAL_LIMIT)
    problems.push(`the whole app is ${kb(measured.total)}, over WeChat's 20 MB`);
  const lines = [
    ...measured.packages.map((p) => `${p.name}: ${kb(p.bytes)} (${p.files} files)`),
    `whole app: ${kb(measured.total)}`,
  ];
  return { ok: problems.length === 0, problems, lines, measured };
}

export const readAppJson = (dir) => JSON.parse(readFileSync(join(dir, 'app.json'), 'utf8'));
