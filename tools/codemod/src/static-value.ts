import {
  Node,
  VariableDeclarationKind,
  SyntaxKind,
  type Expression,
  type Identifier,
  type VariableDeclaration,
} from 'ts-morph';

/**
 * The value of a source expression the codemod could prove without running the program, or
 * why it could not. Only literals qualify: numbers, strings, booleans, `null`, arrays and
 * object literals of them, `as const` / `satisfies` wrappers, a unary minus, and names or
 * property paths that lead to a module-level `const` initialised with such a literal.
 */
export type StaticResult =
  | {
      readonly ok: true;
      readonly value: unknown;
      /** Module-level constants the value was read from. */
      readonly consts: readonly VariableDeclaration[];
      /** Expressions of the top-level object's `rawKeys`, left unevaluated (functions such as `random`). */
      readonly raw: Readonly<Record<string, Expression>>;
    }
  | { readonly ok: false; readonly reason: string; readonly node: Node };

/**
 * Resolves the members of legacy enums the codemod knows (`BackoffStrategy.LINEAR`), by the
 * local name of the import: returns the member's value, or `undefined` when the name is not
 * a known enum.
 */
export type EnumResolver = (localName: string, member: string) => { value: unknown } | undefined;

const fail = (node: Node, reason: string): StaticResult => ({ ok: false, reason, node });

/** A `const` declared at module level (not `let`, not inside a function). */
function moduleConst(id: Identifier): VariableDeclaration | undefined {
  for (const decl of id.getSymbol()?.getDeclarations() ?? []) {
    if (!Node.isVariableDeclaration(decl)) continue;
    const list = decl.getVariableStatement();
    if (list === undefined || !Node.isSourceFile(list.getParent())) return undefined;
    if (decl.getVariableStatement()?.getDeclarationKind() !== VariableDeclarationKind.Const) return undefined;
    return decl;
  }
  return undefined;
}

/**
 * Evaluates `expr` statically (see {@link StaticResult}). `consts` lists the module-level
 * constants the value was read from, so the caller can drop them once nothing else reads them.
 *
 * @example
 * ```ts
 * evaluate(parse('{ max_retries: 2, base_delay: 0.5 }')); // { ok: true, value: { max_retries: 2, base_delay: 0.5 } }
 * evaluate(parse('{ maxAttempts: n }')); // { ok: false, reason: '`n` is not a literal or a module-level const' }
 * ```
 */
export function evaluate(
  expr: Expression,
  enums: EnumResolver = () => undefined,
  rawKeys: readonly string[] = [],
): StaticResult {
  const consts: VariableDeclaration[] = [];
  const raw: Record<string, Expression> = {};
  let depth = 0;
  const visit = (node: Node): StaticResult => {
    if (Node.isNumericLiteral(node)) return ok(node.getLiteralValue());
    if (Node.isStringLiteral(node) || Node.isNoSubstitutionTemplateLiteral(node))
      return ok(node.getLiteralValue());
    if (node.getKind() === SyntaxKind.TrueKeyword) return ok(true);
    if (node.getKind() === SyntaxKind.FalseKeyword) return ok(false);
    if (node.getKind() === SyntaxKind.NullKeyword) return ok(null);
    if (Node.isParenthesizedExpression(node) || Node.isAsExpression(node) || Node.isSatisfiesExpression(node))
      return visit(node.getExpression());
    if (Node.isPrefixUnaryExpression(node) && node.getOperatorToken() === SyntaxKind.MinusToken) {
      const inner = visit(node.getOperand());
      if (!inner.ok) return inner;
      return typeof inner.value === 'number' ? ok(-inner.value) : fail(node, 'a minus on a non-number');
    }
    if (Node.isArrayLiteralExpression(node)) {
      const out: unknown[] = [];
      for (const element of node.getElements()) {
        if (Node.isSpreadElement(element)) return fail(element, 'a spread inside an array');
        const r = visit(element);
        if (!r.ok) return r;
        out.push(r.value);
      }
      return ok(out);
    }
    if (Node.isObjectLiteralExpression(node)) {
      const out: Record<string, unknown> = {};
      const top = depth === 0;
      depth++;
      for (const property of node.getProperties()) {
        if (!Node.isPropertyAssignment(property)) {
          return fail(property, 'a dynamic option object (spread, shorthand or method)');
        }
        const name = property.getNameNode();
        if (!(Node.isIdentifier(name) || Node.isStringLiteral(name) || Node.isNumericLiteral(name))) {
          return fail(property, 'a computed key');
        }
        const key = Node.isIdentifier(name) ? name.getText() : String(name.getLiteralValue());
        if (top && rawKeys.includes(key)) {
          raw[key] = property.getInitializerOrThrow();
          continue;
        }
        const r = visit(property.getInitializerOrThrow());
        if (!r.ok) return r;
        out[key] = r.value;
      }
      depth--;
      return ok(out);
    }
    if (Node.isIdentifier(node)) {
      if (node.getText() === 'undefined') return ok(undefined);
      const decl = moduleConst(node);
      const init = decl?.getInitializer();
      if (decl === undefined || init === undefined) {
        return fail(node, `\`${node.getText()}\` is not a literal or a module-level const`);
      }
      consts.push(decl);
      return visit(init);
    }
    if (Node.isPropertyAccessExpression(node)) {
      const target = node.getExpression();
      if (Node.isIdentifier(target)) {
        const member = enums(target.getText(), node.getName());
        if (member !== undefined) return ok(member.value);
      }
      const base = visit(target);
      if (!base.ok) return base;
      const value = base.value as Record<string, unknown> | null;
      if (typeof value !== 'object' || value === null || !Object.hasOwn(value, node.getName())) {
        return fail(node, `\`${node.getText()}\` is not a known property`);
      }
      return ok(value[node.getName()]);
    }
    return fail(node, `\`${shorten(node.getText())}\` is not a literal`);
  };
  const ok = (value: unknown): StaticResult => ({ ok: true, value, consts, raw });
  return visit(expr);
}

/** The first line of a text, at most 60 characters, for messages. */
export function shorten(text: string, max = 60): string {
  const line = text.replace(/\s*\n\s*/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 3)}...` : line;
}
