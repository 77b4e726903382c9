import { Node, type Identifier, type SourceFile } from 'ts-morph';
import type { Edit } from '../edits.js';
import type { Site } from './plan-types.js';

/** The marker of every comment the codemod leaves where a human has to decide. */
export const TODO_MARKER = 'TODO(rel-migrate):';

/** The statement (or class member) a reference belongs to: where its TODO goes. */
function statementOf(node: Node): Node {
  let current = node;
  for (let parent = current.getParent(); parent !== undefined; parent = current.getParent()) {
    if (
      Node.isSourceFile(parent) ||
      Node.isBlock(parent) ||
      Node.isModuleBlock(parent) ||
      Node.isCaseClause(parent) ||
      Node.isDefaultClause(parent) ||
      Node.isClassDeclaration(parent) ||
      Node.isClassExpression(parent)
    ) {
      return current;
    }
    current = parent;
  }
  return current;
}

/**
 * One `// TODO(rel-migrate): <reason>` line above each statement that keeps a legacy name,
 * per distinct reason, unless that exact line is already there (so a second run adds
 * nothing).
 *
 * @param refs - the references that stay.
 * @param sites - the report's sites (their `detail` is the reason), in the order of `refs`' file.
 */
export function todoEdits(
  file: SourceFile,
  refs: readonly Identifier[],
  sites: readonly Site[],
  edits: readonly Edit[],
): Edit[] {
  const byStatement = new Map<Node, Set<string>>();
  for (const ref of refs) {
    const { line, column } = file.getLineAndColumnAtPos(ref.getStart());
    const site = sites.find((s) => s.line === line && s.column === column && s.status === 'left');
    if (site === undefined) continue;
    const statement = statementOf(ref);
    const reasons = byStatement.get(statement) ?? new Set<string>();
    reasons.add(site.detail);
    byStatement.set(statement, reasons);
  }
  const out: Edit[] = [];
  for (const [statement, reasons] of byStatement) {
    const existing = statement
      .getLeadingCommentRanges()
      .map((c) => c.getText())
      .join('\n');
    const lines = [...reasons].map((r) => `// ${TODO_MARKER} ${r}`).filter((l) => !existing.includes(l));
    if (lines.length === 0) continue;
    const start = statement.getStart();
    // A statement that starts inside a rewrite (it cannot: its legacy name survives) is skipped.
    if (edits.some((e) => e.start < start && start < e.end)) continue;
    const lineStart = source(file).lastIndexOf('\n', start - 1) + 1;
    const indent = source(file).slice(lineStart, start);
    const prefix = /^\s*$/.test(indent) ? indent : '';
    out.push({ start, end: start, parts: [lines.map((l) => `${l}\n${prefix}`).join('')] });
  }
  return out;
}

const source = (file: SourceFile): string => file.getFullText();
