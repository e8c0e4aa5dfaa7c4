import { defineConfig } from 'vitest/config';

// One run for every package: unit tests beside the code, database tests (*.db.test.ts) on PGlite and, when
// DATABASE_URL is set, on that PostgreSQL server too.
export default defineConfig({
  test: {
    projects: ['packages/*', 'server', 'apps/web'],
  },
});
