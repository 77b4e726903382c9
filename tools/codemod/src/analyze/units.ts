import { CircuitBreakerRetryStrategy, RetryHandler, RetryManager, type RetryStrategy } from '@rel/compat';
import type { CircuitBreakerConfig } from '@rel/config';
import { Node, type CallExpression, type NewExpression, type VariableDeclaration } from 'ts-morph';
import type { Edit, Part } from '../edits.js';
import type { HelperName } from '../emit/helpers.js';
import {
  retryHandlerProfile,
  retryManagerProfile,
  strategyProfile,
  type ProfileSpec,
} from '../emit/profile.js';
import { shorten } from '../static-value.js';
import { bindingOf, methodUse, type Binding } from './binding.js';
import { isPure, type FileContext } from './context.js';
import { construct, options, reliabilityConfigOf, strategyOf } from './legacy-values.js';
import { resultUseEdits } from './result-uses.js';

/** Names a planned unit's edits refer to, known once the file's profiles are named. */
export interface UnitNames {
  /** The profile constant. */
  readonly profile: string;
  /** The service token (resolved to the run-wide instance name). */
  readonly service: string;
}

/** What converting one legacy object (or decorator call) takes. */
export interface UnitPlan {
  /** Describes the rewrite for the report. */
  readonly what: string;
  /** The profile it runs on (`undefined` when the object was never used and just goes). */
  readonly profile: ProfileSpec | undefined;
  /** Name for the profile constant (`retries` -> `retriesProfile`). */
  readonly hint: string;
  /** Module-level consts its configuration was read from (dropped when nothing else reads them). */
  readonly consts: readonly VariableDeclaration[];
  /** Helpers its call sites need (besides the profile's). */
  readonly helpers: readonly HelperName[];
  readonly edits: (names: UnitNames) => Edit[];
}

/** A unit plan, or why the unit stays as it is. */
export type UnitResult =
  { readonly ok: true; readonly plan: UnitPlan } | { readonly ok: false; readonly reason: string };

const fail = (reason: string): UnitResult => ({ ok: false, reason });
const slice = (n: Node): Part => ({ slice: [n.getStart(), n.getEnd()] });
const get = (names: UnitNames): Part[] => [
  'getDefaultManager().get(',
  { service: names.service },
  `, ${names.profile})`,
];

/** The operation of a legacy call as a no-argument function (the legacy APIs called it with none). */
function operation(op: Node | undefined): Part[] | undefined {
  if (op === undefined) return undefined;
  if ((Node.isArrowFunction(op) || Node.isFunctionExpression(op)) && op.getParameters().length === 0)
    return [slice(op)];
  return isPure(op) ? ['() => ', slice(op), '()'] : undefined;
}

/** Plans the uses of a binding with `plan` per method call; the first refusal refuses the unit. */
function planUses(
  binding: Binding,
  plan: (method: string, call: CallExpression) => ((names: UnitNames) => Edit[]) | { reason: string },
): ((names: UnitNames) => Edit[])[] | { reason: string } {
  const out: ((names: UnitNames) => Edit[])[] = [];
  for (const use of binding.uses) {
    const m = methodUse(use);
    if ('reason' in m) return m;
    const p = plan(m.method, m.call);
    if ('reason' in p) return p;
    out.push(p);
  }
  return out;
}

function unit(
  what: string,
  binding: Binding,
  profile: ProfileSpec,
  consts: readonly VariableDeclaration[],
  helpers: readonly HelperName[],
  uses: ((names: UnitNames) => Edit[])[],
): UnitResult {
  return {
    ok: true,
    plan: {
      what: uses.length === 0 ? `${what} (never used: removed)` : what,
      profile: uses.length === 0 ? undefined : profile,
      hint: binding.name,
      consts,
      helpers: uses.length === 0 ? [] : helpers,
      edits: (names) => [binding.removal, ...uses.flatMap((u) => u(names))],
    },
  };
}

