// The files of a weapp build as WeChat uploads them: everything under the project root except
// source maps and webpack's extracted licence comments (miniprogram-ci's compiled result leaves
// both out too).
import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export const isPackaged = (rel) => !rel.endsWith('.map') && !rel.endsWith('.LICENSE.txt');

/** @returns {{ rel: string, path: string, size: number }[]} rel uses forward slashes */
export function buildFiles(dir) {
  const out = [];
  const walk = (d) => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      const stat = statSync(path);
      if (stat.isDirectory()) walk(path);
      else {
        const rel = relative(dir, path).split(sep).join('/');
        if (isPackaged(rel)) out.push({ rel, path, size: stat.size });
      }
    }
  };
  walk(dir);
  return out;
}
