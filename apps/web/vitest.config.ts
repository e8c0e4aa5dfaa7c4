import { defineProject } from 'vitest/config';

// The web app's pure helpers (no DOM, no Svelte): tests beside the code. The TypeScript settings are given
// here so the tests do not need `svelte-kit sync` to have written .svelte-kit/tsconfig.json first.
export default defineProject({
  esbuild: {
    tsconfigRaw: JSON.stringify({ compilerOptions: { verbatimModuleSyntax: true, target: 'es2022' } }),
  },
  test: { name: 'web', include: ['src/**/*.test.ts'] },
});
