import {
  AGENT_RELIABILITY_PROFILE,
  InvalidStateError,
  RegistryConflictError,
  RelConfigError,
} from '@rel/config';
import { afterEach, describe, expect, it } from 'vitest';
import { quick, reset, testManager } from '../../test/kit.js';
import { getDefaultManager, setDefaultManager } from '../manager/default-manager.js';
import { AgentReliabilityWrapper } from './agent-wrapper.js';

describe('AgentReliabilityWrapper', () => {
  afterEach(() => void setDefaultManager(undefined));

  it("calls through the agent's own instance, created with the agent profile", async () => {
    const { manager } = testManager();
    const agent = new AgentReliabilityWrapper('triage', { manager });
    expect(agent.instance).toBe(manager.get('triage'));
    expect(agent.instance.config).toBe(AGENT_RELIABILITY_PROFILE);
    await expect(agent.executeSafely(() => 'done', 'classify')).resolves.toBe('done');
  });

  it('uses an existing instance as it is, and refuses a conflicting profile', () => {
    const { manager } = testManager();
    const existing = manager.get('triage', quick());
    expect(new AgentReliabilityWrapper('triage', { manager }).instance).toBe(existing);
    expect(
      () => new AgentReliabilityWrapper('triage', { manager, profile: { retry: { maxAttempts: 9 } } }),
    ).toThrow(RegistryConflictError);
    expect(() => new AgentReliabilityWrapper('', { manager })).toThrow(RelConfigError);
  });

  it('executeSafely reports into a run started here, or into a named run of a user', async () => {
    const { manager, sink, clock } = testManager();
    manager.get('triage', quick({ retry: { maxAttempts: 2 } }));
    const agent = new AgentReliabilityWrapper('triage', { manager });
    const run = agent.startRun({ runId: 'own', userId: 'alice' });
    const flaky = () => {
      let n = 0;
      return () => (n++ === 0 ? Promise.reject(reset()) : Promise.resolve('ok'));
    };
    const own = agent.executeSafely(flaky(), 'step', { runId: 'own' });
    const other = agent.executeSafely(flaky(), 'step', { runId: 'elsewhere', userId: 'bob', threadId: 't9' });
    await clock.advance(100);
    await expect(Promise.all([own, other])).resolves.toEqual(['ok', 'ok']);
    expect(sink.forRun('own').filter((e) => e.type === 'agent_retrying')).toHaveLength(1);
    expect(sink.forRun('elsewhere').map((e) => [e.type, e.user_id, e.thread_id])).toContainEqual([
      'agent_retrying',
      'bob',
      't9',
    ]);
    expect(agent.getRun('own')).toBe(run);
  });

  it('executeSafely refuses a run it cannot route or that has ended', async () => {
    const { manager } = testManager();
    const agent = new AgentReliabilityWrapper('triage', { manager });
    await expect(agent.executeSafely(() => 1, 'x', { runId: 'unknown' })).rejects.toThrow(/userId/);
    const run = agent.startRun({ runId: 'r', userId: 'alice' });
    await expect(agent.executeSafely(() => 1, 'x', { runId: 'r', userId: 'mallory' })).rejects.toThrow(
      /run's user/,
    );
    run.complete();
    await expect(agent.executeSafely(() => 1, 'x', { runId: 'r', userId: 'alice' })).rejects.toThrow(
      InvalidStateError,
    );
    await expect(agent.executeSafely(() => 1, 'x')).resolves.toBe(1);
  });

  it('run ids are unique per event stream, across wrappers; a bad start takes no id', () => {
    const { manager } = testManager();
    const a = new AgentReliabilityWrapper('a', { manager });
    const b = new AgentReliabilityWrapper('b', { manager });
    a.startRun({ runId: 'r1', userId: 'u' }).complete();
    expect(() => a.startRun({ runId: 'r1', userId: 'u' })).toThrow(/already used: that run has ended/);
    b.startRun({ runId: 'r2', userId: 'u' });
    expect(() => a.startRun({ runId: 'r2', userId: 'u' })).toThrow(/is running/);
    expect(() => a.startRun({ userId: '' })).toThrow(RelConfigError);
    expect(() => a.startRun({ runId: 'r3', userId: 'u', context: 'x' as never, threadId: '' })).toThrow(
      /threadId/,
    );
    expect(a.startRun({ runId: 'r3', userId: 'u' }).runId).toBe('r3');
    const generated = a.startRun({ userId: 'u' }).runId;
    expect(generated).toMatch(/^[0-9a-f-]{36}$/);
    expect(a.activeRuns().map((r) => r.runId)).toEqual(['r3', generated]);
  });

  it('defaults to the process-wide manager', () => {
    const { manager } = testManager();
    setDefaultManager(manager);
    expect(new AgentReliabilityWrapper('x').manager).toBe(manager);
    expect(getDefaultManager()).toBe(manager);
  });
});
