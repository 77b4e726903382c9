import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const src = fileURLToPath(new URL('..', import.meta.url));
const ENTRIES = [
  'index.ts',
  'retry-manager/index.ts',
  'reliability-retry/index.ts',
  'enhanced-retry/index.ts',
  'unified-retry-handler/index.ts',
  'async-retry-logic/index.ts',
  'reliability-manager/index.ts',
  'agent-reliability/index.ts',
  'retry-policy/index.ts',
  'enhanced-retry-strategies/index.ts',
  'resilience-retry-manager/index.ts',
  'agent-reliability-mixin/index.ts',
].map((f) => `${src}${f}`);

/** Every export of every entry point, with the `@deprecated` text of its declarations. */
function exportsWithDeprecation(): { entry: string; name: string; deprecated: string[] }[] {
  const program = ts.createProgram(ENTRIES, {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    customConditions: ['@rel/source'],
    noEmit: true,
    skipLibCheck: true,
  });
  const checker = program.getTypeChecker();
  const out: { entry: string; name: string; deprecated: string[] }[] = [];
  for (const entry of ENTRIES) {
    const file = program.getSourceFile(entry)!;
    const moduleSymbol = checker.getSymbolAtLocation(file)!;
    for (const exported of checker.getExportsOfModule(moduleSymbol)) {
      const target = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
      const deprecated = (target.declarations ?? []).map((d) => {
        const tag = ts.getJSDocTags(d).find((t) => t.tagName.text === 'deprecated');
        return tag === undefined ? '' : (ts.getTextOfJSDocComment(tag.comment) ?? '');
      });
      out.push({ entry: entry.slice(src.length), name: exported.name, deprecated });
    }
  }
  return out;
}

describe('JSDoc', () => {
  it('marks every export of every entry point @deprecated, naming the removal version', () => {
    const all = exportsWithDeprecation();
    expect(all.length).toBeGreaterThan(100);
    const missing = all.filter(
      (e) => e.deprecated.length === 0 || e.deprecated.some((text) => !text.includes('2.0.0')),
    );
    expect(missing.map((e) => `${e.entry}: ${e.name}`)).toEqual([]);
  });
});
