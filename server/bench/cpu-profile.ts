/** Reads a V8 .cpuprofile (node --cpu-prof) and sums self time by package and by function. */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
}

export interface ProfileSummary {
  totalMs: number;
  byPackage: { name: string; ms: number; share: number }[];
  byFunction: { name: string; ms: number; share: number }[];
}

/** Where a frame's code lives: an npm package, the server's own build, Node itself, or V8. */
export function ownerOf(url: string, fn: string): string {
  const pnpm = /node_modules\/\.pnpm\/(@[^+/]+\+[^@/]+|[^@/]+)@/.exec(url);
  if (pnpm) return (pnpm[1] as string).replace('+', '/');
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
  if (nm) return nm[1] as string;
  const own = /\/server\/dist\/([^/]+)\//.exec(url);
  if (own) return `server: ${own[1]}`;
  if (url.startsWith('node:')) return 'node (internals)';
  if (!url) return fn === '(garbage collector)' ? '(gc)' : fn || '(native)';
  return url;
}

export function summarize(file: string, top = 15): ProfileSummary {
  const p = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const totalMs = (p.endTime - p.startTime) / 1000;
  const perSample = totalMs / Math.max(1, p.samples.length);
  const byPkg = new Map<string, number>();
  const byFn = new Map<string, number>();
  for (const n of p.nodes) {
    const hits = n.hitCount ?? 0;
    if (!hits) continue;
    const { functionName, url, lineNumber } = n.callFrame;
    const owner = ownerOf(url, functionName);
    byPkg.set(owner, (byPkg.get(owner) ?? 0) + hits * perSample);
    const fn = `${functionName || '(anonymous)'} (${owner}${url ? `:${lineNumber + 1}` : ''})`;
    byFn.set(fn, (byFn.get(fn) ?? 0) + hits * perSample);
  }
  const rank = (m: Map<string, number>) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, ms]) => ({ name, ms: Math.round(ms), share: ms / totalMs }));
  return { totalMs: Math.round(totalMs), byPackage: rank(byPkg), byFunction: rank(byFn) };
}
