import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** A static SPA served by the Livret server (index.html fallback for client-side routes). */
export default {
  preprocess: vitePreprocess(),
  kit: {
    adapter: adapter({ pages: 'build', assets: 'build', fallback: 'index.html', strict: false }),
    // No inline script runs but SvelteKit's own bootstrap, allowed by its hash in index.html's <meta>; the
    // server sends the same policy as a header, with the framing rule a <meta> cannot carry (http/static-site.ts).
    // Svelte sets style attributes from its templates, hence 'unsafe-inline' for styles only.
    csp: {
      mode: 'hash',
      directives: {
        'default-src': ['self'],
        'script-src': ['self'],
        'style-src': ['self', 'unsafe-inline'],
        'img-src': ['self', 'data:', 'blob:'],
        'font-src': ['self'],
        'connect-src': ['self'],
        'worker-src': ['self'],
        'object-src': ['none'],
        'base-uri': ['none'],
        'form-action': ['self'],
      },
    },
  },
};
