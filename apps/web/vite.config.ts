import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';

// `pnpm --filter @livret/web dev` proxies the API and the sync socket to a server on :3000.
export default defineConfig({
  plugins: [sveltekit()],
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:3000',
      '/sync': { target: 'http://127.0.0.1:3000', ws: true },
    },
  },
});
