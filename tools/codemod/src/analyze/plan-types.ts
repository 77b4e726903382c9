// The plan's data types, apart from the planner so that its helpers can share them.
import type { ProfileSpec } from '../emit/profile.js';

/** One reference to a legacy name, and what the codemod does with it. */
export interface Site {
  readonly line: number;
  readonly column: number;
  /** The legacy name (as exported by @rel/compat). */
  readonly name: string;
  readonly status: 'converted' | 'left';
  /** What it became (converted) or why it stays (left; also the TODO text). */
  readonly detail: string;
}

/** A profile constant of a file, run under a service name made unique across the run. */
export interface PlannedProfile {
  /** Token of its service name in the edits: unique across the run. */
  readonly key: string;
  readonly constName: string;
  readonly spec: ProfileSpec;
}
