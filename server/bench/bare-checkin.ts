/**
 * The ceiling of an HTTP check-in on this machine (issue 16): a bare `node:http` server doing the
 * API's work for POST /api/checkins and nothing else. Run by checkin-ceiling.ts as a process of
 * its own (like the API), never imported.
 *
 * Same work as the API's hot path (checkin.service.ts, auth.guard.ts, access.service.ts):
 * 1. the token check: JWT verify (@nestjs/jwt, same secret), then the account's role rows (the
 *    same SELECT as AccessService.heldGrants: a grant holds only while its row exists);
 * 2. the code check: CheckinCodes.verify (HMAC, from the API's build) and the apprentice grant
 *    for the code's studio;
 * 3. the INSERT … SELECT that adds the row only while check-in is open, and the progress queue
 *    append, in one transaction (BARE_QUEUE=0: the INSERT alone, autocommit, as before issue 16).
 * No framework, no validation library, no logging, no ORM: mysql2's pool, 20 connections (the
 * API's TypeORM pool size).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createPool } from 'mysql2/promise';

// Compiled output: the same code checker as the API.
const { CheckinCodes } =
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('../dist/checkin/checkin-code') as typeof import('../src/checkin/checkin-code');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { JwtService } = require('@nestjs/jwt') as typeof import('@nestjs/jwt');

const url = new URL(String(process.env.DATABASE_URL));
const pool = createPool({
  host: url.hostname,
  port: Number(url.port || 3306),
  user: decodeURIComponent(url.username || 'root'),
  password: decodeURIComponent(url.password),
  database: url.pathname.slice(1),
  connectionLimit: 20,
  timezone: 'Z',
});
const secret = String(process.env.JWT_SECRET);
const jwt = new JwtService({ secret });
const codes = new CheckinCodes(secret, Number(process.env.CHECKIN_ROTATE_SECONDS ?? 3600));
const queue = process.env.BARE_QUEUE !== '0';

const send = (res: ServerResponse, status: number, body: unknown): void => {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
};

async function checkin(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const header = req.headers.authorization ?? '';
  let payload: { sub: number; pid: number | null };
  try {
    payload = jwt.verify(header.slice(7));
  } catch {
    return send(res, 401, { code: 'UNAUTHENTICATED' });
  }
  const [grants] = (await pool.query(
    `SELECT r.role AS role, r.studio_id AS studio_id, r.apprentice_id AS apprentice_id, ap.studio_id AS ap_studio_id, ap.left_on AS ap_left_on
       FROM role_memberships r LEFT JOIN team_members t ON t.id = r.team_member_id LEFT JOIN apprentices ap ON ap.id = r.apprentice_id
      WHERE r.account_id = ?`,
    [payload.sub],
  )) as unknown as [{ role: string; ap_studio_id: number | null }[]];
  const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as { code?: unknown };
  if (typeof body.code !== 'string') return send(res, 400, { code: 'VALIDATION' });
  const v = codes.verify(body.code.trim(), Date.now());
  if (!v.ok) return send(res, 409, { code: 'CHECKIN_CODE_INVALID' });
  const scope = v.scope;
  if (!grants.some((g) => g.role === 'apprentice' && Number(g.ap_studio_id) === scope.studioId))
    return send(res, 403, { code: 'FORBIDDEN' });
  const at = new Date(Math.floor(Date.now() / 1000) * 1000);
  const sql =
    'INSERT INTO attendance (activity_id, person_id, studio_id, checked_in_at) SELECT id, ?, studio_id, ? FROM activities WHERE id = ? AND studio_id = ? AND checkin_open = 1';
  const params = [payload.pid, at, scope.activityId, scope.studioId];
  let id: number | null = null;
  if (queue) {
    const conn = await pool.getConnection();
    try {
      await conn.beginTransaction();
      const [r] = (await conn.query(sql, params)) as unknown as [
        { affectedRows: number; insertId: number },
      ];
      if (r.affectedRows === 1) {
        await conn.query('INSERT INTO progress_queue (studio_id) VALUES (?)', [scope.studioId]);
        id = r.insertId;
      }
      await conn.commit();
    } catch (e) {
      await conn.rollback();
      throw e;
    } finally {
      conn.release();
    }
  } else {
    const [r] = (await pool.query(sql, params)) as unknown as [
      { affectedRows: number; insertId: number },
    ];
    if (r.affectedRows === 1) id = r.insertId;
  }
  if (id === null) return send(res, 409, { code: 'CHECKIN_CLOSED' });
  send(res, 200, {
    attendance: {
      id,
      activityId: scope.activityId,
      personId: payload.pid,
      checkedInAt: at.toISOString(),
      source: 'scan',
    },
    created: true,
  });
}

createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/api/health') return send(res, 200, { status: 'ok' });
  if (req.method !== 'POST' || req.url !== '/api/checkins') return send(res, 404, {});
  checkin(req, res).catch((e: unknown) => send(res, 500, { message: String(e) }));
}).listen(Number(process.env.PORT), '127.0.0.1');
