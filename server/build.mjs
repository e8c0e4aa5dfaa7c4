// Bundles the server, with the workspace packages it imports (TypeScript sources), into dist/main.js (and
// its workers beside it), and copies the fonts of the printed bilans to dist/fonts.
// Packages from npm stay external and load from node_modules.
import { cpSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

await build({
  // The server, the worker that reads LSU imports off the main thread (src/imports/read-off-thread.ts) and the
  // one that renders PDF éditions (src/editions/render-pool.ts).
  entryPoints: {
    main: 'src/main.ts',
    'import-reader': 'src/imports/import-reader.ts',
    'edition-renderer': 'src/editions/edition-renderer.ts',
    // The operators' check of the frozen versions' hashes and chains (`pnpm run verify`).
    verify: 'src/verify.ts',
  },
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  sourcemap: true,
  logLevel: 'warning',
  plugins: [
    {
      name: 'external-npm-packages',
      setup(b) {
        b.onResolve({ filter: /^[^./]/ }, (args) =>
          args.path.startsWith('@livret/') ? undefined : { path: args.path, external: true },
        );
      },
    },
  ],
});

// The bundled @livret/pdf looks for its fonts beside the bundle (fontsDirectory()).
const fonts = dirname(fileURLToPath(import.meta.resolve('@livret/pdf/fonts/NOTICE')));
cpSync(fonts, 'dist/fonts', { recursive: true });
