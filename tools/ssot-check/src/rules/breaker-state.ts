import ts from 'typescript';
import { position } from '../ast.js';
import type { Finding } from '../finding.js';

/** `'half-open'`, `"HALF_OPEN"`, `State.HalfOpen` -> `halfopen`. */
function breakerValue(node: ts.Expression): string | undefined {
  let text: string | undefined;
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) text = node.text;
  else if (ts.isPropertyAccessExpression(node)) text = node.name.text;
  if (text === undefined) return undefined;
  const normal = text.toLowerCase().replace(/[-_\s]/g, '');
  return normal === 'open' || normal === 'closed' || normal === 'halfopen' ? normal : undefined;
}

/** The assigned target's last name: `this.state` -> `state`, `circuitState` -> `circuitState`. */
function targetName(node: ts.Expression): string | undefined {
  if (ts.isIdentifier(node)) return node.text;
  if (ts.isPropertyAccessExpression(node)) return node.name.text;
  if (ts.isElementAccessExpression(node) && ts.isStringLiteral(node.argumentExpression))
    return node.argumentExpression.text;
  return undefined;
}

/**
 * Ad-hoc circuit breakers: within one class or function, the same variable or property is
 * assigned at least two of open / closed / half-open. Comparing against such values
 * (`ws.readyState === WebSocket.OPEN`) or a single "open" flag is not a state machine.
 */
export function findBreakerStates(file: ts.SourceFile, relPath: string): Finding[] {
  const findings: Finding[] = [];
  const scan = (scope: ts.Node): void => {
    const seen = new Map<string, { values: Set<string>; first: ts.Node }>();
    const visit = (node: ts.Node): void => {
      if (node !== scope && (ts.isClassLike(node) || ts.isFunctionDeclaration(node))) return;
      if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
        const name = targetName(node.left);
        const value = breakerValue(node.right);
        if (name !== undefined && value !== undefined) {
          const entry = seen.get(name) ?? { values: new Set<string>(), first: node };
          entry.values.add(value);
          seen.set(name, entry);
        }
      }
      ts.forEachChild(node, visit);
    };
    ts.forEachChild(scope, visit);
    for (const [name, { values, first }] of seen) {
      if (values.size >= 2) {
        findings.push({
          rule: 'breaker-state',
          file: relPath,
          ...position(file, first),
          message: `ad-hoc circuit breaker state machine (\`${name}\` moves between ${[...values].map((v) => (v === 'halfopen' ? 'half-open' : v)).join('/')}); use UnifiedCircuitBreaker from @rel/circuit`,
        });
      }
    }
  };
  const scopes = (node: ts.Node): void => {
    if (ts.isClassLike(node) || ts.isFunctionDeclaration(node) || ts.isSourceFile(node)) scan(node);
    ts.forEachChild(node, scopes);
  };
  scopes(file);
  return findings;
}
