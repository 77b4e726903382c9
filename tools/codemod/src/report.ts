import type { CodemodReport } from './codemod.js';

/**
 * The human report of a run: per file, every legacy site with what it became or why it
 * stays, the profiles added and their instance names; then the totals. A dry run says that
 * nothing was written.
 *
 * @example
 * ```text
 * src/agent.ts (would change)
 *   12:25  converted  RetryManager: new RetryManager({ maxAttempts: 4 }) -> ReliabilityInstance#run
 *   40:10  left       withRetry: withRetry (@rel/compat/async-retry-logic) is not converted by the codemod; ...
 *   profiles: retriesProfile -> 'retry_manager'
 * dry run: 1 file with legacy imports of 3 scanned; 2 sites: 1 converted, 1 left (TODO(rel-migrate)); 1 file would change
 * ```
 */
export function formatReport(report: CodemodReport): string {
  const lines: string[] = [];
  const verb = report.write ? 'changed' : 'would change';
  for (const file of report.files) {
    lines.push(`${file.path}${file.changed ? ` (${verb})` : ' (unchanged)'}`);
    for (const s of file.sites) {
      const where = `${s.line}:${s.column}`.padEnd(7);
      lines.push(`  ${where}  ${s.status.padEnd(9)}  ${s.name}: ${s.detail}`);
    }
    if (file.profiles.length > 0) {
      lines.push(`  profiles: ${file.profiles.map((p) => `${p.constName} -> '${p.service}'`).join(', ')}`);
    }
  }
  const t = report.totals;
  const files = report.files.length;
  lines.push(
    `${report.write ? 'write' : 'dry run (nothing written)'}: ${files} file${files === 1 ? '' : 's'} with legacy imports of ${report.scanned} scanned; ` +
      `${t.sites} site${t.sites === 1 ? '' : 's'}: ${t.converted} converted, ${t.left} left (TODO(rel-migrate)); ` +
      `${t.changedFiles} file${t.changedFiles === 1 ? '' : 's'} ${verb}`,
  );
  return lines.join('\n');
}
