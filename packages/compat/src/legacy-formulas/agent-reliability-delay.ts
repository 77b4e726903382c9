/**
 * The legacy agents `ReliabilityManager` retry delay (seconds) before attempt index `a`
 * (a >= 1): `min(2^a, 10)`, so 2, 4, 8, 10, 10, ... The base is not configurable.
 *
 * @see the legacy `agents/base/reliability_manager.py` `_execute_with_retry` (inventory §4.1)
 * @example
 * ```ts
 * agentReliabilityDelay(1); // 2
 * agentReliabilityDelay(4); // 10
 * ```
 */
export function agentReliabilityDelay(a: number): number {
  return Math.min(2 ** a, 10);
}
