// The demo page: pick a user, watch their runs arrive over @rel/core/client, poll the
// service state, draw the chart, and switch the upstream's fault mode.
import { WebSocketEventClient } from '@rel/core/client';
import type { FaultMode } from '../../upstream/fault-modes.js';
import { fetchState, fetchToken, postFault } from './api.js';
import { renderChart } from './chart.js';
import { RunsView } from './runs-view.js';
import { renderState } from './state-view.js';

const byId = <T extends HTMLElement>(id: string): T => {
  const node = document.getElementById(id);
  if (node === null) throw new Error(`the page has no #${id}`);
  return node as T;
};

const runs = new RunsView(byId('runs'));
const userSelect = byId<HTMLSelectElement>('user');
const connection = byId('connection');
const eventCount = byId('event-count');
let client: WebSocketEventClient | undefined;

function connect(user: string): void {
  client?.close();
  runs.clear();
  byId('user-name').textContent = user;
  const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/events`;
  const next = new WebSocketEventClient({
    url,
    // A fresh short-lived token before every (re)connection, from the demo-only endpoint.
    token: async () => {
      const grant = await fetchToken(user);
      byId('token-note').textContent = grant.note;
      return grant.token;
    },
    // From the start of the user's replay buffer, so the page shows recent history too.
    lastSeq: 0,
  });
  next.onEvent((event) => {
    runs.add(event);
    eventCount.textContent = `${runs.events} events, last seq ${event.seq}`;
  });
  next.onStateChange(({ state }) => {
    connection.dataset['conn'] = state;
    connection.textContent = `events: ${state}`;
  });
  next.onResync(() => runs.clear());
  next.connect();
  client = next;
}

async function poll(): Promise<void> {
  try {
    const state = await fetchState();
    renderState(state);
    renderChart(byId('chart') as unknown as SVGSVGElement, state.timeline);
  } catch (error) {
    connection.textContent = `state: ${error instanceof Error ? error.message : String(error)}`;
  }
}

for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-fault]')) {
  button.addEventListener('click', () => {
    const problem = byId('fault-error');
    postFault(button.dataset['fault'] as FaultMode)
      .then(() => {
        problem.hidden = true;
        return poll();
      })
      .catch((error: unknown) => {
        problem.hidden = false;
        problem.textContent = error instanceof Error ? error.message : String(error);
      });
  });
}

userSelect.addEventListener('change', () => {
  history.replaceState(null, '', `?user=${encodeURIComponent(userSelect.value)}`);
  connect(userSelect.value);
});

const requested = new URLSearchParams(location.search).get('user');
if (requested !== null && [...userSelect.options].some((o) => o.value === requested))
  userSelect.value = requested;
connect(userSelect.value);
void poll();
setInterval(() => void poll(), 1_000);
