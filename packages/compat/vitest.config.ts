import { relProject } from '../../vitest.shared.ts';

// Canonical log lines (retries, breaker transitions) are not what these tests look at.
export default relProject('compat', { env: { LOG_LEVEL: 'silent' } });
