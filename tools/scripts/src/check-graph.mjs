// Checks that the workspace packages follow the dependency direction of docs/architecture.md:
//   config <- retry <- circuit, config <- health, {config, retry, circuit, health} <- core <- compat <- apps, tools
// and that every `@rel/*` import in a package's sources is a declared dependency.
// Exits non-zero with one line per violation.
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('../../../', import.meta.url).pathname;

/** Runtime packages and the runtime packages each may depend on (the allowed direction). */
const ALLOWED = {
  '@rel/config': [],
  '@rel/retry': ['@rel/config'],
  '@rel/circuit': ['@rel/config', '@rel/retry'],
  '@rel/health': ['@rel/config'],
  '@rel/core': ['@rel/config', '@rel/retry', '@rel/circuit', '@rel/health'],
  '@rel/compat': ['@rel/config', '@rel/retry', '@rel/circuit', '@rel/health', '@rel/core'],
};

const problems = [];
const packages = new Map();
for (const group of ['packages', 'apps', 'tools']) {
  const dir = join(root, group);
  if (!existsSync(dir)) continue;
  for (const name of readdirSync(dir)) {
    const manifest = join(dir, name, 'package.json');
    if (!existsSync(manifest)) continue;
    const pkg = JSON.parse(readFileSync(manifest, 'utf8'));
    packages.set(pkg.name, { dir: join(dir, name), group, pkg });
  }
}

const relDeps = (deps = {}) => Object.keys(deps).filter((d) => d.startsWith('@rel/'));

for (const [name, { group, pkg }] of packages) {
  const runtime = relDeps(pkg.dependencies);
  const dev = relDeps(pkg.devDependencies);
  if (group === 'packages') {
    const allowed = ALLOWED[name];
    if (!allowed)
      problems.push(`${name}: not in the allowed-direction table of tools/scripts/src/check-graph.mjs`);
    for (const dep of [...runtime, ...relDeps(pkg.peerDependencies)]) {
      if (allowed && !allowed.includes(dep))
        problems.push(`${name} depends on ${dep}: against the package direction`);
    }
    for (const dep of dev) {
      if (dep !== '@rel/test-utils' && !(allowed ?? []).includes(dep)) {
        problems.push(`${name} has ${dep} as a devDependency: against the package direction`);
      }
    }
  }
  for (const dep of [...runtime, ...dev]) {
    const target = packages.get(dep);
    if (!target) problems.push(`${name} depends on ${dep}, which is not in the workspace`);
    else if (target.group === 'apps') problems.push(`${name} depends on the app ${dep}: apps are leaves`);
    else if (target.pkg.private && !dev.includes(dep) && group === 'packages') {
      problems.push(`${name} depends on the private ${dep} at runtime`);
    }
  }
}

// Cycles between packages (any kind of dependency).
const visiting = new Set();
const done = new Set();
function visit(name, trail) {
  if (done.has(name)) return;
  if (visiting.has(name)) {
    problems.push(`package cycle: ${[...trail.slice(trail.indexOf(name)), name].join(' -> ')}`);
    return;
  }
  visiting.add(name);
  const { pkg } = packages.get(name);
  for (const dep of relDeps({ ...pkg.dependencies, ...pkg.devDependencies, ...pkg.peerDependencies })) {
    if (packages.has(dep)) visit(dep, [...trail, name]);
  }
  visiting.delete(name);
  done.add(name);
}
for (const name of packages.keys()) visit(name, []);

// Every @rel import in sources must be declared (tests may use devDependencies).
function* sourceFiles(dir) {
  for (const entry of readdirSync(dir)) {
    if (entry === 'node_modules' || entry === 'dist') continue;
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) yield* sourceFiles(path);
    else if (/\.(ts|mts|tsx)$/.test(entry) && !entry.endsWith('.d.ts')) yield path;
  }
}
const importPattern = /(?:from\s+|import\s*\(\s*|import\s+)['"](@rel\/[a-z-]+)(?:\/[^'"]*)?['"]/g;
for (const [name, { dir, pkg }] of packages) {
  const declared = new Set([name, ...relDeps(pkg.dependencies), ...relDeps(pkg.peerDependencies)]);
  const declaredDev = new Set([...declared, ...relDeps(pkg.devDependencies)]);
  for (const sub of ['src', 'test', 'scripts']) {
    if (!existsSync(join(dir, sub))) continue;
    for (const file of sourceFiles(join(dir, sub))) {
      // Private packages are never installed by users, so their devDependencies are real dependencies.
      const isTest = pkg.private || /\.(test|bench|test-d)\.ts$/.test(file) || sub !== 'src';
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(importPattern)) {
        const dep = match[1];
        if (!(isTest ? declaredDev : declared).has(dep)) {
          problems.push(`${relative(root, file)} imports ${dep}, which ${name} does not declare`);
        }
      }
    }
  }
}

if (problems.length > 0) {
  console.error(`package graph: ${problems.length} problem(s)\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`package graph: ${packages.size} packages follow the dependency direction; no cycles`);
