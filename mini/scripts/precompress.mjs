// Writes a brotli (.br, quality 11) and a gzip (.gz, level 9) copy next to each text file of the H5
// build, once per build. The server sends these as they are (express-static-gzip), so a phone on a
// slow network gets ~15 % fewer bytes than on-the-fly compression gives, and forty apprentices
// opening the check-in link at once cost the server no compression CPU.
// Usage: node scripts/precompress.mjs [dir]   (default dist/h5; run by `build:h5`)
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const dir = process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'h5');
const TEXT = /\.(?:js|css|html|svg|json|map|txt)$/;
// Below this a compressed copy saves less than a packet (and the server's threshold is the same).
const MIN_BYTES = 1024;

function files(d) {
  return readdirSync(d).flatMap((name) => {
    const p = join(d, name);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

let raw = 0;
let br = 0;
let count = 0;
for (const file of files(dir)) {
  if (!TEXT.test(file) || file.endsWith('.LICENSE.txt')) continue;
  const data = readFileSync(file);
  if (data.length < MIN_BYTES) continue;
  const brotli = brotliCompressSync(data, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
    },
  });
  writeFileSync(`${file}.br`, brotli);
  writeFileSync(`${file}.gz`, gzipSync(data, { level: 9 }));
  raw += data.length;
  br += brotli.length;
  count++;
}
console.log(
  `precompress: ${count} files in ${dir}, ${(raw / 1024).toFixed(1)} KB → ${(br / 1024).toFixed(1)} KB brotli`,
);
