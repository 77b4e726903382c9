import {
  Node,
  SyntaxKind,
  type Identifier,
  type ImportDeclaration,
  type SourceFile,
  type Symbol as MorphSymbol,
} from 'ts-morph';
import { convertedName, isCompatModule, type ConvertedName } from '../legacy-names.js';

/** One name imported from `@rel/compat` (or a subpath) into a file. */
export interface LegacyImport {
  /** The module specifier (`@rel/compat/retry-manager`). */
  readonly specifier: string;
  /** The exported name (`RetryManager`), or `*` for a namespace import. */
  readonly exported: string;
  /** The local name in the file. */
  readonly local: string;
  /** The converted name it is, or `undefined` when the codemod leaves it alone. */
  readonly converted: ConvertedName | undefined;
  readonly declaration: ImportDeclaration;
}

/** A file's legacy imports and every reference to them outside the imports. */
export interface FileContext {
  readonly file: SourceFile;
  readonly imports: readonly LegacyImport[];
  /** Each reference (identifier) to a legacy import, in text order. */
  readonly refs: readonly Identifier[];
  /** The legacy import an identifier refers to, if any. */
  legacyOf(id: Node): LegacyImport | undefined;
}

/** Collects the legacy imports of `file` and their references. */
export function fileContext(file: SourceFile): FileContext {
  const imports: LegacyImport[] = [];
  const bySymbol = new Map<MorphSymbol, LegacyImport>();
  for (const declaration of file.getImportDeclarations()) {
    const specifier = declaration.getModuleSpecifierValue();
    if (!isCompatModule(specifier)) continue;
    const add = (exported: string, name: Identifier): void => {
      const entry: LegacyImport = {
        specifier,
        exported,
        local: name.getText(),
        converted: exported === '*' ? undefined : convertedName(specifier, exported),
        declaration,
      };
      imports.push(entry);
      const symbol = name.getSymbol();
      if (symbol !== undefined) bySymbol.set(symbol, entry);
    };
    for (const named of declaration.getNamedImports()) {
      const local = named.getAliasNode() ?? named.getNameNode();
      if (Node.isIdentifier(local)) add(named.getName(), local);
    }
    const namespace = declaration.getNamespaceImport();
    if (namespace !== undefined) add('*', namespace);
    const def = declaration.getDefaultImport();
    if (def !== undefined) add('default', def);
  }
  const legacyOf = (id: Node): LegacyImport | undefined => {
    if (!Node.isIdentifier(id)) return undefined;
    const symbol = id.getSymbol();
    return symbol === undefined ? undefined : bySymbol.get(symbol);
  };
  const refs = file
    .getDescendantsOfKind(SyntaxKind.Identifier)
    .filter(
      (id) =>
        legacyOf(id) !== undefined && id.getFirstAncestorByKind(SyntaxKind.ImportDeclaration) === undefined,
    );
  return { file, imports, refs, legacyOf };
}

/** Every identifier of `file` that refers to the same symbol as `name` (its declaration excluded). */
export function referencesOf(file: SourceFile, name: Identifier): Identifier[] {
  const symbol = name.getSymbol();
  if (symbol === undefined) return [];
  return file
    .getDescendantsOfKind(SyntaxKind.Identifier)
    .filter((id) => id !== name && id.getText() === name.getText() && id.getSymbol() === symbol);
}

/** A module-level name (a top-level declaration or an import), safe to call from a hoisted profile. */
export function isModuleLevelName(node: Node): boolean {
  if (!Node.isIdentifier(node)) return false;
  return (node.getSymbol()?.getDeclarations() ?? []).some((d) => {
    if (Node.isImportSpecifier(d) || Node.isImportClause(d) || Node.isNamespaceImport(d)) return true;
    if (Node.isVariableDeclaration(d)) return Node.isSourceFile(d.getVariableStatement()?.getParent());
    return Node.isFunctionDeclaration(d) && Node.isSourceFile(d.getParent());
  });
}

/**
 * True for expressions that can be evaluated again without a visible difference: names,
 * `this`, literals and property paths of them (the rewrite of a call may evaluate its
 * callee and arguments once per attempt instead of once per call).
 */
export function isPure(node: Node): boolean {
  if (Node.isIdentifier(node) || node.getKind() === SyntaxKind.ThisKeyword) return true;
  if (Node.isLiteralExpression(node) || Node.isNoSubstitutionTemplateLiteral(node)) return true;
  if ([SyntaxKind.TrueKeyword, SyntaxKind.FalseKeyword, SyntaxKind.NullKeyword].includes(node.getKind()))
    return true;
  if (Node.isPropertyAccessExpression(node)) return isPure(node.getExpression());
  return false;
}

/** 1-based line and column of a position. */
export function lineOf(file: SourceFile, pos: number): { line: number; column: number } {
  const { line, column } = file.getLineAndColumnAtPos(pos);
  return { line, column };
}
