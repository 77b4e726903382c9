// F(1)..F(78) are exact in a double (F(79) is past 2^53); a delay that large is capped anyway.
const FIB: number[] = [0, 1, 1];
for (let n = 3; n <= 78; n++) FIB.push(FIB[n - 1]! + FIB[n - 2]!);

/**
 * The n-th Fibonacci number with F(1) = F(2) = 1 (so 1, 1, 2, 3, 5, 8, 13, ...).
 * `F(0)` is 0; beyond F(78) the result is `Infinity` (no delay that long is ever uncapped).
 *
 * @example
 * ```ts
 * fibonacci(6); // 8
 * ```
 */
export function fibonacci(n: number): number {
  if (n <= 0) return 0;
  return FIB[n] ?? Infinity;
}

/**
 * Fibonacci backoff: grows more gently than doubling.
 *
 * `delay(a) = base * F(a)` with F(1) = F(2) = 1, for the 1-based attempt `a` that just
 * failed: 1, 1, 2, 3, 5, 8, 13 s with a 1 s base (the legacy `FIBONACCI` strategy).
 *
 * @param attempt - 1-based number of the attempt that just failed.
 * @param baseDelayMs - the unit (ms).
 * @see https://en.wikipedia.org/wiki/Fibonacci_sequence
 * @example
 * ```ts
 * fibonacciDelay(5, 1_000); // 5000
 * ```
 */
export function fibonacciDelay(attempt: number, baseDelayMs: number): number {
  return baseDelayMs * fibonacci(attempt);
}
