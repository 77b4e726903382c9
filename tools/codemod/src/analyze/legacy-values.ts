import {
  ANTHROPIC_RETRY,
  APISpecificRetryStrategy,
  BackoffStrategy,
  FAST_LLM_RETRY,
  OPENAI_RETRY,
  ReliabilityRetryConfig,
  RetryStrategy,
  SLOW_LLM_RETRY,
  STANDARD_LLM_RETRY,
} from '@rel/compat';
import { Node, VariableDeclarationKind, type Expression, type VariableDeclaration } from 'ts-morph';
import type { RandomSource } from '../emit/profile.js';
import type { PresetName } from '../legacy-names.js';
import { evaluate, shorten, type StaticResult } from '../static-value.js';
import { isModuleLevelName, type FileContext } from './context.js';

/** A value the codemod proved, or why not. */
export type Proven<T> =
  | { readonly ok: true; readonly value: T; readonly consts: readonly VariableDeclaration[] }
  | { readonly ok: false; readonly reason: string };

const PRESETS: Readonly<Record<PresetName, RetryStrategy>> = {
  FAST_LLM_RETRY,
  STANDARD_LLM_RETRY,
  SLOW_LLM_RETRY,
  OPENAI_RETRY,
  ANTHROPIC_RETRY,
};

const no = (reason: string): { ok: false; reason: string } => ({ ok: false, reason });

/** Runs a compat constructor on proven options; its `RelConfigError` becomes the reason. */
export function construct<T>(build: () => T): Proven<T> {
  try {
    return { ok: true, value: build(), consts: [] };
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n').join(' ') : String(error);
    return no(`@rel/compat rejects this configuration: ${message}`);
  }
}

/** Static evaluation that knows the legacy `BackoffStrategy` members of this file. */
export function evaluateIn(
  ctx: FileContext,
  expr: Expression,
  rawKeys: readonly string[] = [],
): StaticResult {
  const enums = (local: string, member: string): { value: unknown } | undefined => {
    const found = ctx.imports.find((i) => i.local === local && i.converted === 'BackoffStrategy');
    if (found === undefined || !Object.hasOwn(BackoffStrategy, member)) return undefined;
    return { value: (BackoffStrategy as Record<string, string>)[member] };
  };
  return evaluate(expr, enums, rawKeys);
}

/** The options object of a legacy constructor (or `{}`), with its `random` option set apart. */
export function options(
  ctx: FileContext,
  expr: Node | undefined,
): Proven<{ value: Record<string, unknown>; random: RandomSource }> {
  if (expr === undefined) return { ok: true, value: { value: {}, random: { text: undefined } }, consts: [] };
  const r = evaluateIn(ctx, expr as Expression, ['random']);
  if (!r.ok) return no(`non-literal configuration: ${r.reason}`);
  if (typeof r.value !== 'object' || r.value === null || Array.isArray(r.value)) {
    return no(`the options \`${shorten(expr.getText())}\` are not an object literal`);
  }
  const random = r.raw.random;
  if (random !== undefined && !isModuleLevelName(random)) {
    return no(`the random source \`${shorten(random.getText())}\` is not a module-level name`);
  }
  return {
    ok: true,
    value: { value: r.value as Record<string, unknown>, random: { text: random?.getText() } },
    consts: r.consts,
  };
}

/** The module-level `const` an identifier names, with its initializer. */
function constOf(expr: Node): { decl: VariableDeclaration; init: Expression } | undefined {
  if (!Node.isIdentifier(expr)) return undefined;
  for (const decl of expr.getSymbol()?.getDeclarations() ?? []) {
    if (!Node.isVariableDeclaration(decl)) continue;
    const statement = decl.getVariableStatement();
    const init = decl.getInitializer();
    if (
      statement?.getDeclarationKind() !== VariableDeclarationKind.Const ||
      !Node.isSourceFile(statement.getParent())
    )
      return undefined;
    return init === undefined ? undefined : { decl, init };
  }
  return undefined;
}

