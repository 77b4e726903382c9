import type { IncomingMessage, ServerResponse } from 'node:http';
import { isRelError, RelValidationError } from '@rel/config';
import { HEALTH_JSON_CONTENT_TYPE, healthHttpStatus, type HealthJson } from '@rel/health';
import type { FaultSpec } from '../upstream/fault-modes.js';
import type { DemoState } from './demo-state.js';

/** The page's files, served as they are (the script bundled at startup). */
export interface WebPage {
  readonly html: string;
  readonly css: string;
  readonly js: string;
}

/** A token for one demo user (`GET /api/token`). */
export interface TokenGrant {
  readonly token: string;
  readonly userId: string;
  /** Epoch ms. */
  readonly expiresAt: number;
}

/** What the routes read and change. */
export interface DemoRoutesApi {
  readonly page: WebPage | undefined;
  health(): HealthJson;
  metrics(): Promise<string>;
  readonly metricsContentType: string;
  state(): DemoState;
  /** @throws `RelConfigError` for a bad fault. */
  setFault(input: unknown): FaultSpec;
  /** @throws `RelConfigError` for an unknown user. */
  issueToken(userId: unknown): TokenGrant;
}

const MAX_BODY_BYTES = 16 * 1024;
const TOKEN_NOTE =
  'Demo only: this endpoint signs a short-lived WebSocket token for any demo user without a sign-in. ' +
  'A real service issues tokens from its authenticated session.';

function send(
  res: ServerResponse,
  status: number,
  type: string,
  body: string,
  extra: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...extra });
  res.end(body);
}
const sendJson = (res: ServerResponse, status: number, body: unknown): void =>
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(body));

function readJson(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error(`the body is larger than ${MAX_BODY_BYTES} bytes`));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown);
      } catch {
        reject(new Error('the body is not valid JSON'));
      }
    });
    req.on('error', reject);
  });
}

/** A 400 for bad input: the typed error's message and, for validation errors, each issue. */
function badRequest(res: ServerResponse, error: unknown): void {
  if (error instanceof RelValidationError) {
    sendJson(res, 400, { error: error.message, code: error.code, issues: error.issues });
  } else if (isRelError(error) || error instanceof Error) {
    sendJson(res, 400, { error: error.message });
  } else throw error;
}

const ROUTES: Readonly<Record<string, readonly string[]>> = {
  '/': ['GET'],
  '/app.js': ['GET'],
  '/styles.css': ['GET'],
  '/health': ['GET'],
  '/metrics': ['GET'],
  '/api/state': ['GET'],
  '/api/token': ['GET'],
  '/api/fault': ['POST'],
};

/**
 * The demo service's HTTP routes: the page (`/`, `/app.js`, `/styles.css`), `/health`
 * (`application/health+json`, 503 when failing), `/metrics` (Prometheus text),
 * `/api/state` (JSON for the page), `POST /api/fault` (switch the upstream's fault mode) and
 * the demo-only `GET /api/token?user=` (a short-lived WebSocket token). Bad input gets a
 * 400 naming the field, the value and what is allowed; unknown paths 404, wrong methods 405.
 *
 * @example
 * ```ts
 * const server = createServer(createRequestHandler(api));
 * ```
 */
export function createRequestHandler(
  api: DemoRoutesApi,
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const methods = ROUTES[url.pathname];
    if (methods === undefined) return sendJson(res, 404, { error: `no route ${url.pathname}` });
    if (!methods.includes(req.method ?? 'GET')) {
      res.setHeader('allow', methods.join(', '));
      return sendJson(res, 405, { error: `${req.method} ${url.pathname}: use ${methods.join(' or ')}` });
    }
    route(api, url, req, res).catch((error: unknown) => {
      if (!res.headersSent)
        sendJson(res, 500, { error: error instanceof Error ? error.message : String(error) });
      else res.destroy();
    });
  };
}

async function route(api: DemoRoutesApi, url: URL, req: IncomingMessage, res: ServerResponse): Promise<void> {
  switch (url.pathname) {
    case '/':
      if (api.page === undefined)
        return send(
          res,
          200,
          'text/plain; charset=utf-8',
          'The page is served in serve mode: npm run demo -- --serve\n',
        );
      return send(res, 200, 'text/html; charset=utf-8', api.page.html);
    case '/app.js':
      if (api.page === undefined)
        return sendJson(res, 404, { error: 'the page is served in serve mode only' });
      return send(res, 200, 'text/javascript; charset=utf-8', api.page.js);
    case '/styles.css':
      if (api.page === undefined)
        return sendJson(res, 404, { error: 'the page is served in serve mode only' });
      return send(res, 200, 'text/css; charset=utf-8', api.page.css);
    case '/health': {
      const body = api.health();
      return send(res, healthHttpStatus(body.status), HEALTH_JSON_CONTENT_TYPE, JSON.stringify(body));
    }
    case '/metrics':
      return send(res, 200, api.metricsContentType, await api.metrics());
    case '/api/state':
      return sendJson(res, 200, api.state());
    case '/api/token':
      try {
        return sendJson(res, 200, {
          ...api.issueToken(url.searchParams.get('user') ?? undefined),
          note: TOKEN_NOTE,
        });
      } catch (error) {
        return badRequest(res, error);
      }
    case '/api/fault': {
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
        return sendJson(res, 415, { error: 'send the fault as JSON (content-type: application/json)' });
      }
      try {
        return sendJson(res, 200, { fault: api.setFault(await readJson(req)) });
      } catch (error) {
        return badRequest(res, error);
      }
    }
  }
}
