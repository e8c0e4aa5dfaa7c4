#!/usr/bin/env node
// Runs one benchmark: `node bench/run.mjs <name> [args]` (or `npm run bench -- <name>`). The benchmark's
// TypeScript entry, bench/<name>/index.ts, is bundled by esbuild with the workspace packages it imports (npm
// packages stay external, as in the server's build), then run by Node with the garbage collector exposed.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const [name, ...args] = process.argv.slice(2);
const names = readdirSync(here).filter((entry) => existsSync(join(here, entry, 'index.ts')));
if (!name || !names.includes(name)) {
  console.error(`usage: node bench/run.mjs <${names.join('|')}> [args]`);
  process.exit(2);
}
const outfile = join(here, 'dist', `${name}.js`);
await build({
  // The server's workers are bundled beside the benchmark, so a benchmark of the server runs them as it does.
  entryPoints: {
    [name]: join(here, name, 'index.ts'),
    'import-reader': join(here, '..', 'server', 'src', 'imports', 'import-reader.ts'),
  },
  outdir: join(here, 'dist'),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  logLevel: 'warning',
  plugins: [
    {
      name: 'external-npm-packages',
      setup(b) {
        b.onResolve({ filter: /^[^./]/ }, (a) =>
          a.path.startsWith('@livret/') ? undefined : { path: a.path, external: true },
        );
      },
    },
  ],
});
const run = spawnSync(process.execPath, ['--expose-gc', outfile, ...args], { stdio: 'inherit' });
process.exit(run.status ?? 1);
