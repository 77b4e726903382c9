import {
  Node,
  VariableDeclarationKind,
  SyntaxKind,
  type CallExpression,
  type Identifier,
  type NewExpression,
} from 'ts-morph';
import type { Edit } from '../edits.js';
import { shorten } from '../static-value.js';
import { referencesOf } from './context.js';

/** A legacy object held in a name the codemod can follow: a `const` or a `private` field. */
export interface Binding {
  /** The name, used to name its profile. */
  readonly name: string;
  /** Removes the declaration. */
  readonly removal: Edit;
  /** Every use of the name. */
  readonly uses: readonly Identifier[];
}

/** A method call on a binding: `x.method(...)` or `this.x.method(...)`. */
export interface MethodUse {
  readonly method: string;
  readonly call: CallExpression;
}

/**
 * The binding `new X(...)` initialises, or why the codemod cannot follow it (an exported
 * name may be used by other modules; a public field by other classes).
 */
export function bindingOf(expr: NewExpression): Binding | { reason: string } {
  const parent = expr.getParent();
  if (Node.isVariableDeclaration(parent) && parent.getInitializer() === expr) {
    const statement = parent.getVariableStatement();
    const name = parent.getNameNode();
    if (statement === undefined || !Node.isIdentifier(name)) return { reason: 'a destructuring declaration' };
    if (statement.getDeclarationKind() !== VariableDeclarationKind.Const)
      return { reason: `\`${name.getText()}\` is not a const` };
    if (statement.isExported()) {
      return {
        reason: `\`${name.getText()}\` is exported, so other modules may use it in ways this file does not show`,
      };
    }
    if (statement.getDeclarations().length !== 1) return { reason: 'a declaration list of several names' };
    return {
      name: name.getText(),
      removal: { start: statement.getStart(), end: statement.getEnd(), parts: [] },
      uses: referencesOf(expr.getSourceFile(), name),
    };
  }
  if (Node.isPropertyDeclaration(parent) && parent.getInitializer() === expr) {
    const name = parent.getNameNode();
    if (!Node.isIdentifier(name) || !parent.hasModifier(SyntaxKind.PrivateKeyword) || parent.isStatic()) {
      return {
        reason: `the field \`${shorten(parent.getText())}\` is not a private instance field, so other code may use it`,
      };
    }
    return {
      name: name.getText(),
      removal: { start: parent.getStart(), end: parent.getEnd(), parts: [] },
      uses: referencesOf(expr.getSourceFile(), name),
    };
  }
  return { reason: `\`${shorten(expr.getText())}\` is not held in a const or a private field` };
}

/** The method called on a use of a binding, or why the use is something else. */
export function methodUse(use: Identifier): MethodUse | { reason: string } {
  const parent = use.getParent();
  const target =
    Node.isPropertyAccessExpression(parent) && parent.getNameNode() === use ? parent : (use as Node);
  const member = target.getParent();
  if (Node.isPropertyAccessExpression(member) && member.getExpression() === target) {
    const call = member.getParent();
    if (Node.isCallExpression(call) && call.getExpression() === member) {
      return { method: member.getName(), call };
    }
  }
  return {
    reason: `\`${use.getText()}\` is used as a value (\`${shorten(target.getParent()?.getText() ?? use.getText())}\`), which the codemod cannot follow`,
  };
}
