import * as compat from '@rel/compat';
import { describe, expect, it } from 'vitest';
import { ROOT_ALIASES, deprecationOf, unconvertedReason } from './legacy-names.js';

const rootExports = Object.keys(compat);

describe('legacy names at the @rel/compat root', () => {
  it('every root alias is a root export', () => {
    for (const alias of Object.keys(ROOT_ALIASES)) expect(rootExports, alias).toContain(alias);
  });

  it('every deprecation code is reachable from a root export (but the RETRY_* variables, which are not one)', () => {
    const reachable = new Set(rootExports.map((name) => deprecationOf('@rel/compat', name)?.code));
    const unreachable = compat.DEPRECATION_CODES.filter((code) => !reachable.has(code));
    expect(unreachable).toEqual(['REL_DEP015']);
  });

  it('names the replacement and code of a renamed root export in its TODO', () => {
    expect(unconvertedReason('@rel/compat', 'EraAOperationType')).toMatch(/; use .+ \(REL_DEP060\)$/);
    expect(unconvertedReason('@rel/compat/enhanced-retry-strategies', 'RetryManager')).toContain(
      '(REL_DEP056)',
    );
    expect(unconvertedReason('@rel/compat', 'RetryManager')).toContain('(REL_DEP001)');
  });
});
