/**
 * Evidence upload figures (docs/benchmarks.md "## evidence uploads"): upload throughput and the
 * server's peak memory while it takes 20 MB PDFs (which must stream to disk, not be buffered)
 * and 1600 px photos (re-encoded without EXIF, thumbnailed by sharp). The real build
 * (node dist/main.js) runs as a child process on the embedded database with the demo data and
 * local-disk storage in a temp directory; the peak resident set (VmHWM in /proc/<pid>/status,
 * Linux) is read before and after each batch. Prints a Markdown section.
 *
 *   pnpm --filter @master-studio/server bench:evidence [-- --quick]
 */
import { randomBytes } from 'node:crypto';
import { createReadStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { spawn } from 'node:child_process';
import { round } from './http';

const QUICK = process.argv.includes('--quick');
const PDFS = QUICK ? 2 : 5;
const PHOTOS = QUICK ? 3 : 10;
const PDF_BYTES = 20_000_000;
const PORT = 3600 + Math.floor(Math.random() * 300);
const BASE = `http://127.0.0.1:${PORT}`;

const mb = (n: number): number => round(n / 1024 / 1024);

function peakRss(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
}
function rss(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
}

/** POSTs one file as multipart, streamed from disk; resolves with the status. */
function upload(
  token: string,
  studioId: number,
  key: string,
  path: string,
  size: number,
  name: string,
) {
  const boundary = `----bench${randomBytes(8).toString('hex')}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return new Promise<number>((resolve, reject) => {
    const req = httpRequest(
      `${BASE}/api/studios/${studioId}/evidence?subject=facility&key=${key}`,
      {
        method: 'POST',
        // A fresh connection each time: a kept-alive one may have been closed while files were written.
        agent: false,
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': `multipart/form-data; boundary=${boundary}`,
          'content-length': String(head.length + size + tail.length),
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.write(head);
    const file = createReadStream(path);
    file.on('error', reject);
    file.on('end', () => req.end(tail));
    file.pipe(req, { end: false });
  });
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-evidence-'));
  // Its own start-up wait: seeding the demo data takes tens of seconds on a busy machine.
  const server = spawn(process.execPath, [join(__dirname, '..', 'dist', 'main.js')], {
    env: {
      ...process.env,
      DATABASE_URL: 'sqlite::memory:',
      PORT: String(PORT),
      JWT_SECRET: 'bench-secret-0123456789abcdef',
      LOG_LEVEL: 'warn',
      LOG_REQUESTS: 'false',
      DEMO_LOGIN: 'true',
      SEED_DEMO: 'true',
      EVIDENCE_DIR: join(dir, 'store'),
      EVIDENCE_QUOTA_MB: '100000',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  for (let i = 0; ; i++) {
    if (
      await fetch(`${BASE}/api/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    if (i > 300 || server.exitCode !== null) {
      server.kill('SIGTERM');
      throw new Error('server did not start');
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  try {
    const pid = server.pid!;
    const token = (
      (await (
        await fetch(`${BASE}/api/auth/demo`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username: 'leader' }),
        })
      ).json()) as { accessToken: string }
    ).accessToken;
    const me = (await (
      await fetch(`${BASE}/api/me`, { headers: { authorization: `Bearer ${token}` } })
    ).json()) as { roles: { role: string; studioId?: number }[] };
    const studioId = me.roles.find((r) => r.role === 'leader')!.studioId!;

    // Warm up (first request, sharp's first load), then the baseline.
    const warm = join(dir, 'warm.jpg');
    writeFileSync(
      warm,
      await sharp({ create: { width: 64, height: 64, channels: 3, background: '#888' } })
        .jpeg()
        .toBuffer(),
    );
    await upload(token, studioId, 'space', warm, readFileSync(warm).length, 'warm.jpg');
    const base = { rss: rss(pid), peak: peakRss(pid) };

    const pdfs: string[] = [];
    for (let i = 0; i < PDFS; i++) {
      const p = join(dir, `doc-${i}.pdf`);
      writeFileSync(p, Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(PDF_BYTES - 9)]));
      pdfs.push(p);
    }
    const t0 = performance.now();
    for (const [i, p] of pdfs.entries()) {
      const status = await upload(token, studioId, 'equipment', p, PDF_BYTES, `doc-${i}.pdf`);
      if (status !== 201) throw new Error(`PDF upload answered ${status}`);
    }
    const pdfMs = performance.now() - t0;
    const afterPdf = peakRss(pid);
    const afterPdfRss = rss(pid);

    const photos: { path: string; size: number }[] = [];
    for (let i = 0; i < PHOTOS; i++) {
      const p = join(dir, `photo-${i}.jpg`);
      const buf = await sharp(randomBytes(1600 * 1200 * 3), {
        raw: { width: 1600, height: 1200, channels: 3 },
      })
        .jpeg({ quality: 80 })
        .withExif({ IFD0: { Make: 'BenchCam' } })
        .toBuffer();
      writeFileSync(p, buf);
      photos.push({ path: p, size: buf.length });
    }
    const t1 = performance.now();
    for (const [i, ph] of photos.entries()) {
      const status = await upload(token, studioId, 'sign', ph.path, ph.size, `photo-${i}.jpg`);
      if (status !== 201) throw new Error(`photo upload answered ${status}`);
    }
    const photoMs = performance.now() - t1;
    const afterPhotos = peakRss(pid);
    const photoBytes = photos.reduce((n, p) => n + p.size, 0);

    const [load1] = loadavg();
    console.log(`## evidence uploads

\`pnpm --filter @master-studio/server bench:evidence${QUICK ? ' -- --quick' : ''}\` on ${cpus().length} cores (load ${round(load1 ?? 0)}), node dist/main.js, embedded database, local-disk storage, one upload at a time over loopback.

| batch | files | total | time | throughput | server peak RSS before → after |
| --- | --- | --- | --- | --- | --- |
| PDF, 20 MB each (streamed to disk, hashed, sniffed) | ${PDFS} | ${mb(PDF_BYTES * PDFS)} MB | ${round(pdfMs / 1000)} s | ${round((PDF_BYTES * PDFS) / 1024 / 1024 / (pdfMs / 1000))} MB/s | ${mb(base.peak)} → ${mb(afterPdf)} MB (+${mb(afterPdf - base.peak)} MB) |
| photo, 1600×1200 JPEG with EXIF (re-encoded, thumbnail) | ${PHOTOS} | ${mb(photoBytes)} MB | ${round(photoMs / 1000)} s | ${round(PHOTOS / (photoMs / 1000))} photos/s | ${mb(afterPdf)} → ${mb(afterPhotos)} MB (+${mb(afterPhotos - afterPdf)} MB) |

Server resident set after warm-up: ${mb(base.rss)} MB; after the PDFs: ${mb(afterPdfRss)} MB. The peak before the batches is the demo seed's (start-up), so a batch that stays under it shows +0. A 20 MB PDF that were buffered would raise the peak by at least 20 MB per upload; the streamed path raises it by the figure above.
`);
  } finally {
    server.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
