/** The one Hono environment of the server: what every handler can read from its context. */

import type { Actor } from './access/actor.js';
import type { Database } from './db/client.js';
import type { Client } from './http/client.js';
import type { Rooms } from './sync/rooms.js';

export interface Services {
  database: Database;
  rooms: Rooms;
  /** The clock: tests pass a fixed one. */
  now: () => Date;
}

export type AppEnv = {
  Variables: {
    services: Services;
    /** Set by `requireActor` on authenticated routes. */
    actor: Actor;
    /** The client's address and whether it came over TLS (http/client.ts). */
    client: Client;
  };
};
