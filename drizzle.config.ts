import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'drizzle-kit';

// Paths relative to this file, so `drizzle-kit` works from the root and from server/ (`--config ../drizzle.config.ts`).
const root = dirname(fileURLToPath(import.meta.url));
const fromCwd = (path: string) => relative(process.cwd(), resolve(root, path)) || '.';

export default defineConfig({
  dialect: 'postgresql',
  schema: fromCwd('server/src/db/schema.ts'),
  out: fromCwd('server/drizzle'),
});
