// A client-side app: the workspace lives in the browser (IndexedDB + WebSocket), so no server rendering.
export const ssr = false;
export const prerender = false;
