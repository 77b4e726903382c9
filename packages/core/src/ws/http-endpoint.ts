import { createServer, type Server as HttpServer } from 'node:http';

/**
 * The HTTP server the event server creates for itself when given a `port`: it answers
 * plain HTTP requests with 426 Upgrade Required and exists only for its `upgrade` event.
 */
export function createUpgradeOnlyServer(): HttpServer {
  return createServer((_request, response) => {
    response.writeHead(426, { 'Content-Type': 'text/plain; charset=utf-8', Upgrade: 'websocket' });
    response.end('Upgrade Required: connect with a WebSocket client\n');
  });
}

/** Listens on `port` and `host`; rejects with the listen error (e.g. `EADDRINUSE`). */
export function listen(http: HttpServer, port: number, host: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(port, host, () => {
      http.off('error', reject);
      resolve();
    });
  });
}

/**
 * Stops an HTTP server the event server owns: no new connections, and every remaining
 * socket (keep-alive or half-upgraded) closed, so the returned promise settles.
 */
export function stopServer(http: HttpServer): Promise<void> {
  if (!http.listening) return Promise.resolve();
  return new Promise<void>((resolve) => {
    http.close(() => resolve());
    http.closeAllConnections();
  });
}

/** Whether the request URL's path is `path` (any path when `path` is undefined). */
export function pathMatches(url: string | undefined, path: string | undefined): boolean {
  if (path === undefined) return true;
  return (url ?? '/').split('?', 1)[0] === path;
}
