import { UpstreamError, UpstreamRateLimitedError } from "./errors";

export type RetryPolicy = {
  /** Total attempts, the first included. */
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
};

export const READ_RETRY: RetryPolicy = { attempts: 4, baseDelayMs: 250, maxDelayMs: 4_000 };

/** The policy a read uses: its own, or a single attempt when the caller asked for one. */
export function readPolicy(policy: RetryPolicy | undefined, once = false): RetryPolicy {
  const base = policy ?? READ_RETRY;
  return once ? { ...base, attempts: 1 } : base;
}

/** Capped exponential backoff with "equal jitter": half fixed, half random. */
export function backoffDelay(attempt: number, policy: RetryPolicy, random = Math.random): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs a read until it succeeds, fails for good, or runs out of attempts. Only transient
 * upstream errors are retried (timeouts, resets, 5xx, 429, unreadable bodies); a 429's
 * Retry-After is honoured, and one longer than the cap ends the retries.
 */
export async function withRetry<T>(
  operation: (attempt: number) => Promise<T>,
  policy: RetryPolicy = READ_RETRY,
  wait: (ms: number) => Promise<void> = sleep,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await operation(attempt);
    } catch (error) {
      if (!(error instanceof UpstreamError) || !error.transient || attempt >= policy.attempts)
        throw error;
      let delay = backoffDelay(attempt, policy);
      if (error instanceof UpstreamRateLimitedError && error.retryAfterMs !== null) {
        if (error.retryAfterMs > policy.maxDelayMs) throw error;
        delay = Math.max(delay, error.retryAfterMs);
      }
      await wait(delay);
    }
  }
}
