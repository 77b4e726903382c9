import { relProject } from '../../vitest.shared.ts';

// Isolated per file, unlike the packages: the scenario test checks what a fresh demo
// process shows, including the legacy agent's DeprecationWarnings, which Node and
// @rel/compat emit once per process; another file's legacy calls in the same worker
// would have used them up.
export default relProject('demo', { isolate: true });