/** A legacy LLM strategy expression: `new RetryStrategy(...)`, `new APISpecificRetryStrategy(...)`, a preset, or a const of one. */
export function strategyOf(
  ctx: FileContext,
  expr: Node | undefined,
): Proven<{ strategy: RetryStrategy; random: RandomSource }> {
  if (expr === undefined) {
    // withEnhancedRetry() without a strategy used compat's default RetryStrategy().
    return construct(() => ({ strategy: new RetryStrategy(), random: { text: undefined } }));
  }
  const legacy = ctx.legacyOf(expr);
  if (legacy?.converted !== undefined && (PRESETS as Record<string, RetryStrategy>)[legacy.converted]) {
    const preset = PRESETS[legacy.converted as PresetName];
    return { ok: true, value: { strategy: preset, random: { text: undefined } }, consts: [] };
  }
  if (Node.isNewExpression(expr)) {
    const cls = ctx.legacyOf(expr.getExpression())?.converted;
    const args = expr.getArguments();
    if (cls === 'RetryStrategy' || cls === 'APISpecificRetryStrategy') {
      const api = cls === 'APISpecificRetryStrategy';
      const type = api && args[0] !== undefined ? evaluateIn(ctx, args[0] as Expression) : undefined;
      if (type !== undefined && !type.ok) return no(`non-literal API type: ${type.reason}`);
      const o = options(ctx, api ? args[1] : args[0]);
      if (!o.ok) return o;
      const built = construct(() =>
        api
          ? new APISpecificRetryStrategy(type?.value as string | undefined, o.value.value)
          : new RetryStrategy(o.value.value),
      );
      if (!built.ok) return built;
      const consts = [...o.consts, ...(type?.ok === true ? type.consts : [])];
      return { ok: true, value: { strategy: built.value, random: o.value.random }, consts };
    }
  }
  const c = constOf(expr);
  if (c !== undefined) {
    const inner = strategyOf(ctx, c.init);
    return inner.ok ? { ...inner, consts: [...inner.consts, c.decl] } : inner;
  }
  return no(`the strategy \`${shorten(expr.getText())}\` is not a RetryStrategy the codemod can read`);
}

/**
 * The configuration argument of `new RetryHandler(config)`: a shared legacy config literal,
 * `new ReliabilityRetryConfig({...})`, `ReliabilityRetryConfig.fromRetryConfig({...})`, or a
 * const of one; returned as a `ReliabilityRetryConfig`.
 */
export function reliabilityConfigOf(
  ctx: FileContext,
  expr: Node | undefined,
): Proven<ReliabilityRetryConfig> {
  if (expr === undefined) return no('a RetryHandler without a configuration');
  if (
    Node.isNewExpression(expr) &&
    ctx.legacyOf(expr.getExpression())?.converted === 'ReliabilityRetryConfig'
  ) {
    const o = options(ctx, expr.getArguments()[0]);
    if (!o.ok) return o;
    const built = construct(() => new ReliabilityRetryConfig(o.value.value));
    return built.ok ? { ...built, consts: o.consts } : built;
  }
  if (Node.isCallExpression(expr)) {
    const callee = expr.getExpression();
    if (
      Node.isPropertyAccessExpression(callee) &&
      callee.getName() === 'fromRetryConfig' &&
      ctx.legacyOf(callee.getExpression())?.converted === 'ReliabilityRetryConfig'
    ) {
      const o = options(ctx, expr.getArguments()[0]);
      if (!o.ok) return o;
      const built = construct(() => ReliabilityRetryConfig.fromRetryConfig(o.value.value));
      return built.ok ? { ...built, consts: o.consts } : built;
    }
  }
  const c = constOf(expr);
  if (c !== undefined && !Node.isObjectLiteralExpression(c.init)) {
    const inner = reliabilityConfigOf(ctx, c.init);
    return inner.ok ? { ...inner, consts: [...inner.consts, c.decl] } : inner;
  }
  const o = options(ctx, expr);
  if (!o.ok) return o;
  const built = construct(() => ReliabilityRetryConfig.fromRetryConfig(o.value.value));
  return built.ok ? { ...built, consts: o.consts } : built;
}
