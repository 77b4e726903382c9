import { describe, expect, it } from 'vitest';
import { UseScope } from './use-scope.js';

describe('UseScope', () => {
  it('sets the code for one build, restores the outer one (also after a throw)', () => {
    const scope = new UseScope();
    expect(scope.code).toBeUndefined();
    const seen = scope.run('REL_DEP071', () => [
      scope.code,
      scope.run('REL_DEP072', () => scope.code),
      scope.code,
    ]);
    expect(seen).toEqual(['REL_DEP071', 'REL_DEP072', 'REL_DEP071']);
    expect(() =>
      scope.run('REL_DEP073', () => {
        throw new Error('constructor failed');
      }),
    ).toThrow('constructor failed');
    expect(scope.code).toBeUndefined();
  });
});
