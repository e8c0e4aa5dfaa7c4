/**
 * `npm start`: the server on PORT (3000), the embedded database unless DATABASE_URL is set (migrations as
 * DATABASE_OWNER_URL when given).
 */
import { fileURLToPath } from 'node:url';
import { SETUP_CODE_HOURS } from './accounts/setup.js';
import { DEMO_PASSWORD, demoAccounts } from './seed/index.js';
import { startServer } from './server.js';

const port = Number(process.env.PORT ?? 3000);
// Paths from the bundle (server/dist/main.js): the web build and ./data of the repository.
const webRoot = fileURLToPath(new URL('../../apps/web/build', import.meta.url));
const defaultDataDir = fileURLToPath(new URL('../../data/pglite', import.meta.url));
const running = await startServer({
  port,
  // DATABASE_OWNER_URL alone serves for both: the server drops to its runtime role after migrating.
  databaseUrl: process.env.DATABASE_URL || process.env.DATABASE_OWNER_URL || undefined,
  databaseOwnerUrl: process.env.DATABASE_OWNER_URL || undefined,
  dataDir: process.env.LIVRET_DATA_DIR || defaultDataDir,
  webRoot,
  // Set behind a TLS reverse proxy (README): the client's address and HTTPS come from its X-Forwarded-* headers.
  trustProxy: ['1', 'true', 'yes'].includes((process.env.TRUST_PROXY ?? '').toLowerCase()),
});

const engine =
  running.database.engine === 'pglite' ? 'PGlite (embedded, ./data)' : 'PostgreSQL (DATABASE_URL)';
console.log(`
Livret is running: ${running.url}   (database: ${engine})
`);
if (running.demo) {
  console.log(`Demo accounts (password: ${DEMO_PASSWORD})
${demoAccounts.map((a) => `  ${a.login.padEnd(34)} ${a.role}`).join('\n')}
`);
}
if (running.setupCode) {
  console.log(`First installation: open ${running.url}/installation and type the setup code
  ${running.setupCode}
(valid ${SETUP_CODE_HOURS} h, once; a restart makes a new one while no account exists)
`);
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    running.close().finally(() => process.exit(0));
  });
}
