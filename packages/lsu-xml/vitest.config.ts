import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'lsu-xml', include: ['src/**/*.test.ts'] },
});
