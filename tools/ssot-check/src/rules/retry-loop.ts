import ts from 'typescript';
import { calleeName, containsDelay, isFunctionLike, position, walkSameScope } from '../ast.js';
import type { Finding } from '../finding.js';

const ATTEMPT_WORDS = /attempt|retr|tries|tried/i;

function isLoop(node: ts.Node): node is ts.IterationStatement {
  return (
    ts.isForStatement(node) ||
    ts.isForOfStatement(node) ||
    ts.isForInStatement(node) ||
    ts.isWhileStatement(node) ||
    ts.isDoStatement(node)
  );
}

/** The loop's header (condition, initializer, incrementor) as text. */
function headerText(file: ts.SourceFile, loop: ts.IterationStatement): string {
  return loop
    .getText(file)
    .slice(0, loop.statement.getStart(file) - loop.getStart(file))
    .concat(ts.isDoStatement(loop) ? loop.expression.getText(file) : '');
}

/**
 * Hand-rolled retry loops: a loop around try/catch that waits, either in the catch (sleep
 * then go round again) or anywhere in a loop counting attempts. A polling loop that waits
 * outside its catch and counts nothing is not a retry loop. Also: a function that calls
 * itself again from its catch after waiting (recursive retry).
 */
export function findRetryLoops(file: ts.SourceFile, relPath: string): Finding[] {
  const findings: Finding[] = [];
  const report = (node: ts.Node, message: string): void => {
    findings.push({ rule: 'retry-loop', file: relPath, ...position(file, node), message });
  };

  const visit = (node: ts.Node): void => {
    if (isLoop(node)) {
      const catches: ts.CatchClause[] = [];
      walkSameScope(node.statement, (inner) => {
        if (ts.isTryStatement(inner) && inner.catchClause) catches.push(inner.catchClause);
      });
      if (catches.length > 0) {
        const waitsInCatch = catches.some((c) => containsDelay(c.block));
        const countsAttempts = ATTEMPT_WORDS.test(headerText(file, node)) && containsDelay(node.statement);
        if (waitsInCatch || countsAttempts) {
          report(
            node,
            'hand-rolled retry loop (a loop around try/catch that sleeps); use UnifiedRetryHandler from @rel/retry',
          );
        }
      }
    }
    if (isFunctionLike(node)) {
      const name = functionName(node);
      if (name !== undefined) {
        walkSameScope(node, (inner) => {
          if (ts.isCatchClause(inner) && containsDelay(inner.block)) {
            walkSameScope(inner.block, (call) => {
              if (ts.isCallExpression(call) && calleeName(call) === name) {
                report(
                  call,
                  `recursive retry (${name} calls itself from its catch after waiting); use UnifiedRetryHandler from @rel/retry`,
                );
              }
            });
          }
        });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return findings;
}

function functionName(node: ts.Node): string | undefined {
  if (
    (ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node)) &&
    node.name &&
    ts.isIdentifier(node.name)
  ) {
    return node.name.text;
  }
  if ((ts.isArrowFunction(node) || ts.isFunctionExpression(node)) && ts.isVariableDeclaration(node.parent)) {
    return ts.isIdentifier(node.parent.name) ? node.parent.name.text : undefined;
  }
  return undefined;
}