/** `const x = new RetryManager({...})` whose uses are `await x.executeWithRetry(op, name?)`. */
export function planRetryManager(ctx: FileContext, expr: NewExpression): UnitResult {
  const binding = bindingOf(expr);
  if ('reason' in binding) return fail(binding.reason);
  const o = options(ctx, expr.getArguments()[0]);
  if (!o.ok) return fail(o.reason);
  const service = o.value.value.service ?? 'retry_manager';
  if (typeof service !== 'string') return fail('the `service` option is not a string literal');
  const manager = construct(() => new RetryManager(o.value.value));
  if (!manager.ok) return fail(manager.reason);
  const origin = `new RetryManager(${shorten(expr.getArguments()[0]?.getText() ?? '', 100)})`;
  const profile = retryManagerProfile(
    manager.value.toCanonical(),
    service.replaceAll(':', '_'),
    o.value.random,
    origin,
  );
  const helpers = new Set<HelperName>();
  const uses = planUses(binding, (method, call) => {
    if (method !== 'executeWithRetry')
      return { reason: `RetryManager#${method}() has no canonical counterpart the codemod can write` };
    const [op, name, ...rest] = call.getArguments();
    if (rest.length > 0)
      return { reason: 'a per-call maxAttempts or retryable set (3rd/4th argument) needs its own profile' };
    const run = operation(op);
    if (run === undefined)
      return {
        reason: `the operation \`${shorten(op?.getText() ?? '')}\` is not a name or a no-argument function`,
      };
    const result = resultUseEdits(call);
    if ('reason' in result) return result;
    result.helpers.forEach((h) => helpers.add(h));
    return (names) => [
      {
        start: call.getStart(),
        end: call.getEnd(),
        parts: [
          ...get(names),
          '.run(',
          ...run,
          ', { operation: ',
          name === undefined ? "'unknown'" : slice(name),
          ' })',
        ],
      },
      ...result.edits,
    ];
  });
  if ('reason' in uses) return fail(uses.reason);
  return unit(`${origin} -> ReliabilityInstance#run`, binding, profile, o.consts, [...helpers], uses);
}

/** `jitterOn` of compat's reliability-retry config: the Era A flag, else the jitter type. */
function jitterOn(settings: { readonly jitter?: boolean; readonly jitterType?: string }): boolean {
  return settings.jitter ?? (settings.jitterType === undefined ? true : settings.jitterType !== 'none');
}

/** `const h = new RetryHandler(config, { service?, random? })` whose uses are `h.executeWithRetry(fn, name?)`. */
export function planRetryHandler(ctx: FileContext, expr: NewExpression): UnitResult {
  const binding = bindingOf(expr);
  if ('reason' in binding) return fail(binding.reason);
  const [configArg, optionsArg] = expr.getArguments();
  const config = reliabilityConfigOf(ctx, configArg);
  if (!config.ok) return fail(config.reason);
  const o = options(ctx, optionsArg);
  if (!o.ok) return fail(o.reason);
  const { service = 'reliability_retry', ...unknown } = o.value.value;
  if (typeof service !== 'string' || Object.keys(unknown).length > 0) {
    return fail('RetryHandler options other than a literal `service` and a module-level `random`');
  }
  const handler = construct(() => new RetryHandler(config.value));
  if (!handler.ok) return fail(handler.reason);
  const origin = `new RetryHandler(${shorten(configArg?.getText() ?? '', 100)})`;
  const jitter = jitterOn(config.value.resolved.settings);
  const profile = retryHandlerProfile(
    handler.value.toCanonical(),
    jitter,
    service.replaceAll(':', '_'),
    o.value.random,
    origin,
  );
  const uses = planUses(binding, (method, call) => {
    if (method !== 'executeWithRetry')
      return { reason: `RetryHandler#${method}() has no canonical counterpart the codemod can write` };
    const [fn, name, ...rest] = call.getArguments();
    if (rest.length > 0)
      return {
        reason:
          'a per-call errorClassifier (3rd argument) is a rule of its own; move it into retryOn/neverRetryOn',
      };
    const run = operation(fn);
    if (run === undefined)
      return {
        reason: `the operation \`${shorten(fn?.getText() ?? '')}\` is not a name or a no-argument function`,
      };
    return (names) => [
      {
        start: call.getStart(),
        end: call.getEnd(),
        parts: [
          ...get(names),
          '.execute(',
          ...run,
          ', { operation: ',
          name === undefined ? "'operation'" : slice(name),
          ' }).catch(rethrowLegacyError)',
        ],
      },
    ];
  });
  if ('reason' in uses) return fail(uses.reason);
  return unit(
    `${origin} -> ReliabilityInstance#execute`,
    binding,
    profile,
    [...config.consts, ...o.consts],
    ['rethrowLegacyError'],
    uses,
  );
}

let llmCircuit: CircuitBreakerConfig | false | undefined;

/** The breaker compat puts in front of a `CircuitBreakerRetryStrategy` (read from compat itself). */
function circuitOf(strategy: RetryStrategy): CircuitBreakerConfig | false {
  llmCircuit ??= new CircuitBreakerRetryStrategy(strategy).instance.config.circuitBreaker;
  return llmCircuit;
}

