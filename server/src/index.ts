/** Public entry of @livret/server: the app factory and its type (for `hc`), and the server starter. */
export { type AppType, createApp } from './app.js';
export { type RunningServer, startServer } from './server.js';
