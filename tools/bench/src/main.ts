// Runs every suite in src/suites/ (or `--suite <id>`), prints progress to stderr, and writes
// the report to docs/benchmarks.md (only on a full run; `--suite` prints the report instead).
import { readdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import type { BenchSuite, SuiteReport, Table } from './harness.js';

const args = process.argv.slice(2);
const only = args.includes('--suite') ? args[args.indexOf('--suite') + 1] : undefined;
const quick = args.includes('--quick');
const log = (message: string): void => void process.stderr.write(`${message}\n`);

const suitesDir = new URL('./suites/', import.meta.url);
const suites: BenchSuite[] = [];
for (const file of readdirSync(suitesDir).sort()) {
  if (!file.endsWith('.ts') || file.endsWith('.test.ts')) continue;
  const mod = (await import(new URL(file, suitesDir).href)) as { suite?: BenchSuite };
  if (mod.suite) suites.push(mod.suite);
}
suites.sort((a, b) => a.order - b.order);
const selected = only ? suites.filter((s) => s.id === only) : suites;
if (selected.length === 0) {
  log(`no suite ${only ?? ''}; available: ${suites.map((s) => s.id).join(', ') || '(none)'}`);
  process.exit(only ? 1 : 0);
}

const reports: Array<{ suite: BenchSuite; report: SuiteReport }> = [];
for (const suite of selected) {
  log(`== ${suite.id}`);
  const started = Date.now();
  reports.push({ suite, report: await suite.run({ quick, log }) });
  log(`   done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

const table = (t: Table): string =>
  [
    `${t.caption}\n`,
    `| ${t.columns.join(' | ')} |`,
    `| ${t.columns.map(() => '---').join(' | ')} |`,
    ...t.rows.map((row) => `| ${row.join(' | ')} |`),
  ].join('\n');

const cpu = cpus()[0]?.model ?? 'unknown CPU';
const lines = [
  '# Benchmarks',
  '',
  'Reproduce with `npm run bench` (after `npm test` has installed everything), or one suite with',
  '`npm run bench -- --suite <id>`. Every table compares implementations measured side by side,',
  'interleaved, in one process and one run; read the ratios, since absolute numbers drift on',
  'shared machines.',
  '',
  `Last full run: ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${cpu}, ` +
    `${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB${quick ? ' (quick mode)' : ''}.`,
  '',
  '## Targets',
  '',
  '| suite | target | measured | met |',
  '| --- | --- | --- | --- |',
  ...reports.flatMap(({ suite, report }) =>
    report.targets.map((t) => `| ${suite.id} | ${t.claim} | ${t.measured} | ${t.pass ? 'yes' : '**no**'} |`),
  ),
  '',
  ...reports.flatMap(({ suite, report }) => [
    `## ${report.title}`,
    '',
    `Suite \`${suite.id}\`. ${report.method}`,
    '',
    ...report.tables.flatMap((t) => [table(t), '']),
    ...(report.notes ?? []).flatMap((n) => [n, '']),
  ]),
];
const docPath = fileURLToPath(new URL('../../../docs/benchmarks.md', import.meta.url));
// Formatted with the repository's prettier settings, so a fresh report passes `prettier --check`.
const markdown = await format(`${lines.join('\n').trimEnd()}\n`, {
  ...(await resolveConfig(docPath)),
  filepath: docPath,
});
if (only) process.stdout.write(markdown);
else writeFileSync(docPath, markdown);
log(only ? 'report printed (docs/benchmarks.md is written by a full run)' : 'wrote docs/benchmarks.md');