/** `const c = new CircuitBreakerRetryStrategy(strategy)` whose uses are `executeWithRetry(fn, ...args)` and `isCircuitOpen()`. */
export function planCircuitStrategy(ctx: FileContext, expr: NewExpression): UnitResult {
  const binding = bindingOf(expr);
  if ('reason' in binding) return fail(binding.reason);
  const s = strategyOf(ctx, expr.getArguments()[0]);
  if (!s.ok) return fail(s.reason);
  const origin = `new CircuitBreakerRetryStrategy(${shorten(expr.getArguments()[0]?.getText() ?? '', 100)})`;
  const profile = strategyProfile(
    s.value.strategy,
    circuitOf(s.value.strategy),
    'llm_retry_circuit',
    s.value.random,
    origin,
  );
  const uses = planUses(binding, (method, call) => {
    const args = call.getArguments();
    if (method === 'isCircuitOpen' && args.length === 0) {
      return (names) => [
        {
          start: call.getStart(),
          end: call.getEnd(),
          parts: ["['open', 'isolated'].includes(", ...get(names), ".breaker?.state ?? 'closed')"],
        },
      ];
    }
    if (method !== 'executeWithRetry')
      return {
        reason: `CircuitBreakerRetryStrategy#${method}() has no canonical counterpart the codemod can write`,
      };
    const [fn, ...rest] = args;
    if (fn === undefined || !rest.every(isPure))
      return {
        reason:
          'arguments that are not plain names or literals (a rewrite would evaluate them once per attempt)',
      };
    const inline = Node.isArrowFunction(fn) || Node.isFunctionExpression(fn);
    if (!inline && !isPure(fn))
      return { reason: `the operation \`${shorten(fn.getText())}\` is not a name or a function` };
    const fnName = Node.isFunctionExpression(fn) ? (fn.getName() ?? 'anonymous') : 'anonymous';
    const opName: Part[] = inline ? [`'${fnName}'`] : [slice(fn), ".name || 'anonymous'"];
    const callee: Part[] = inline ? ['(', slice(fn), ')'] : [slice(fn)];
    const argParts = rest.flatMap((a, i) => (i === 0 ? [slice(a)] : [', ', slice(a)]));
    return (names) => [
      {
        start: call.getStart(),
        end: call.getEnd(),
        parts: [
          ...get(names),
          '.execute(() => ',
          ...callee,
          '(',
          ...argParts,
          '), { operation: ',
          ...opName,
          ' }).catch(rethrowLegacyError)',
        ],
      },
    ];
  });
  if ('reason' in uses) return fail(uses.reason);
  return unit(
    `${origin} -> ReliabilityInstance with a breaker`,
    binding,
    profile,
    s.consts,
    ['rethrowLegacyError'],
    uses,
  );
}

/** `withEnhancedRetry(strategy?)(fn)`: the decorated function. */
export function planEnhancedRetry(ctx: FileContext, inner: CallExpression): UnitResult {
  const outer = inner.getParent();
  if (!Node.isCallExpression(outer) || outer.getExpression() !== inner || outer.getArguments().length !== 1) {
    return fail(
      'withEnhancedRetry(strategy) is not applied to a function right away: `withEnhancedRetry(strategy)(fn)`',
    );
  }
  if (inner.getArguments().length > 1) return fail('withEnhancedRetry takes one strategy');
  const s = strategyOf(ctx, inner.getArguments()[0]);
  if (!s.ok) return fail(s.reason);
  const holder = outer.getParent();
  const hint =
    (Node.isVariableDeclaration(holder) || Node.isPropertyDeclaration(holder)) &&
    Node.isIdentifier(holder.getNameNode())
      ? holder.getName()
      : 'enhancedRetry';
  const origin = `withEnhancedRetry(${shorten(inner.getArguments()[0]?.getText() ?? '', 100)})`;
  const profile = strategyProfile(s.value.strategy, false, 'llm_enhanced_retry', s.value.random, origin);
  const fn = outer.getArguments()[0]!;
  return {
    ok: true,
    plan: {
      what: `${origin}(fn) -> withLegacyRetry (ReliabilityInstance#execute)`,
      profile,
      hint,
      consts: s.consts,
      helpers: ['withLegacyRetry'],
      edits: (names) => [
        {
          start: outer.getStart(),
          end: outer.getEnd(),
          parts: ['withLegacyRetry(', { service: names.service }, `, ${names.profile}, `, slice(fn), ')'],
        },
      ],
    },
  };
}
