// Type-checked by `npm run release:check` inside a fresh consumer project, against the
// packed packages' published types. Grows as the packages do.
import {
  LLM_RELIABILITY_PROFILE,
  defineProfile,
  isRelError,
  type ReliabilityConfig,
  type RetryConfig,
} from '@rel/config';

const retry: RetryConfig = LLM_RELIABILITY_PROFILE.retry;
const custom: ReliabilityConfig = defineProfile({
  profile: 'api',
  retry: { maxAttempts: retry.maxAttempts },
});

export function describeError(error: unknown): string {
  return isRelError(error) ? `${error.code}: ${error.message}` : String(error);
}

export const attempts: number = custom.retry.maxAttempts;
