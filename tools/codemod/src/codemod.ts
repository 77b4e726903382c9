import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, relative, resolve, sep } from 'node:path';
import * as prettier from 'prettier';
import { Project, ts } from 'ts-morph';
import { planFile, type FilePlan } from './analyze/file-plan.js';
import type { Site } from './analyze/plan-types.js';
import { render } from './edits.js';
import { serviceNames } from './service-names.js';

/** Options of {@link runCodemod}. */
export interface CodemodOptions {
  /** Files and folders to migrate (folders: every `.ts`/`.tsx`/`.mts`/`.cts` file, `node_modules` and `dist` skipped). */
  readonly paths: readonly string[];
  /** Write the changes; otherwise nothing is written (dry run). @defaultValue false */
  readonly write?: boolean;
  /** Paths in the report are relative to it. @defaultValue `process.cwd()` */
  readonly cwd?: string;
}

/** What the codemod did (or would do) to one file. */
export interface FileReport {
  readonly path: string;
  /** True when the file's text changes. */
  readonly changed: boolean;
  /** Every reference to a legacy name, converted or left (with the reason). */
  readonly sites: readonly Site[];
  /** Profile constants added, with their instance names. */
  readonly profiles: readonly { readonly constName: string; readonly service: string }[];
}

/** The report of one run. */
export interface CodemodReport {
  readonly write: boolean;
  /** Files looked at. */
  readonly scanned: number;
  /** Files that import a legacy name (only those are listed). */
  readonly files: readonly FileReport[];
  readonly totals: {
    readonly sites: number;
    readonly converted: number;
    readonly left: number;
    readonly changedFiles: number;
  };
}

const SKIP = new Set(['node_modules', 'dist', 'coverage', '.git', '.turbo']);
const SOURCE = /\.(ts|tsx|mts|cts)$/;

function* sourceFiles(path: string): Generator<string> {
  if (statSync(path).isFile()) {
    if (SOURCE.test(path) && !path.endsWith('.d.ts')) yield path;
    return;
  }
  for (const entry of readdirSync(path).sort()) if (!SKIP.has(entry)) yield* sourceFiles(join(path, entry));
}

async function format(text: string, file: string): Promise<string> {
  const config = (await prettier.resolveConfig(file)) ?? {};
  return prettier.format(text, { ...config, filepath: file });
}

/**
 * Migrates legacy `@rel/compat` call sites under `paths` to the canonical API (see the
 * README for what is converted and what is left with a `TODO(rel-migrate)`). Files are
 * analysed together, so instance names are unique across the run; changed files are
 * formatted with the project's Prettier configuration. Running it again changes nothing.
 *
 * @example
 * ```ts
 * const report = await runCodemod({ paths: ['src'], write: false });
 * console.log(formatReport(report));
 * ```
 */
export async function runCodemod(options: CodemodOptions): Promise<CodemodReport> {
  const cwd = options.cwd ?? process.cwd();
  const write = options.write ?? false;
  const all = options.paths.flatMap((p) => [...sourceFiles(resolve(cwd, p))]);
  const files = [...new Set(all)];
  const project = new Project({
    useInMemoryFileSystem: true,
    compilerOptions: {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      allowJs: false,
      noResolve: true,
    },
  });
  const plans: { file: string; plan: FilePlan }[] = [];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    if (!text.includes('@rel/compat')) continue;
    const source = project.createSourceFile(`/${plans.length}/${basename(file)}`, text, { overwrite: true });
    plans.push({ file, plan: planFile(source, relative(cwd, file).split(sep).join('/')) });
  }
  const names = serviceNames(plans.map((p) => p.plan));
  const reports: FileReport[] = [];
  for (const { file, plan } of plans) {
    const rendered = render(plan.source, plan.edits, (key) => names.get(key) ?? key);
    const output = rendered === plan.source ? rendered : await format(rendered, file);
    const changed = output !== plan.source;
    if (changed && write) writeFileSync(file, output);
    reports.push({
      path: plan.path,
      changed,
      sites: plan.sites,
      profiles: plan.profiles.map((p) => ({ constName: p.constName, service: names.get(p.key) ?? p.key })),
    });
  }
  const sites = reports.flatMap((r) => r.sites);
  const converted = sites.filter((s) => s.status === 'converted').length;
  return {
    write,
    scanned: files.length,
    files: reports,
    totals: {
      sites: sites.length,
      converted,
      left: sites.length - converted,
      changedFiles: reports.filter((r) => r.changed).length,
    },
  };
}
