import type { DemoState } from '../../service/demo-state.js';
import type { FaultMode } from '../../upstream/fault-modes.js';

/** `GET /api/state`: everything the page draws. */
export async function fetchState(): Promise<DemoState> {
  const response = await fetch('/api/state', { cache: 'no-store' });
  if (!response.ok) throw new Error(`/api/state answered ${response.status}`);
  return (await response.json()) as DemoState;
}

/** `GET /api/token?user=`: a short-lived WebSocket token (a demo-only endpoint, which says so). */
export async function fetchToken(user: string): Promise<{ token: string; note: string }> {
  const response = await fetch(`/api/token?user=${encodeURIComponent(user)}`, { cache: 'no-store' });
  const body = (await response.json()) as { token?: string; note?: string; error?: string };
  if (!response.ok || body.token === undefined)
    throw new Error(body.error ?? `/api/token answered ${response.status}`);
  return { token: body.token, note: body.note ?? '' };
}

/** `POST /api/fault`: switches the upstream's fault mode; rejects with the server's message. */
export async function postFault(mode: FaultMode): Promise<void> {
  const response = await fetch('/api/fault', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ mode }),
  });
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as { error?: string };
    throw new Error(body.error ?? `/api/fault answered ${response.status}`);
  }
}
