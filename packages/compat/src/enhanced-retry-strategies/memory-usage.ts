/**
 * Reads the memory in use, as a fraction in [0, 1].
 * @deprecated Use a bulkhead (`bulkhead` of a reliability profile, `@rel/config`) to bound concurrent work instead of refusing retries under memory pressure. Removed in 2.0.0 (REL_DEP052).
 */
export type MemoryUsageReader = () => number;

/** What the legacy code returned when it could not read memory (`psutil` missing). */
const UNKNOWN_USAGE = 0.5;

interface OsLike {
  totalmem(): number;
  freemem(): number;
}

/**
 * The default {@link MemoryUsageReader}: system-wide memory in use, `1 - os.freemem() /
 * os.totalmem()` of Node's `node:os` (the counterpart of the legacy
 * `psutil.virtual_memory().percent / 100`; `freemem()` is the memory available to new
 * processes on Linux). Outside Node, or when the numbers cannot be read, `0.5`, as the
 * legacy fallback without `psutil`.
 *
 * In a container the figures are the host's, as `psutil`'s were; pass your own reader
 * (e.g. RSS over `process.constrainedMemory()`) where the cgroup limit is what matters.
 *
 * @deprecated Use a bulkhead (`bulkhead` of a reliability profile, `@rel/config`) to bound concurrent work. Removed in 2.0.0 (REL_DEP052).
 * @example
 * ```ts
 * systemMemoryUsage(); // 0.63
 * ```
 */
export function systemMemoryUsage(): number {
  // Looked up at call time, not imported: the package stays importable outside Node.
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  try {
    const os = proc?.getBuiltinModule?.('node:os') as OsLike | undefined;
    if (os === undefined) return UNKNOWN_USAGE;
    const total = os.totalmem();
    if (!(total > 0)) return UNKNOWN_USAGE;
    return Math.min(1, Math.max(0, 1 - os.freemem() / total));
  } catch {
    return UNKNOWN_USAGE;
  }
}
