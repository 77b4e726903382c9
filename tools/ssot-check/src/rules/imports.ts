import ts from 'typescript';
import { position } from '../ast.js';
import type { Finding } from '../finding.js';

/** Retry, backoff and breaker libraries that duplicate what @rel does. */
export const RELIABILITY_LIBRARIES: readonly string[] = [
  'async-retry',
  'axios-retry',
  'backoff',
  'brakes',
  'cockatiel',
  'exponential-backoff',
  'fetch-retry',
  'mollitia',
  'opossum',
  'p-retry',
  'promise-retry',
  'retry',
  'retry-axios',
  'ts-retry-promise',
];

/** Every module specifier the file imports, re-exports, requires or imports dynamically. */
function specifiers(file: ts.SourceFile): Array<{ node: ts.Node; name: string }> {
  const out: Array<{ node: ts.Node; name: string }> = [];
  const visit = (node: ts.Node): void => {
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      // Type-only imports carry no behaviour, but they still tie the code to the library's API.
      out.push({ node, name: node.moduleSpecifier.text });
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      const expr = node.moduleReference.expression;
      if (ts.isStringLiteral(expr)) out.push({ node, name: expr.text });
    } else if (
      ts.isCallExpression(node) &&
      node.arguments.length === 1 &&
      ts.isStringLiteral(node.arguments[0]!)
    ) {
      const isRequire = ts.isIdentifier(node.expression) && node.expression.text === 'require';
      const isDynamicImport = node.expression.kind === ts.SyntaxKind.ImportKeyword;
      if (isRequire || isDynamicImport) out.push({ node, name: node.arguments[0].text });
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return out;
}

/** The package a specifier names: `cockatiel/dist/x` -> `cockatiel`, `@rel/compat/retry-manager` -> `@rel/compat`. */
export function packageOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

/** Imports of other retry/breaker libraries. */
export function findLibraryImports(file: ts.SourceFile, relPath: string): Finding[] {
  return specifiers(file)
    .filter(({ name }) => RELIABILITY_LIBRARIES.includes(packageOf(name)))
    .map(({ node, name }) => ({
      rule: 'reliability-library' as const,
      file: relPath,
      ...position(file, node),
      message: `imports ${packageOf(name)}, a second reliability library; use the @rel packages`,
    }));
}

/** Imports of the deprecated legacy names in @rel/compat. */
export function findDeprecatedImports(file: ts.SourceFile, relPath: string): Finding[] {
  return specifiers(file)
    .filter(({ name }) => packageOf(name) === '@rel/compat')
    .map(({ node, name }) => ({
      rule: 'deprecated-import' as const,
      file: relPath,
      ...position(file, node),
      message: `imports deprecated legacy names from ${name}; migrate with tools/codemod, or allowlist this file as legacy code`,
    }));
}
