import type { DemoState, ServiceState } from '../../service/demo-state.js';
import type { ServiceTransition } from '../../service/transition-log.js';

function cell(text: string, attrs: Record<string, string> = {}): HTMLTableCellElement {
  const td = document.createElement('td');
  td.textContent = text;
  for (const [key, value] of Object.entries(attrs)) td.setAttribute(key, value);
  return td;
}

function serviceRow(s: ServiceState): HTMLTableRowElement {
  const row = document.createElement('tr');
  row.dataset['service'] = s.name;
  const name = cell(s.name);
  if (s.kind === 'legacy') {
    const tag = document.createElement('span');
    tag.className = 'tag';
    tag.textContent = 'legacy (@rel/compat)';
    name.append(tag);
  }
  const breaker = s.breaker?.state ?? '-';
  const health = cell(`${s.health.status} ${s.health.score.toFixed(2)}`, {
    'data-field': 'health',
    'data-status': s.health.status,
  });
  const bar = document.createElement('span');
  bar.className = 'score';
  const fill = document.createElement('span');
  fill.style.width = `${Math.round(s.health.score * 100)}%`;
  bar.append(fill);
  health.append(bar);
  row.append(
    name,
    cell(breaker, { 'data-field': 'breaker', 'data-state': breaker }),
    health,
    cell(String(s.calls)),
    cell(String(s.attempts)),
    cell(String(s.retries)),
    cell(String(s.budget?.refused ?? '-')),
    cell(String(s.fallbacks)),
  );
  return row;
}

function transitionText(t: ServiceTransition, startedAt: number): string {
  const at = `${((t.at - startedAt) / 1000).toFixed(1)} s`;
  return t.kind === 'breaker'
    ? `${at}  breaker ${t.service}: ${t.from} → ${t.to} (${t.reason})`
    : `${at}  health ${t.service}: ${t.from} → ${t.to} (score ${t.score.toFixed(2)})`;
}

/**
 * Renders the polled state: the services table (breaker state, health score and status,
 * counts), the fault mode pill and the pressed fault button, and the newest breaker and
 * health transitions first.
 */
export function renderState(state: DemoState): void {
  const tbody = document.querySelector<HTMLTableSectionElement>('#services tbody');
  tbody?.replaceChildren(...state.services.map(serviceRow));
  const fault = document.getElementById('fault');
  if (fault !== null) {
    fault.textContent = state.fault.description;
    fault.dataset['mode'] = state.fault.mode;
  }
  for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-fault]')) {
    button.setAttribute('aria-pressed', String(button.dataset['fault'] === state.fault.mode));
  }
  const list = document.getElementById('transitions');
  list?.replaceChildren(
    ...[...state.transitions].reverse().map((t) => {
      const li = document.createElement('li');
      li.textContent = transitionText(t, state.startedAt);
      li.dataset[t.kind === 'breaker' ? 'state' : 'status'] = t.to;
      return li;
    }),
  );
}
