// npm run release:check — what a release must pass before `changeset publish`:
//  1. build every package; 2. `changeset status`; 3. publint and are-the-types-wrong on every
//  runtime package; 4. `pnpm pack` each; 5. install the tarballs into a fresh consumer project
//  outside the workspace; 6. there, import every package (ESM), type-check a small program
//  against the published types and run it.
// Exits non-zero at the first failing step, saying which.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('../../../', import.meta.url).pathname;
const env = { ...process.env, TURBO_TELEMETRY_DISABLED: '1', DO_NOT_TRACK: '1' };
const run = (cmd, args, cwd = root) => {
  process.stderr.write(`$ ${cmd} ${args.join(' ')}${cwd === root ? '' : `   (in ${cwd})`}\n`);
  execFileSync(cmd, args, { cwd, stdio: 'inherit', env });
};
const step = (name, fn) => {
  process.stderr.write(`\n== ${name}\n`);
  try {
    fn();
  } catch (error) {
    process.stderr.write(`\nrelease:check FAILED at "${name}": ${error.message.split('\n')[0]}\n`);
    process.exit(1);
  }
};

const packages = readdirSync(join(root, 'packages'))
  .map((dir) => ({
    dir: join(root, 'packages', dir),
    pkg: JSON.parse(readFileSync(join(root, 'packages', dir, 'package.json'), 'utf8')),
  }))
  .filter(({ pkg }) => !pkg.private);

step('build', () =>
  run('pnpm', ['turbo', 'run', 'build', '--filter=./packages/*', '--output-logs=errors-only']),
);
step('changeset status', () => run('pnpm', ['changeset', 'status']));
const bin = (name) => join(root, 'node_modules', '.bin', name);
for (const { dir, pkg } of packages) {
  step(`publint ${pkg.name}`, () => run(bin('publint'), ['--strict', dir]));
  step(`are-the-types-wrong ${pkg.name}`, () => run(bin('attw'), ['--pack', dir, '--profile', 'esm-only']));
}

const work = mkdtempSync(join(tmpdir(), 'rel-release-'));
const tarballs = join(work, 'tarballs');
mkdirSync(tarballs);
step('pack', () => {
  for (const { dir } of packages) run('pnpm', ['pack', '--pack-destination', tarballs], dir);
});

const consumer = join(work, 'consumer');
mkdirSync(consumer);
step('install the tarballs into a fresh consumer project', () => {
  writeFileSync(
    join(consumer, 'package.json'),
    JSON.stringify({ name: 'rel-consumer', private: true, type: 'module' }, null, 2),
  );
  const files = readdirSync(tarballs).map((f) => join(tarballs, f));
  run(
    'npm',
    [
      'install',
      '--no-audit',
      '--no-fund',
      '--loglevel=error',
      ...files,
      'typescript@5.9.3',
      '@types/node@20.19.43',
      'prom-client@15.1.3',
    ],
    consumer,
  );
});

step('import every package (ESM) and use it', () => {
  const names = packages.map(({ pkg }) => pkg.name);
  const smoke = [
    ...names.map((name, i) => `import * as m${i} from '${name}';`),
    `const modules = { ${names.map((n, i) => `'${n}': m${i}`).join(', ')} };`,
    `for (const [name, mod] of Object.entries(modules)) {`,
    `  if (Object.keys(mod).length === 0) throw new Error(name + ' exports nothing');`,
    `  console.log(name, Object.keys(mod).length, 'exports');`,
    `}`,
    `const { defineProfile } = m${names.indexOf('@rel/config')};`,
    `const profile = defineProfile({ profile: 'llm', retry: { maxAttempts: 2 } });`,
    `if (profile.retry.maxAttempts !== 2) throw new Error('defineProfile did not apply the override');`,
    `console.log('smoke ok');`,
  ].join('\n');
  writeFileSync(join(consumer, 'smoke.mjs'), `${smoke}\n`);
  run('node', ['smoke.mjs'], consumer);
});

step('type-check a small program against the published types, then run it', () => {
  writeFileSync(
    join(consumer, 'tsconfig.json'),
    JSON.stringify(
      {
        compilerOptions: {
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          target: 'ES2022',
          strict: true,
          exactOptionalPropertyTypes: true,
          noUncheckedIndexedAccess: true,
          skipLibCheck: false,
          types: ['node'],
          outDir: 'out',
        },
        include: ['program.ts'],
      },
      null,
      2,
    ),
  );
  const program = readFileSync(new URL('./release-smoke-program.ts', import.meta.url), 'utf8');
  writeFileSync(join(consumer, 'program.ts'), program);
  run(join(consumer, 'node_modules', '.bin', 'tsc'), ['-p', 'tsconfig.json'], consumer);
  writeFileSync(
    join(consumer, 'run-program.mjs'),
    "import { firstProgram } from './out/program.js';\nconsole.log('program:', (await firstProgram()).join(', '));\n",
  );
  run('node', ['--no-deprecation', 'run-program.mjs'], consumer);
});

rmSync(work, { recursive: true, force: true });
process.stderr.write('\nrelease:check passed\n');
