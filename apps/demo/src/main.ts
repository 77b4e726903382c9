// `npm run demo` (the scripted scenario) and `npm run demo -- --serve` (the web page).
import { isRelError } from '@rel/config';
import { DEFAULT_PORT, parseArgs, USAGE, type DemoArgs } from './cli/args.js';
import { demoLogger } from './cli/logger.js';
import { runScenario } from './scenario/run-scenario.js';
import { serve } from './serve/serve.js';
import { wantsColor } from './terminal/style.js';

// Seconds a finished demo may take to exit before the watchdog names what keeps it alive.
const EXIT_WATCHDOG_MS = 3_000;

async function scenario(args: DemoArgs, color: boolean): Promise<number> {
  const { logger, destination } = demoLogger({
    mode: 'scenario',
    verbose: args.verbose,
    color,
    level: process.env['LOG_LEVEL'],
  });
  const result = await runScenario({ seed: args.seed, color, logger, output: process.stdout });
  if (destination !== 'stderr')
    process.stdout.write(`@rel's structured logs (pino, JSON) of this run: ${destination}\n`);
  return result.ok ? 0 : 1;
}

async function serveMode(args: DemoArgs, color: boolean): Promise<number> {
  const { logger } = demoLogger({
    mode: 'serve',
    verbose: args.verbose,
    color,
    level: process.env['LOG_LEVEL'],
  });
  let handle;
  try {
    handle = await serve({ port: args.port, seed: args.seed, color, logger, output: process.stdout });
  } catch (error) {
    if ((error as { code?: unknown }).code === 'EADDRINUSE') {
      process.stderr.write(
        `port ${args.port} is in use on 127.0.0.1: pass --port <n> (or PORT=<n>; default ${DEFAULT_PORT})\n`,
      );
      return 1;
    }
    throw error;
  }
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  process.stdout.write('\nstopping: agents, WebSocket connections, servers...\n');
  await handle.close();
  return 0;
}

async function main(): Promise<number> {
  let args: DemoArgs;
  try {
    args = parseArgs(process.argv.slice(2), process.env);
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}\n`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  // The legacy agent's DeprecationWarnings (once per legacy name) are shown by the demo's
  // own view, in its format, instead of Node's default printer.
  process.removeAllListeners('warning');
  const color = args.color && wantsColor(process.stdout);
  return args.serve ? serveMode(args, color) : scenario(args, color);
}

void main()
  .catch((error: unknown) => {
    const message = isRelError(error) || error instanceof Error ? error.message : String(error);
    process.stderr.write(`the demo failed: ${message}\n`);
    return 1;
  })
  .then((code) => {
    process.exitCode = code;
    // Everything is closed by now; if something still holds the event loop, say what and exit.
    setTimeout(() => {
      process.stderr.write(
        `the demo did not exit on its own; still open: ${process.getActiveResourcesInfo().join(', ')}\n`,
      );
      process.exit(code === 0 ? 1 : code);
    }, EXIT_WATCHDOG_MS).unref();
  });
