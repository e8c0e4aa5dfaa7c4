/**
 * What this browser keeps so a workspace opens offline: the last workspace payload of each class and period
 * (a Cache Storage cache the service worker fills) and the signed-in account (localStorage). Both go on sign-out.
 */

/** The cache of workspace payloads (the only API answers kept). */
export const WORKSPACE_CACHE = 'livret-workspaces';

/** The localStorage key of the account last read from the server. */
export const ACCOUNT_KEY = 'livret:compte';
