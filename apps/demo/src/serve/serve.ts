import type { Logger } from 'pino';
import { startAgents } from '../agents/agent-pool.js';
import { loadDemoConfig, type DemoConfigOptions } from '../service/demo-config.js';
import { DemoService } from '../service/demo-service.js';
import type { TerminalOutput } from '../terminal/live-view.js';
import { ScenarioView } from '../terminal/scenario-view.js';
import { displayPath, stylist } from '../terminal/style.js';
import { describeFault } from '../upstream/fault-modes.js';
import { buildWebPage } from './web-bundle.js';

/** Options of {@link serve}. */
export interface ServeOptions {
  /** Port on 127.0.0.1 (0: any free port). */
  readonly port: number;
  /** @defaultValue 1 */
  readonly seed?: number;
  readonly logger?: Logger;
  /** @defaultValue process.stdout */
  readonly output?: TerminalOutput;
  /** @defaultValue false */
  readonly color?: boolean;
  readonly config?: DemoConfigOptions;
  /** Chat sessions per user in the background. @defaultValue 2 */
  readonly workersPerUser?: number;
  /** Pause between two runs of a session (ms). @defaultValue [600, 2000] */
  readonly pauseMs?: readonly [number, number];
}

/** A running serve mode. */
export interface ServeHandle {
  /** `http://127.0.0.1:<port>`. */
  readonly url: string;
  readonly service: DemoService;
  /** Stops the agents (2 s grace), then the service and the upstream. */
  close(): Promise<void>;
}

/**
 * Serve mode (`npm run demo -- --serve`): the demo service with its web page on
 * 127.0.0.1, background agents that keep generating runs for alice and bob, and a terminal
 * that prints the URL, then every fault switch, breaker and health transition.
 *
 * @example
 * ```ts
 * const handle = await serve({ port: 4800 });
 * console.log(handle.url);
 * await handle.close();
 * ```
 */
export async function serve(options: ServeOptions): Promise<ServeHandle> {
  const style = stylist(options.color ?? false);
  const config = await loadDemoConfig(options.config);
  const page = await buildWebPage();
  const service = await DemoService.start({
    config,
    page,
    port: options.port,
    ...(options.seed === undefined ? {} : { seed: options.seed }),
    ...(options.logger === undefined ? {} : { logger: options.logger }),
  });
  const view = new ScenarioView(options.output ?? process.stdout, style, service.startedAt);
  const now = (): number => service.manager.clock.now();
  const onWarning = (w: Error & { code?: string }): void => {
    if (w.name === 'DeprecationWarning') view.warning(w.code ?? 'DEP', w.message, now());
  };
  process.on('warning', onWarning);
  service.transitions.onTransition((t) => view.transition(t, now()));
  const faults = service.upstream.onFaultChange((fault) =>
    view.line(`  ${style('bold', '⇄ upstream')} ${describeFault(fault)}`),
  );
  const agents = startAgents(service, {
    workersPerUser: options.workersPerUser ?? 2,
    pauseMs: options.pauseMs ?? [600, 2_000],
    ...(options.seed === undefined ? {} : { seed: options.seed }),
  });

  view.line(style('bold', `@rel demo is serving at ${service.url}`));
  view.line(
    style('dim', `  page ${service.url}/  health ${service.url}/health  metrics ${service.url}/metrics`),
  );
  view.line(style('dim', `  profiles from ${displayPath(config.file)}`));
  for (const e of config.fromEnv)
    view.line(`  env ${e.service}.${e.path} = ${JSON.stringify(e.value)} (from ${e.variable})`);
  view.line(style('dim', '  background agents are running for alice and bob; press Ctrl+C to stop'));

  let closing: Promise<void> | undefined;
  return {
    url: service.url,
    service,
    close: () =>
      (closing ??= (async () => {
        faults.dispose();
        process.off('warning', onWarning);
        await agents.stop(2_000);
        await service.close();
      })()),
  };
}
