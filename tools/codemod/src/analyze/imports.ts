import { SyntaxKind, type ImportDeclaration } from 'ts-morph';
import { survives, type Edit } from '../edits.js';
import { helperImports, helperText, type HelperName } from '../emit/helpers.js';
import type { FileContext } from './context.js';
import type { PlannedProfile } from './plan-types.js';

const MODULE_ORDER = ['@rel/core', '@rel/config'];

/** The canonical names the new code needs, by module (`type X` for a type-only name). */
function neededImports(
  profiles: readonly PlannedProfile[],
  helpers: readonly HelperName[],
): Map<string, Set<string>> {
  const needed = new Map<string, Set<string>>();
  const add = (module: string, name: string): void => {
    const set = needed.get(module) ?? new Set<string>();
    set.add(name);
    needed.set(module, set);
  };
  if (profiles.length > 0) {
    add('@rel/core', 'getDefaultManager');
    add('@rel/config', 'parseReliabilityConfig');
  }
  if (profiles.some((p) => p.spec.systemRandom)) add('@rel/config', 'systemRandom');
  for (const h of helpers) {
    for (const [module, names] of Object.entries(helperImports(h))) names.forEach((n) => add(module, n));
  }
  return needed;
}

const bare = (name: string): string => name.replace(/^type /, '');

/** Names a declaration already brings in (local names). */
function importedNames(d: ImportDeclaration): Set<string> {
  return new Set(d.getNamedImports().map((n) => (n.getAliasNode() ?? n.getNameNode()).getText()));
}

/** The declarations of a file that are plain named imports from `module` (not type-only, not namespace). */
const mergeTarget = (
  declarations: readonly ImportDeclaration[],
  module: string,
): ImportDeclaration | undefined =>
  declarations.find(
    (d) => d.getModuleSpecifierValue() === module && !d.isTypeOnly() && d.getNamespaceImport() === undefined,
  );

/**
 * The import and header edits of a file: legacy import specifiers nothing reads any more
 * are dropped (the declaration too when empty); the canonical names the rewrites need are
 * merged into an existing import of their module or imported anew; the helpers and the
 * profile constants go right after the imports.
 */
export function headerAndImportEdits(
  ctx: FileContext,
  edits: readonly Edit[],
  profiles: readonly PlannedProfile[],
  helpers: readonly HelperName[],
): Edit[] {
  const out: Edit[] = [];
  const file = ctx.file;
  const declarations = file.getImportDeclarations();
  const survivingLocals = new Set(
    ctx.refs.filter((r) => survives(edits, r.getStart())).map((r) => ctx.legacyOf(r)!.local),
  );
  for (const d of new Set(ctx.imports.map((i) => i.declaration))) {
    const named = d.getNamedImports();
    const keep = named.filter((n) => survivingLocals.has((n.getAliasNode() ?? n.getNameNode()).getText()));
    if (keep.length === named.length) continue;
    if (keep.length === 0 && d.getDefaultImport() === undefined && d.getNamespaceImport() === undefined) {
      out.push({ start: d.getStart(), end: d.getEnd(), parts: [] });
      continue;
    }
    const braces = d.getImportClause()?.getFirstDescendantByKind(SyntaxKind.NamedImports);
    if (braces !== undefined) {
      out.push({
        start: braces.getStart(),
        end: braces.getEnd(),
        parts: [`{ ${keep.map((n) => n.getText()).join(', ')} }`],
      });
    }
  }

  const needed = neededImports(profiles, helpers);
  const fresh: string[] = [];
  for (const module of MODULE_ORDER) {
    const names = needed.get(module);
    if (names === undefined) continue;
    const target = mergeTarget(declarations, module);
    const have = new Set(
      declarations
        .filter((d) => d.getModuleSpecifierValue() === module)
        .flatMap((d) => [...importedNames(d)]),
    );
    const missing = [...names].filter((n) => !have.has(bare(n)));
    if (missing.length === 0) continue;
    const braces = target?.getImportClause()?.getFirstDescendantByKind(SyntaxKind.NamedImports);
    if (target !== undefined && braces !== undefined) {
      const existing = target.getNamedImports().map((n) => n.getText());
      out.push({
        start: braces.getStart(),
        end: braces.getEnd(),
        parts: [`{ ${[...existing, ...missing].join(', ')} }`],
      });
    } else {
      fresh.push(`import { ${missing.join(', ')} } from '${module}';`);
    }
  }

  const declared = new Set(file.getFunctions().map((f) => f.getName()));
  const blocks = helpers.filter((h) => !declared.has(h)).map(helperText);
  for (const p of profiles) {
    blocks.push(
      `// rel-migrate: was ${p.spec.origin}\nconst ${p.constName} = parseReliabilityConfig(${p.spec.input});`,
    );
  }
  if (fresh.length === 0 && blocks.length === 0) return out;
  const last = declarations.at(-1);
  const at = last === undefined ? 0 : last.getEnd();
  const head = fresh.length === 0 ? '' : `\n${fresh.join('\n')}`;
  const body = blocks.length === 0 ? '' : `\n\n${blocks.join('\n\n')}\n`;
  out.push({ start: at, end: at, parts: [`${head}${body}`] });
  return out;
}
