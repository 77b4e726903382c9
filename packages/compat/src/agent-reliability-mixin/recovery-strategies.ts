/**
 * A recovery strategy of the legacy mixin: called with the operation's error and the
 * call's `context` when an operation of its name fails for good. What it returns
 * (other than `null` / `undefined`) becomes the result of `executeWithReliability`;
 * `null` / `undefined` means "not recovered" and the error is thrown.
 *
 * @deprecated Use the `fallback` of `ReliabilityInstance#run` / `execute` (`@rel/core`),
 * which sees the typed failure. Removed in 2.0.0 (REL_DEP083).
 * @example
 * ```ts
 * agent.registerRecoveryStrategy('search', async (error) => ({ results: [], degraded: String(error) }));
 * ```
 */
export type AgentRecoveryStrategy = (
  error: unknown,
  context: Readonly<Record<string, unknown>> | undefined,
) => unknown;

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * The strategies every agent starts with, by operation name: the degraded answers of the
 * legacy `AgentRecoveryManager` defaults (`core/agent_recovery.py`, which is what the
 * legacy mixin dispatched to), each carrying the error message and `fallback_used: true`
 * so the caller can tell a degraded answer from a real one.
 * @internal
 */
export const DEFAULT_RECOVERY_STRATEGIES: Readonly<Record<string, AgentRecoveryStrategy>> = Object.freeze({
  llm_call: (error: unknown) => ({
    status: 'fallback',
    message: 'Operation completed with limited functionality',
    error: messageOf(error),
    fallback_used: true,
  }),
  database_query: (error: unknown) => ({
    data: [],
    cached: true,
    error: messageOf(error),
    fallback_used: true,
  }),
  api_call: (error: unknown) => ({
    result: 'limited',
    data: {},
    error: messageOf(error),
    fallback_used: true,
  }),
});
