import ts from 'typescript';

/** True for nodes that start a new function scope (their bodies run later, not in the loop). */
export function isFunctionLike(node: ts.Node): boolean {
  return (
    ts.isFunctionDeclaration(node) ||
    ts.isFunctionExpression(node) ||
    ts.isArrowFunction(node) ||
    ts.isMethodDeclaration(node) ||
    ts.isConstructorDeclaration(node) ||
    ts.isGetAccessorDeclaration(node) ||
    ts.isSetAccessorDeclaration(node) ||
    ts.isClassDeclaration(node) ||
    ts.isClassExpression(node)
  );
}

/** The called name: `sleep(...)` -> `sleep`, `timers.setTimeout(...)` -> `setTimeout`. */
export function calleeName(call: ts.CallExpression | ts.NewExpression): string | undefined {
  const callee = call.expression;
  if (ts.isIdentifier(callee)) return callee.text;
  if (ts.isPropertyAccessExpression(callee)) return callee.name.text;
  return undefined;
}

/** An arrow or function passed to `new Promise(...)`: its body runs now, as part of the await. */
export function isPromiseExecutor(node: ts.Node): boolean {
  const parent = node.parent;
  return (
    (ts.isArrowFunction(node) || ts.isFunctionExpression(node)) &&
    parent !== undefined &&
    ts.isNewExpression(parent) &&
    ts.isIdentifier(parent.expression) &&
    parent.expression.text === 'Promise'
  );
}

/**
 * Visits `root`'s descendants that run in the same scope: nested functions are skipped,
 * except Promise executors (`await new Promise((r) => setTimeout(r, ms))` is a sleep).
 */
export function walkSameScope(root: ts.Node, visit: (node: ts.Node) => void): void {
  const step = (node: ts.Node): void => {
    if (node !== root && isFunctionLike(node) && !isPromiseExecutor(node)) return;
    visit(node);
    ts.forEachChild(node, step);
  };
  ts.forEachChild(root, step);
}

/** Names of calls that wait: the sleeps of hand-rolled retry loops. */
const DELAY_NAMES = new Set(['setTimeout', 'sleep', 'delay', 'wait', 'pause', 'backoff']);

/** True when `root` (same scope) contains a call that waits. */
export function containsDelay(root: ts.Node): boolean {
  let found = false;
  walkSameScope(root, (node) => {
    if (!found && (ts.isCallExpression(node) || ts.isNewExpression(node))) {
      const name = calleeName(node);
      if (name !== undefined && DELAY_NAMES.has(name)) found = true;
    }
  });
  return found;
}

/** 1-based line/column of a node. */
export function position(file: ts.SourceFile, node: ts.Node): { line: number; column: number } {
  const { line, character } = file.getLineAndCharacterOfPosition(node.getStart(file));
  return { line: line + 1, column: character + 1 };
}
