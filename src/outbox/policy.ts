/**
 * What to do after an attempt: pure rules, no I/O.
 */

export type Outcome =
  { kind: 'delivered' } | { kind: 'retry'; retryAfterMs?: number } | { kind: 'auth' } | { kind: 'dead' };

/** Statuses worth retrying: the server may well accept the same request later. */
const RETRYABLE = new Set([408, 409, 425, 429]);

/**
 * Classifies an HTTP status. `0` is an opaque redirect (sent with `redirect: 'manual'`): a captive
 * portal or a misconfigured endpoint, never a delivery, so it is retried.
 */
export function classifyStatus(status: number, retryAfter: string | null, now: number): Outcome {
  if (status >= 200 && status < 300) return { kind: 'delivered' };
  if (status === 401 || status === 403) return { kind: 'auth' };
  if (status === 0 || (status >= 300 && status < 400) || RETRYABLE.has(status) || status >= 500) {
    const retryAfterMs = parseRetryAfter(retryAfter, now);
    return retryAfterMs === undefined ? { kind: 'retry' } : { kind: 'retry', retryAfterMs };
  }
  return { kind: 'dead' };
}

/** A `Retry-After` of 0 (or a date in the past) is read as this: never a retry loop as fast as the network. */
export const MIN_RETRY_AFTER_MS = 1000;

/** `Retry-After` as delay-seconds or an HTTP date, at least a second; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Math.max(MIN_RETRY_AFTER_MS, Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(MIN_RETRY_AFTER_MS, date - now);
}

export interface BackoffOptions {
  /** First retry's upper bound. Default 1 s. */
  baseMs: number;
  /** Upper bound of any backoff delay. Default 5 min. */
  capMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 1000, capMs: 5 * 60_000 };

/**
 * "Full jitter" exponential backoff: a uniformly random delay up to min(cap, base·2^(attempt−1)),
 * which spreads many clients' retries best (AWS Architecture Blog, "Exponential Backoff and Jitter").
 */
export function backoffDelay(attempt: number, options: BackoffOptions, random: () => number): number {
  const ceiling = Math.min(options.capMs, options.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.floor(random() * ceiling);
}
