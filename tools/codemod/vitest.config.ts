import { relProject } from '../../vitest.shared.ts';

// Canonical log lines (retries of the fixtures' calls) are not what these tests look at.
export default relProject('codemod', { env: { LOG_LEVEL: 'silent' } });
