import type { FilePlan } from './analyze/file-plan.js';

const snake = (name: string): string =>
  name
    .replace(/Profile\d*$/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase();

const stem = (path: string): string =>
  (path.split('/').at(-1) ?? path).replace(/\.[cm]?tsx?$/, '').replace(/[^A-Za-z0-9._-]/g, '_');

/**
 * The instance name of every profile of a run, by its key. A profile keeps the service name
 * compat gave it (`retry_manager`, `llm_enhanced_retry`, ...) when it is the only profile of
 * the run under that name, so health, metrics and events keep their names. Several profiles
 * under one name would collide in the manager's registry (compat told them apart by a hash
 * suffix), so each then gets `<service>.<profile name>`, with the file name and a number
 * added while that still collides.
 *
 * @example
 * ```ts
 * // two RetryManagers held in `search` and `rank`: 'retry_manager.search', 'retry_manager.rank'
 * ```
 */
export function serviceNames(plans: readonly FilePlan[]): Map<string, string> {
  const byService = new Map<string, { key: string; constName: string; path: string }[]>();
  for (const plan of plans) {
    for (const p of plan.profiles) {
      const list = byService.get(p.spec.service) ?? [];
      list.push({ key: p.key, constName: p.constName, path: plan.path });
      byService.set(p.spec.service, list);
    }
  }
  const names = new Map<string, string>();
  const used = new Set<string>();
  for (const [service, list] of byService) {
    if (list.length === 1) {
      names.set(list[0]!.key, service);
      used.add(service);
      continue;
    }
    for (const p of list) {
      let name = `${service}.${snake(p.constName)}`;
      if (used.has(name)) name = `${service}.${stem(p.path)}.${snake(p.constName)}`;
      for (let n = 2; used.has(name); n++) name = `${service}.${stem(p.path)}.${snake(p.constName)}.${n}`;
      used.add(name);
      names.set(p.key, name);
    }
  }
  return names;
}
