// Bundles the server, with the workspace packages it imports (TypeScript sources), into dist/main.js (and
// its workers beside it).
// Packages from npm stay external and load from node_modules.
import { build } from 'esbuild';

await build({
  // The server, and the worker that reads LSU imports off the main thread (src/imports/read-off-thread.ts).
  entryPoints: { main: 'src/main.ts', 'import-reader': 'src/imports/import-reader.ts' },
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
