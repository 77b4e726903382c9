import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { WebPage } from '../service/http-routes.js';

const WEB_DIR = new URL('../web/', import.meta.url);

/**
 * The page: `index.html` and `styles.css` as they are, and the script bundled at startup
 * with esbuild from `web/page/main.ts`, `@rel/core/client` included (resolved to its source
 * through the `@rel/source` condition, like everything else in the demo). No framework, no
 * build step before running: bundling takes a fraction of a second.
 *
 * @throws the esbuild error (with file and line) when the page does not compile.
 */
export async function buildWebPage(): Promise<WebPage> {
  const [html, css, bundle] = await Promise.all([
    readFile(new URL('index.html', WEB_DIR), 'utf8'),
    readFile(new URL('styles.css', WEB_DIR), 'utf8'),
    build({
      entryPoints: [fileURLToPath(new URL('page/main.ts', WEB_DIR))],
      bundle: true,
      write: false,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      conditions: ['@rel/source'],
      minify: true,
      legalComments: 'none',
      logLevel: 'silent',
    }),
  ]);
  const js = bundle.outputFiles[0]?.text;
  if (js === undefined) throw new Error('esbuild produced no output for the page');
  return { html, css, js };
}
