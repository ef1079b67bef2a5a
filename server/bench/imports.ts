/**
 * Import timings (docs/benchmarks.md "## imports"): a 5,000-row roster (GBK CSV) and a
 * 5,000-row certificates workbook (xlsx), each previewed, committed, and previewed again (all
 * rows now skipped), through HTTP against the built app (dist/) on a fresh MariaDB/MySQL
 * database with the demo seed, signed in as the demo leader. Prints a Markdown section.
 *
 *   pnpm --filter @master-studio/server bench:imports
 */
import { randomBytes } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { createConnection } from 'mysql2/promise';

/* eslint-disable @typescript-eslint/no-require-imports */
const { createApp } = require('../dist/bootstrap') as typeof import('../src/bootstrap');
const { loadConfig } = require('../dist/config/config') as typeof import('../src/config/config');
/* eslint-enable @typescript-eslint/no-require-imports */

const ROWS = 5_000;
const serverUrl = new URL(process.env.BENCH_DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/');
const dbName = `ms_bench_i_${randomBytes(4).toString('hex')}`;
const conn = {
  host: serverUrl.hostname,
  port: Number(serverUrl.port || 3306),
  user: decodeURIComponent(serverUrl.username || 'root'),
  password: decodeURIComponent(serverUrl.password),
};

const pad = (n: number): string => String(n).padStart(2, '0');
const day = (i: number): string => `2024-${pad((i % 12) + 1)}-${pad((i % 28) + 1)}`;

async function main(): Promise<void> {
  const c = await createConnection(conn);
  await c.query(`CREATE DATABASE \`${dbName}\` CHARACTER SET utf8mb4`);
  await c.end();
  const app = await createApp(
    loadConfig({
      DATABASE_URL: `mysql://${conn.user}${conn.password ? `:${conn.password}` : ''}@${conn.host}:${conn.port}/${dbName}`,
      JWT_SECRET: 'bench-secret-0123456789abcdef',
      LOG_LEVEL: 'silent',
      DEMO_LOGIN: 'true',
      SEED_DEMO: 'true',
    }),
  );
  await app.listen(0, '127.0.0.1');
  const base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  const load = loadavg().map((x) => x.toFixed(2));
  try {
    const signin = (await (
      await fetch(`${base}/api/auth/demo`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'leader' }),
      })
    ).json()) as { accessToken: string; roles: { role: string; studioId: number }[] };
    const studioId = signin.roles.find((r) => r.role === 'leader')!.studioId;
    const post = async (
      path: string,
      body: Buffer,
    ): Promise<{ ms: number; counts: unknown; status: number }> => {
      const t0 = performance.now();
      const res = await fetch(`${base}/api/studios/${studioId}/imports/${path}?fileName=bench`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${signin.accessToken}`,
          'content-type': 'application/octet-stream',
        },
        body,
      });
      const json = (await res.json()) as { counts?: unknown; message?: string };
      const ms = performance.now() - t0;
      if (!res.ok) throw new Error(`${path}: ${res.status} ${json.message}`);
      return { ms, counts: json.counts, status: res.status };
    };

    const names = Array.from({ length: ROWS }, (_, i) => `学员${String(i).padStart(5, '0')}`);
    const csv = iconv.encode(
      ['学员姓名,拜师日期,签约日期', ...names.map((n, i) => `${n},${day(i)},${day(i)}`)].join(
        '\r\n',
      ),
      'gbk',
    );
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('证书');
    ws.addRow(['证书登记表']);
    ws.mergeCells(1, 1, 1, 4);
    ws.addRow(['学员姓名', '证书等级', '发证日期', '证书编号']);
    names.forEach((n, i) => ws.addRow([n, '高级工', day(i + 3), `S${i}`]));
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer());

    const lines: string[] = [];
    const rssBefore = process.memoryUsage().rss;
    let rssPeak = rssBefore;
    const timer = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage().rss)), 50);
    for (const [kind, file, label] of [
      ['apprentices', csv, `roster, GBK CSV (${Math.round(csv.length / 1024)} KB)`],
      [
        'certificates',
        xlsx,
        `certificates, xlsx with a merged title row (${Math.round(xlsx.length / 1024)} KB)`,
      ],
    ] as const) {
      const preview = await post(`${kind}/preview`, file);
      const commit = await post(`${kind}/commit`, file);
      const again = await post(`${kind}/preview`, file);
      lines.push(
        `| ${label} | ${Math.round(preview.ms)} | ${Math.round(commit.ms)} | ${Math.round(again.ms)} |`,
      );
      console.error(
        kind,
        JSON.stringify({ preview: preview.counts, commit: commit.counts, again: again.counts }),
      );
    }
    clearInterval(timer);
    console.log(`## imports

Measured ${new Date().toISOString().slice(0, 10)} by \`pnpm --filter @master-studio/server bench:imports\` on ${cpus().length} cores (load at start ${load.join(' / ')}), MariaDB on loopback, the demo studio, ${ROWS} rows per file, over HTTP to the built app in the same process. Times in ms. The commit writes every row (and its audit entry) in one transaction; the second preview finds every row already there (all skipped).

| file | preview | commit | preview again (all skipped) |
| --- | --- | --- | --- |
${lines.join('\n')}

Process memory (RSS, server and bench together): ${Math.round(rssBefore / 2 ** 20)} MB before, ${Math.round(rssPeak / 2 ** 20)} MB at the peak.
`);
  } finally {
    await app.close();
    const d = await createConnection(conn);
    await d.query(`DROP DATABASE IF EXISTS \`${dbName}\``);
    await d.end();
  }
}

void main().catch((e) => {
  console.error(e);
  process.exit(1);
});
