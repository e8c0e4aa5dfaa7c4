import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.js';
import type { Database } from '../db/client.js';
import type { Services } from '../env.js';
import { createTestApp, type TestApp } from '../testing/app.js';
import { testEngines } from '../testing/database.js';

describe.each(testEngines())('/api/health on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(async () => t.close());

  const withDatabase = (database: Database) =>
    createApp({ ...t.services, database }, { healthTimeoutMs: 100 }).request('/api/health');

  it('answers 200 while the database answers', async () => {
    const response = await t.app.request('/api/health');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', engine });
  });

  it('answers 503 when the database fails or does not answer in time', async () => {
    const failing = { ...t.services.database, db: { execute: () => Promise.reject(new Error('down')) } };
    const hanging = { ...t.services.database, db: { execute: () => new Promise(() => {}) } };
    for (const database of [failing, hanging] as unknown as Database[]) {
      const started = Date.now();
      const response = await withDatabase(database);
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({ status: 'unavailable', engine });
      expect(Date.now() - started).toBeLessThan(2000);
    }
  });
});

// A closed database is the real thing the fakes above stand for.
describe('/api/health with a closed database', () => {
  it('answers 503', async () => {
    const t = await createTestApp('pglite');
    await t.services.database.close();
    const services: Services = t.services;
    const response = await createApp(services).request('/api/health');
    expect(response.status).toBe(503);
    t.services.rooms.close();
  });
});
