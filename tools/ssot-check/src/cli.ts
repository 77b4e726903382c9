#!/usr/bin/env -S node --import tsx
// rel-ssot-check [--root <dir>] [--allowlist <file>] [--json] [paths...]
// Prints file:line:column findings of reliability logic outside the canonical packages and
// exits 1 when there are any (or when an allowlist entry waives nothing: a stale waiver
// would hide the next violation).
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { applyAllowlist, readAllowlist } from './allowlist.js';
import { scan } from './scan.js';

const USAGE = `usage: rel-ssot-check [--root <dir>] [--allowlist <file>] [--json] [paths...]

Scans TypeScript files under paths (default: packages, apps and tools of the root) for
reliability logic outside the canonical @rel packages. Exit 0: no findings; 1: findings or
stale allowlist entries; 2: bad arguments.
`;

/** Ends the run with exit code 2 and a message saying what was wrong (bad arguments, not findings). */
function usageError(message: string): never {
  process.stderr.write(`rel-ssot-check: ${message}\n\n${USAGE}`);
  process.exit(2);
}

/** The arguments; node:util's parser rejects unknown options and missing values with a message naming them. */
function parse() {
  try {
    return parseArgs({
      allowPositionals: true,
      options: {
        root: { type: 'string' },
        allowlist: { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    return usageError((error as Error).message);
  }
}
const parsed = parse();
if (parsed.values.help) {
  process.stdout.write(USAGE);
  process.exit(0);
}
const json = parsed.values.json;
const root = resolve(parsed.values.root ?? process.cwd());
if (!existsSync(root)) usageError(`--root ${root} does not exist`);
const allowlistPath = parsed.values.allowlist ?? resolve(root, 'ssot-allowlist.json');
if (parsed.values.allowlist !== undefined && !existsSync(allowlistPath))
  usageError(`--allowlist ${allowlistPath} does not exist`);
const missing = parsed.positionals.filter((p) => !existsSync(resolve(root, p)));
if (missing.length > 0) usageError(`no such path under ${root}: ${missing.join(', ')}`);
const paths =
  parsed.positionals.length > 0
    ? parsed.positionals
    : ['packages', 'apps', 'tools'].filter((p) => existsSync(resolve(root, p)));

const { findings, filesScanned } = scan(root, paths);
function allowlist(): ReturnType<typeof readAllowlist> {
  if (!existsSync(allowlistPath)) return [];
  try {
    return readAllowlist(allowlistPath);
  } catch (error) {
    // A malformed allowlist is the caller's input: say what is wrong with it, no stack trace.
    return usageError((error as Error).message);
  }
}
const entries = allowlist();
const { kept, stale } = applyAllowlist(findings, entries);

if (json) {
  process.stdout.write(`${JSON.stringify({ filesScanned, findings: kept, stale }, null, 2)}\n`);
} else {
  for (const f of kept) process.stdout.write(`${f.file}:${f.line}:${f.column}  ${f.rule}  ${f.message}\n`);
  for (const e of stale)
    process.stdout.write(
      `ssot-allowlist: entry "${e.path}" (${e.rules.join(', ')}) waives nothing; remove it\n`,
    );
  process.stdout.write(
    `ssot-check: ${filesScanned} files, ${kept.length} finding(s), ${findings.length - kept.length} allowlisted, ${stale.length} stale allowlist entr${stale.length === 1 ? 'y' : 'ies'}\n`,
  );
}
process.exit(kept.length > 0 || stale.length > 0 ? 1 : 0);
