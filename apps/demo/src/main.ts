// Placeholder until the demo issue lands: proves the workspace resolves @rel packages from source.
import { LLM_RELIABILITY_PROFILE } from '@rel/config';

console.log(
  `@rel demo placeholder: the LLM profile retries ${LLM_RELIABILITY_PROFILE.retry.maxAttempts} times.`,
);
