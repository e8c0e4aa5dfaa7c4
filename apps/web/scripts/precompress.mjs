// After `vite build`: writes .br and .gz beside each compressible file of build/, which the server sends to
// browsers that accept them (serveStatic's `precompressed`), so nothing is compressed per request.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const root = new URL('../build/', import.meta.url).pathname;
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.svg', '.txt', '.webmanifest', '.xml']);
const MIN_BYTES = 1024; // smaller files gain less than the request headers weigh

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else yield path;
  }
}

let count = 0;
for (const path of files(root)) {
  if (!COMPRESSIBLE.has(extname(path))) continue;
  const bytes = readFileSync(path);
  if (bytes.byteLength < MIN_BYTES) continue;
  const br = brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
  const gz = gzipSync(bytes, { level: 9 });
  if (br.byteLength < bytes.byteLength) writeFileSync(`${path}.br`, br);
  if (gz.byteLength < bytes.byteLength) writeFileSync(`${path}.gz`, gz);
  count++;
}
console.log(`precompressed ${count} files in build/ (.br, .gz)`);
