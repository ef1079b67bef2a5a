/**
 * A page to reopen once the user has signed in: an apprentice who opens a check-in link while
 * signed out signs in first, then lands back on the check-in with the code kept. Kept only
 * briefly (the code in it rotates out within a minute anyway) so that an abandoned scan never
 * steers a later sign-in.
 */
export interface Resume {
  /** An in-app page path with its query, e.g. /pages/apprentice/checkin/index?code=048213. */
  url: string;
  /** The role the page belongs to; the sign-in resumes only for an account holding it. */
  role: string;
  /** Epoch ms after which it is forgotten. */
  until: number;
}

export const RESUME_TTL_MS = 10 * 60 * 1000;

export function encodeResume(url: string, role: string, now: number): string {
  return JSON.stringify({ url, role, until: now + RESUME_TTL_MS } satisfies Resume);
}

/** The stored resume if it is well-formed, an app page, and not stale; otherwise null. */
export function decodeResume(raw: string | null | undefined, now: number): Resume | null {
  if (!raw) return null;
  let r: Partial<Resume>;
  try {
    r = JSON.parse(raw) as Partial<Resume>;
  } catch {
    return null;
  }
  if (typeof r.url !== 'string' || typeof r.role !== 'string' || typeof r.until !== 'number')
    return null;
  if (!/^\/pages\/[\w/-]+(\?[\w=&%.-]*)?$/.test(r.url) || r.until <= now) return null;
  return { url: r.url, role: r.role, until: r.until };
}
