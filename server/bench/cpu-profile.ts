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
  timeDeltas: number[];
}

export interface ProfileSummary {
  /** Wall time of the window, and the part of it the process was not idle. */
  totalMs: number;
  busyMs: number;
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

/**
 * Self time by package and by function, over the samples taken within `window` (CLOCK_MONOTONIC
 * microseconds, as process.hrtime and V8's profile timestamps both are), or all of them. Shares
 * are of the busy time: idle samples are left out.
 */
export function summarize(file: string, window?: [number, number], top = 15): ProfileSummary {
  const p = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const byPkg = new Map<string, number>();
  const byFn = new Map<string, number>();
  let t = p.startTime;
  let totalUs = 0;
  let idleUs = 0;
  for (let i = 0; i < p.samples.length; i++) {
    const dt = p.timeDeltas[i] ?? 0;
    t += dt;
    if (window && (t < window[0] || t > window[1])) continue;
    totalUs += dt;
    const n = byId.get(p.samples[i] as number);
    if (!n) continue;
    const { functionName, url, lineNumber } = n.callFrame;
    if (functionName === '(idle)') {
      idleUs += dt;
      continue;
    }
    const owner = ownerOf(url, functionName);
    byPkg.set(owner, (byPkg.get(owner) ?? 0) + dt);
    const fn = `${functionName || '(anonymous)'} (${owner}${url ? `:${lineNumber + 1}` : ''})`;
    byFn.set(fn, (byFn.get(fn) ?? 0) + dt);
  }
  const busyUs = totalUs - idleUs;
  const rank = (m: Map<string, number>) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, us]) => ({ name, ms: Math.round(us / 1000), share: us / Math.max(1, busyUs) }));
  return {
    totalMs: Math.round(totalUs / 1000),
    busyMs: Math.round(busyUs / 1000),
    byPackage: rank(byPkg),
    byFunction: rank(byFn),
  };
}
