import { defineConfig } from 'vitest/config';

// Root runner: `pnpm vitest run` runs every package's project in one process.
// `npm test` runs each package through turbo instead, which caches per package.
export default defineConfig({
  test: {
    projects: ['packages/*', 'apps/*', 'tools/*'],
    coverage: {
      provider: 'v8',
      include: ['packages/*/src/**'],
      exclude: ['**/*.test.ts', '**/*.bench.ts', '**/*.test-d.ts'],
    },
  },
});
