import { defineProject, type UserWorkspaceConfig } from 'vitest/config';

/**
 * The one vitest preset every package uses. It resolves `@rel/*` imports to their `src/`
 * through the `@rel/source` export condition, so tests run against source without a build.
 * (The `ssr.resolve.conditions` entry is what vitest's node environment reads.)
 */
export function relProject(name: string, overrides: UserWorkspaceConfig['test'] = {}): UserWorkspaceConfig {
  const conditions = ['@rel/source', 'module', 'node', 'development|production'];
  return defineProject({
    resolve: { conditions },
    ssr: { resolve: { conditions } },
    test: {
      name,
      include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
      environment: 'node',
      clearMocks: true,
      restoreMocks: true,
      testTimeout: 60_000,
      // One module graph per worker instead of one per test file: re-importing the
      // packages from source for every file was most of the suite's time (core 40 s -> 9 s,
      // compat 49 s -> 20 s). Tests own no module state: each installs and restores its
      // fake clock and default manager and resets the warn-once registry, and every package
      // passes with its files shuffled (`vitest run --sequence.shuffle.files`). The demo,
      // whose scenario test reads once-per-process warnings, keeps isolation.
      isolate: false,
      ...overrides,
    },
  });
}
