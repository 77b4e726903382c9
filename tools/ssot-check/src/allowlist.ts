import { readFileSync } from 'node:fs';
import picomatch from 'picomatch';
import { z } from 'zod';
import { RULES, type Finding } from './finding.js';

/** One allowlist entry: files (a glob relative to the root), the rules waived there, and why. */
export const AllowlistEntrySchema = z.strictObject({
  path: z.string().min(1),
  rules: z.array(z.enum(RULES)).min(1),
  reason: z.string().min(10, 'give a real reason (at least 10 characters)'),
});

/** The allowlist file. */
export const AllowlistSchema = z.strictObject({
  $comment: z.string().optional(),
  entries: z.array(AllowlistEntrySchema),
});

/** A parsed allowlist entry. */
export type AllowlistEntry = z.infer<typeof AllowlistSchema>['entries'][number];

/** Reads and validates an allowlist file; throws an Error naming every bad field. */
export function readAllowlist(path: string): AllowlistEntry[] {
  const raw: unknown = JSON.parse(readFileSync(path, 'utf8'));
  const result = AllowlistSchema.safeParse(raw);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  - ${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new Error(`invalid allowlist ${path}:\n${lines.join('\n')}`);
  }
  return result.data.entries;
}

/** Splits findings into kept and waived, and reports entries that waived nothing (stale). */
export function applyAllowlist(
  findings: readonly Finding[],
  entries: readonly AllowlistEntry[],
): { kept: Finding[]; stale: AllowlistEntry[] } {
  const matchers = entries.map((entry) => ({
    entry,
    match: picomatch(entry.path, { dot: true }),
    used: false,
  }));
  const kept = findings.filter((finding) => {
    const waiver = matchers.find((m) => m.entry.rules.includes(finding.rule) && m.match(finding.file));
    if (waiver) waiver.used = true;
    return !waiver;
  });
  return { kept, stale: matchers.filter((m) => !m.used).map((m) => m.entry) };
}
