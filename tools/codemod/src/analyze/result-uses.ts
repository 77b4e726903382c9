import {
  Node,
  VariableDeclarationKind,
  SyntaxKind,
  type CallExpression,
  type PropertyAccessExpression,
} from 'ts-morph';
import type { Edit } from '../edits.js';
import type { HelperName } from '../emit/helpers.js';
import { shorten } from '../static-value.js';
import { referencesOf } from './context.js';

/**
 * The legacy `RetryResult` fields, read from the canonical `ReliabilityResult` `r`:
 * `result` is the value of a success, `attempts` a count, `totalDuration` seconds and
 * `lastError` the operation's own last error (the `cause` of the typed error).
 */
const FIELDS: Readonly<Record<string, { text: (r: string) => string; helper?: HelperName }>> = {
  success: { text: (r) => `${r}.success` },
  result: { text: (r) => `(${r}.success ? ${r}.value : undefined)` },
  attempts: { text: (r) => `${r}.attempts.length` },
  totalDuration: { text: (r) => `(${r}.totalTimeMs / 1000)` },
  lastError: {
    text: (r) => `(${r}.success ? undefined : legacyErrorOf(${r}.error))`,
    helper: 'legacyErrorOf',
  },
};

// Fields that read `r` once, so they can stand on `(await call)` itself.
const SINGLE_READ = new Set(['success', 'attempts', 'totalDuration']);

const isWrite = (node: Node): boolean => {
  const parent = node.getParent();
  return (
    (Node.isBinaryExpression(parent) &&
      parent.getLeft() === node &&
      parent.getOperatorToken().getKind() >= SyntaxKind.FirstAssignment &&
      parent.getOperatorToken().getKind() <= SyntaxKind.LastAssignment) ||
    ((Node.isPrefixUnaryExpression(parent) || Node.isPostfixUnaryExpression(parent)) &&
      [SyntaxKind.PlusPlusToken, SyntaxKind.MinusMinusToken].includes(parent.getOperatorToken())) ||
    Node.isDeleteExpression(parent)
  );
};

function fieldEdit(access: PropertyAccessExpression, r: string): Edit | { reason: string } {
  const field = FIELDS[access.getName()];
  if (field === undefined || isWrite(access)) {
    return {
      reason: `the RetryResult use \`${shorten(access.getText())}\` has no canonical counterpart the codemod can write`,
    };
  }
  return { start: access.getStart(), end: access.getEnd(), parts: [field.text(r)] };
}

/**
 * Edits that keep the reads of a `RetryManager.executeWithRetry` result working on the
 * canonical result: `await call;`, `const r = await call;` with `r.success`, `r.result`,
 * `r.attempts`, `r.totalDuration`, `r.lastError`, or `(await call).success` and the other
 * single-read fields. Anything else (the result passed on, returned, destructured) is a
 * use the codemod cannot follow.
 */
export function resultUseEdits(
  call: CallExpression,
): { edits: Edit[]; helpers: HelperName[] } | { reason: string } {
  const awaited = call.getParent();
  if (!Node.isAwaitExpression(awaited)) {
    return { reason: 'the RetryResult promise is used without `await`, which the codemod cannot follow' };
  }
  const holder = awaited.getParent();
  if (Node.isExpressionStatement(holder)) return { edits: [], helpers: [] };
  if (Node.isParenthesizedExpression(holder)) {
    const access = holder.getParent();
    if (Node.isPropertyAccessExpression(access) && SINGLE_READ.has(access.getName()) && !isWrite(access)) {
      const text = FIELDS[access.getName()]!.text('__R__');
      const [before, after] = text.split('__R__') as [string, string];
      return {
        edits: [
          { start: access.getStart(), end: holder.getStart(), parts: [before] },
          { start: holder.getEnd(), end: access.getEnd(), parts: [after] },
        ],
        helpers: [],
      };
    }
  }
  if (Node.isVariableDeclaration(holder) && holder.getInitializer() === awaited) {
    const name = holder.getNameNode();
    if (
      Node.isIdentifier(name) &&
      holder.getVariableStatement()?.getDeclarationKind() === VariableDeclarationKind.Const
    ) {
      const edits: Edit[] = [];
      const helpers = new Set<HelperName>();
      for (const use of referencesOf(call.getSourceFile(), name)) {
        const access = use.getParent();
        if (!Node.isPropertyAccessExpression(access) || access.getExpression() !== use) {
          return {
            reason: `the RetryResult \`${name.getText()}\` is used as a whole (\`${shorten(access?.getText() ?? '')}\`)`,
          };
        }
        const edit = fieldEdit(access, name.getText());
        if ('reason' in edit) return edit;
        edits.push(edit);
        const helper = FIELDS[access.getName()]!.helper;
        if (helper !== undefined) helpers.add(helper);
      }
      return { edits, helpers: [...helpers] };
    }
  }
  return {
    reason: `the RetryResult is used as \`${shorten(holder?.getText() ?? '')}\`, which the codemod cannot follow`,
  };
}
