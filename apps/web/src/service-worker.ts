/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/**
 * The app shell offline: this build's files are cached under its version (an older build's cache is dropped
 * when this one activates), pages are asked of the network first and answered with the cached shell when it
 * cannot be reached. Of the API only the workspace payloads are kept (the last one of each class and period,
 * for opening a workspace offline with its local copy); nothing else under /api/ or /sync/ is touched.
 */

import { WORKSPACE_CACHE } from '$lib/doc/offline-cache';
import { build, files, version } from '$service-worker';

const sw = self as unknown as ServiceWorkerGlobalScope;
const SHELL = `livret-shell-${version}`;
const assets = new Set([...build, ...files]);
const WORKSPACE = /^\/api\/classes\/[^/]+\/periods\/[^/]+\/workspace$/;

sw.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(SHELL)
      .then((cache) => cache.addAll([...assets, '/']))
      .then(() => sw.skipWaiting()),
  );
});

sw.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys.filter((k) => k.startsWith('livret-shell-') && k !== SHELL).map((k) => caches.delete(k)),
        ),
      )
      .then(() => sw.clients.claim()),
  );
});

sw.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== sw.location.origin) return;
  if (WORKSPACE.test(url.pathname)) event.respondWith(workspace(request));
  else if (url.pathname.startsWith('/api/') || url.pathname.startsWith('/sync/')) return;
  else if (assets.has(url.pathname)) event.respondWith(shellFirst(request));
  else if (request.mode === 'navigate') event.respondWith(page(request));
});

/** Build files: from this version's cache (their names change with their content). */
async function shellFirst(request: Request): Promise<Response> {
  return (await caches.match(request, { cacheName: SHELL })) ?? fetch(request);
}

/** Pages: the network's answer, else the shell (the SPA routes on the client). */
async function page(request: Request): Promise<Response> {
  try {
    return await fetch(request);
  } catch (error) {
    const shell = await caches.match('/', { cacheName: SHELL });
    if (shell) return shell;
    throw error;
  }
}

/** The network's payload (kept as the last one); offline, the last one kept; refused, none kept any more. */
async function workspace(request: Request): Promise<Response> {
  const cache = await caches.open(WORKSPACE_CACHE);
  let response: Response;
  try {
    response = await fetch(request);
  } catch (error) {
    const kept = await cache.match(request);
    if (kept) return kept;
    throw error;
  }
  if (response.ok) await cache.put(request, response.clone());
  else await cache.delete(request);
  return response;
}
