import type { AgentEvent } from '@rel/core/client';

const MAX_RUNS = 25;
const num = (v: unknown): string => (typeof v === 'number' ? String(Math.round(v)) : '?');
const txt = (v: unknown, max = 90): string => {
  const s = typeof v === 'string' ? v : (JSON.stringify(v) ?? '');
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
};

/** One line describing an event, from its wire payload (snake_case keys). */
export function describeEvent(event: AgentEvent): string {
  const p = event.payload as Record<string, unknown>;
  switch (event.type) {
    case 'agent_started':
      return `started: ${txt(p['message'])}`;
    case 'agent_thinking':
      return `thinking: ${txt(p['reasoning'])}`;
    case 'agent_progress':
      return `${txt(p['message'])}${p['progress_percentage'] === undefined ? '' : ` (${num(p['progress_percentage'])}%)`}`;
    case 'tool_executing':
      return `→ ${txt(p['tool_name'])} ${txt(p['parameters'], 60)}`;
    case 'tool_completed':
      return `← ${txt(p['tool_name'])} ${txt(p['status'])} in ${num(p['execution_time_ms'])} ms, ${num(p['attempts'])} attempt(s)${p['fallback_used'] === true ? ', from its fallback' : ''}`;
    case 'agent_retrying':
      return `↻ ${txt(p['service'])} retry ${num(p['attempt'])}/${num(p['max_attempts'])} in ${num(p['delay_ms'])} ms (${txt(p['reason'])})`;
    case 'agent_fallback':
      return `⤷ ${txt(p['service'])} answered by its fallback (${txt(p['reason'])})`;
    case 'circuit_breaker_opened':
    case 'circuit_breaker_half_open':
    case 'circuit_breaker_closed':
      return `⚡ breaker ${txt(p['service'])}: ${txt(p['from_state'])} → ${txt(p['to_state'])}`;
    case 'health_degraded':
    case 'health_recovered':
      return `♥ health ${txt(p['service'])}: ${txt(p['previous_status'])} → ${txt(p['status'])}`;
    case 'agent_completed': {
      const result = p['result'] as { answer?: unknown } | undefined;
      return `✓ ${txt(p['message'])}: ${txt(result?.answer ?? '', 120)}`;
    }
    case 'agent_error':
      return `✗ ${txt(p['error_message'], 120)}`;
    default:
      // A type newer than this page: show its name.
      return String((event as { type: unknown }).type);
  }
}

/**
 * The live runs of the selected user: one card per run (newest first, at most 25), each
 * listing its events in seq order. Text goes in through `textContent` only.
 */
export class RunsView {
  private readonly root: HTMLElement;
  private readonly runs = new Map<string, { card: HTMLElement; list: HTMLUListElement }>();
  private count = 0;

  constructor(root: HTMLElement) {
    this.root = root;
  }

  /** Events shown since the last `clear()`. */
  get events(): number {
    return this.count;
  }

  clear(): void {
    this.runs.clear();
    this.count = 0;
    this.root.replaceChildren();
  }

  add(event: AgentEvent): void {
    this.count++;
    let run = this.runs.get(event.run_id);
    if (run === undefined) {
      const card = document.createElement('article');
      card.className = 'run';
      card.dataset['run'] = 'running';
      card.dataset['runId'] = event.run_id;
      const header = document.createElement('header');
      const title = document.createElement('span');
      title.textContent = `${event.agent_name} · run ${event.run_id.slice(0, 8)}`;
      const thread = document.createElement('span');
      thread.textContent = event.thread_id ?? '';
      header.append(title, thread);
      const list = document.createElement('ul');
      card.append(header, list);
      this.root.prepend(card);
      run = { card, list };
      this.runs.set(event.run_id, run);
      this.trim();
    }
    const item = document.createElement('li');
    item.className = 'event';
    item.dataset['type'] = event.type;
    const seq = document.createElement('span');
    seq.className = 'seq';
    seq.textContent = `#${event.seq}`;
    item.append(seq, describeEvent(event));
    run.list.append(item);
    if (event.type === 'agent_completed') run.card.dataset['run'] = 'completed';
    if (event.type === 'agent_error') run.card.dataset['run'] = 'failed';
  }

  private trim(): void {
    while (this.runs.size > MAX_RUNS) {
      const [oldest] = this.runs.keys();
      if (oldest === undefined) return;
      this.runs.get(oldest)?.card.remove();
      this.runs.delete(oldest);
    }
  }
}
