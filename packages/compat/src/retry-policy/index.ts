// @rel/compat/retry-policy: the legacy services/service_mesh/retry_policy module.
export { RetryPolicyService } from './retry-policy-service.js';
export type { RetryPolicyServiceOptions } from './retry-policy-service.js';
export type { RetryServiceStats, RetryStats } from './retry-policy-stats.js';
export { DEFAULT_RETRY_POLICY, RetryStrategy } from './retry-policy.js';
export type { RetryPolicy, RetryPolicyInput } from './retry-policy.js';
export type { PolicyTestResult } from './policy-test.js';
