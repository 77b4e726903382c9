// A legacy call site in a process of its own, for the Node flag tests
// (src/deprecation/node-flags.test.ts). `import-only` loads every module and uses nothing.
import * as compat from '../../src/index.js';

const mode = process.argv[2];
if (mode === 'use') {
  const first = new compat.RetryManager({ maxAttempts: 2, backoffStrategy: compat.BackoffStrategy.FIXED });
  const second = new compat.RetryManager({ max_retries: 1 });
  void compat.BackoffStrategy.LINEAR;
  process.stdout.write(`used ${first.maxAttempts} ${second.maxAttempts}\n`);
} else {
  process.stdout.write(`imported ${Object.keys(compat).length}\n`);
}
