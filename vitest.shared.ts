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
      ...overrides,
    },
  });
}
