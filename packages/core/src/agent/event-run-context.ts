import type { Logger } from 'pino';
import type { AgentEventInput, EventDispatcher } from '../events/dispatcher.js';
import type { ReliabilityEvent, RunContext } from '../events/run-context.js';

/**
 * A run context for a call that names a run it did not start here (`executeSafely` with
 * a `runId` and `userId` but no `startRun`): reliability events go straight to the
 * dispatcher under that run's envelope. There is no run lifecycle to guard, so nothing
 * orders them against the run's own start and end. @internal
 */
export class EventRunContext implements RunContext {
  readonly runId: string;
  readonly userId: string;
  readonly threadId: string | undefined;
  readonly agentName: string;
  private readonly events: EventDispatcher;
  private readonly logger: Logger;

  constructor(
    ids: { runId: string; userId: string; threadId: string | undefined; agentName: string },
    events: EventDispatcher,
    logger: Logger,
  ) {
    this.runId = ids.runId;
    this.userId = ids.userId;
    this.threadId = ids.threadId;
    this.agentName = ids.agentName;
    this.events = events;
    this.logger = logger;
  }

  report(event: ReliabilityEvent): boolean {
    try {
      this.events.emit({
        type: event.type,
        run_id: this.runId,
        user_id: this.userId,
        agent_name: this.agentName,
        ...(this.threadId === undefined ? {} : { thread_id: this.threadId }),
        payload: event.payload,
      } as AgentEventInput);
      return true;
    } catch (error) {
      this.logger.error(
        { err: error, runId: this.runId, type: event.type },
        'a reliability event was refused',
      );
      return false;
    }
  }
}
