// The codemod CLI proper (see cli.ts, which starts it): [--dry-run] [--write] [--json] <paths...>.
// Without --write it is a dry run: it prints the report and changes nothing. Exit code 0, or
// 2 for bad arguments.
import { existsSync } from 'node:fs';
import { runCodemod } from './codemod.js';
import { formatReport } from './report.js';

const USAGE = 'usage: rel-codemod [--dry-run] [--write] [--json] <paths...>';
const args = process.argv.slice(2);
const flags = new Set(args.filter((a) => a.startsWith('--')));
const paths = args.filter((a) => !a.startsWith('--'));
const unknown = [...flags].filter((f) => !['--dry-run', '--write', '--json', '--help'].includes(f));
const missing = paths.filter((p) => !existsSync(p));

if (flags.has('--help')) {
  process.stdout.write(`${USAGE}\n`);
} else if (
  unknown.length > 0 ||
  paths.length === 0 ||
  missing.length > 0 ||
  (flags.has('--write') && flags.has('--dry-run'))
) {
  const problem =
    unknown.length > 0
      ? `unknown option ${unknown.join(', ')}`
      : paths.length === 0
        ? 'no paths given'
        : missing.length > 0
          ? `no such file or directory: ${missing.join(', ')}`
          : '--write and --dry-run exclude each other';
  process.stderr.write(`rel-codemod: ${problem}\n${USAGE}\n`);
  process.exitCode = 2;
} else {
  // Reading legacy configurations through @rel/compat counts as using them; the codemod
  // is not a legacy caller, so its own deprecation warnings would only be noise.
  process.noDeprecation = true;
  const report = await runCodemod({ paths, write: flags.has('--write') });
  process.stdout.write(
    flags.has('--json') ? `${JSON.stringify(report, null, 2)}\n` : `${formatReport(report)}\n`,
  );
}
