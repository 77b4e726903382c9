import { Node, SyntaxKind, type Identifier, type SourceFile, type VariableDeclaration } from 'ts-morph';
import { fits, survives, type Edit } from '../edits.js';
import { helperClosure, type HelperName } from '../emit/helpers.js';
import { deprecationOf, unconvertedReason } from '../legacy-names.js';
import { fileContext, lineOf, referencesOf, type FileContext } from './context.js';
import { headerAndImportEdits } from './imports.js';
import { todoEdits } from './todos.js';
import type { PlannedProfile, Site } from './plan-types.js';
import type { ProfileSpec } from '../emit/profile.js';
import {
  planCircuitStrategy,
  planEnhancedRetry,
  planRetryHandler,
  planRetryManager,
  type UnitResult,
} from './units.js';

/** Everything the codemod would do to one file. */
export interface FilePlan {
  readonly path: string;
  readonly source: string;
  readonly edits: readonly Edit[];
  readonly profiles: readonly PlannedProfile[];
  readonly sites: readonly Site[];
}

function planUnit(ctx: FileContext, ref: Identifier): { result: UnitResult; span: Node } | undefined {
  const name = ctx.legacyOf(ref)?.converted;
  const parent = ref.getParent();
  if (Node.isNewExpression(parent) && parent.getExpression() === ref) {
    if (name === 'RetryManager') return { result: planRetryManager(ctx, parent), span: parent };
    if (name === 'RetryHandler') return { result: planRetryHandler(ctx, parent), span: parent };
    if (name === 'CircuitBreakerRetryStrategy')
      return { result: planCircuitStrategy(ctx, parent), span: parent };
  }
  if (name === 'withEnhancedRetry' && Node.isCallExpression(parent) && parent.getExpression() === ref) {
    const outer = parent.getParent();
    return { result: planEnhancedRetry(ctx, parent), span: Node.isCallExpression(outer) ? outer : parent };
  }
  return undefined;
}

const removable = (decl: VariableDeclaration): boolean => {
  const statement = decl.getVariableStatement();
  return statement !== undefined && !statement.isExported() && statement.getDeclarations().length === 1;
};

/**
 * Plans the migration of one file: each legacy object or decorator call it can prove is
 * rewritten to the canonical API over a hoisted profile; every other reference to a legacy
 * name stays, with a `TODO(rel-migrate)` comment saying why.
 */
export function planFile(file: SourceFile, path: string): FilePlan {
  const ctx = fileContext(file);
  const source = file.getFullText();
  const edits: Edit[] = [];
  const profiles: PlannedProfile[] = [];
  const helpers = new Set<HelperName>();
  const failures = new Map<Identifier, string>();
  const converted: { span: Node; what: string }[] = [];
  const consts = new Set<VariableDeclaration>();
  const taken = new Set(file.getDescendantsOfKind(SyntaxKind.Identifier).map((id) => id.getText()));

  const profileName = (spec: ProfileSpec, hint: string): PlannedProfile => {
    const same = profiles.find((p) => p.spec.input === spec.input && p.spec.service === spec.service);
    if (same !== undefined) return same;
    let constName = `${hint}Profile`;
    for (let n = 2; taken.has(constName); n++) constName = `${hint}Profile${n}`;
    taken.add(constName);
    const planned = { key: `${path}#${constName}`, constName, spec };
    profiles.push(planned);
    return planned;
  };

  for (const ref of ctx.refs) {
    const unit = planUnit(ctx, ref);
    if (unit === undefined) continue;
    const within = ctx.refs.filter(
      (r) => r.getStart() >= unit.span.getStart() && r.getEnd() <= unit.span.getEnd(),
    );
    if (!unit.result.ok) {
      for (const r of within) if (!failures.has(r)) failures.set(r, unit.result.reason);
      continue;
    }
    const plan = unit.result.plan;
    const before = profiles.length;
    const named = plan.profile === undefined ? undefined : profileName(plan.profile, plan.hint);
    const unitEdits = plan.edits({ profile: named?.constName ?? '', service: named?.key ?? '' });
    if (!unitEdits.every((e, i) => fits([...edits, ...unitEdits.slice(0, i)], e))) {
      if (profiles.length > before) profiles.pop();
      for (const r of within) failures.set(r, 'it overlaps another rewrite of this file');
      continue;
    }
    edits.push(...unitEdits);
    plan.helpers.forEach((h) => helpers.add(h));
    plan.profile?.helpers.forEach((h) => helpers.add(h));
    plan.consts.forEach((c) => consts.add(c));
    converted.push({ span: unit.span, what: plan.what });
  }

  // Module-level consts the profiles were read from go once nothing that survives reads them.
  for (let changed = true; changed;) {
    changed = false;
    for (const decl of consts) {
      const name = decl.getNameNode();
      if (!Node.isIdentifier(name) || !removable(decl)) continue;
      if (referencesOf(file, name).some((r) => survives(edits, r.getStart()))) continue;
      const statement = decl.getVariableStatementOrThrow();
      edits.push({ start: statement.getStart(), end: statement.getEnd(), parts: [] });
      consts.delete(decl);
      changed = true;
    }
  }

  const sites: Site[] = ctx.refs.map((ref) => {
    const legacy = ctx.legacyOf(ref)!;
    const at = lineOf(file, ref.getStart());
    const base = { ...at, name: legacy.exported === '*' ? `${legacy.local}.*` : legacy.exported };
    if (!survives(edits, ref.getStart())) {
      const unit = converted.find(
        (c) => ref.getStart() >= c.span.getStart() && ref.getEnd() <= c.span.getEnd(),
      );
      return {
        ...base,
        status: 'converted',
        detail: unit?.what ?? 'a configuration constant read into a profile',
      };
    }
    const kept = [...consts].find((c) => ref.getStart() >= c.getStart() && ref.getEnd() <= c.getEnd());
    const detail =
      kept === undefined
        ? leftReason(ctx, ref, failures)
        : `\`${kept.getName()}\` stays: it is also used where the codemod cannot follow it (see the other TODOs)`;
    return { ...base, status: 'left', detail };
  });

  edits.push(
    ...todoEdits(
      file,
      ctx.refs.filter((r) => survives(edits, r.getStart())),
      sites,
      edits,
    ),
  );
  edits.push(...headerAndImportEdits(ctx, edits, profiles, helperClosure(helpers)));
  return { path, source, edits, profiles, sites };
}

function leftReason(ctx: FileContext, ref: Identifier, failures: ReadonlyMap<Identifier, string>): string {
  const legacy = ctx.legacyOf(ref)!;
  const failure = failures.get(ref);
  if (failure !== undefined) return failure;
  if (legacy.exported === '*' || legacy.exported === 'default') {
    return `a namespace import of ${legacy.specifier}; import the legacy names by name so the codemod can follow them`;
  }
  if (legacy.converted === undefined) return unconvertedReason(legacy.specifier, legacy.exported);
  if (Node.isTypeReference(ref.getParent()) || Node.isTypeQuery(ref.getParent())) {
    const d = deprecationOf(legacy.specifier, legacy.exported);
    return `\`${legacy.local}\` is used as a type; the canonical one goes with ${d?.replacement ?? 'the canonical API'}`;
  }
  return `\`${legacy.local}\` is used in a way the codemod cannot rewrite (it converts const/private-field objects whose every use is a supported call, and withEnhancedRetry(strategy)(fn))`;
}
