/**
 * One delivery attempt over HTTP: the POST, its timeout (which covers the host's `headers()` hook), and
 * the rule for which answer counts as delivered. Never throws: every failure becomes an outcome.
 */
import type { Clock } from './clock.js';
import { classifyStatus, type Outcome } from './policy.js';
import { originOf } from './routes.js';
import type { AttemptError, OutboxRecord } from './types.js';

/**
 * Which 2xx answer counts as delivered.
 * - `'json'`: a 204 or 205, an empty body, or a JSON body (`application/json`, `…+json`). An HTML page
 *   (an SSO proxy's or a captive portal's sign-in page answered with 200) never counts.
 * - `'echo-id'`: a JSON body whose `id` is the payload's id, as the reference receiver answers.
 * - a function: your own rule, given the response (its body unread) and the payload's id.
 */
export type DeliveryReceipt = 'json' | 'echo-id' | ((response: Response, id: string) => boolean | Promise<boolean>);

/** How the SDK asks an endpoint for something: the one place these three options are declared. */
export interface HttpOptions {
  /** Extra request headers (e.g. a fresh bearer token), asked for before every request; sent only to the endpoint's origin. */
  headers?: () => HeadersInit | Promise<HeadersInit>;
  /**
   * fetch's `credentials`, e.g. `'include'` for cookie auth on another origin; used only for the endpoint's origin.
   * @default 'same-origin'
   */
  credentials?: RequestCredentials;
  /**
   * The fetch to use (tests, hosts that wrap fetch).
   * @default whatever `fetch` the page has at the time of the request
   */
  fetch?: typeof fetch;
}

/** How a tab talks to one endpoint: only ever used for records of that endpoint. */
export interface Transport extends HttpOptions {
  /** The whole attempt's time limit, the `headers()` hook and the receipt check included. */
  timeoutMs: number;
  receipt: DeliveryReceipt;
  /**
   * The endpoint's origin: `headers()` and `credentials` go only there. A record bound elsewhere (an
   * `ackEndpoint` on another origin) is sent without them.
   */
  origin: string | undefined;
}

export interface AttemptResult {
  outcome: Outcome;
  error?: AttemptError;
}

const RESPONSE_TEXT_LIMIT = 2000;

class AttemptTimeout extends Error {}

/** POSTs one record's payload with its Idempotency-Key. */
export async function postRecord(record: OutboxRecord, transport: Transport, clock: Clock): Promise<AttemptResult> {
  const at = () => clock.now();
  const controller = new AbortController();
  let timedOut = false;
  let timer: unknown;
  const deadline = new Promise<never>((_, reject) => {
    timer = clock.setTimeout(() => {
      timedOut = true;
      controller.abort();
      reject(new AttemptTimeout());
    }, transport.timeoutMs);
  });
  deadline.catch(() => undefined);
  const own = originOf(record.endpoint) === transport.origin;
  const race = <T>(work: Promise<T>): Promise<T> => Promise.race([work, deadline]);
  try {
    let headers: Headers;
    try {
      headers = new Headers(own ? await race(Promise.resolve().then(() => transport.headers?.())) : undefined);
    } catch (cause) {
      const message = timedOut
        ? `The headers() hook did not answer within ${transport.timeoutMs} ms (a token refresh waiting on a sign-in?).`
        : `The headers() hook failed: ${describe(cause)}`;
      return { outcome: { kind: 'retry' }, error: { kind: timedOut ? 'timeout' : 'headers', message, at: at() } };
    }
    headers.set('Content-Type', 'application/json');
    headers.set('Idempotency-Key', record.id);
    const doFetch = transport.fetch ?? globalThis.fetch;
    const response = await race(
      doFetch(record.endpoint, {
        method: 'POST',
        headers,
        body: JSON.stringify(record.payload),
        credentials: own ? transport.credentials : 'omit',
        redirect: 'manual',
        signal: controller.signal,
        keepalive: false,
      }),
    );
    return await race(judge(response, record, transport, at));
  } catch (cause) {
    const kind = timedOut ? 'timeout' : 'network';
    const message = timedOut ? `No response within ${transport.timeoutMs} ms.` : `Network error: ${describe(cause)}`;
    return { outcome: { kind: 'retry' }, error: { kind, message, at: at() } };
  } finally {
    clock.clearTimeout(timer);
  }
}

async function judge(
  response: Response,
  record: OutboxRecord,
  transport: Transport,
  at: () => number,
): Promise<AttemptResult> {
  const status = response.type === 'opaqueredirect' ? 0 : response.status;
  const outcome = classifyStatus(status, response.headers.get('Retry-After'), at());
  if (outcome.kind === 'delivered') {
    const problem = await receiptProblem(response, record.id, transport.receipt);
    // Whatever is left of the body is not needed (reading it to the end costs drain throughput).
    if (!response.bodyUsed) void response.body?.cancel().catch(() => undefined);
    return problem
      ? { outcome: { kind: 'retry' }, error: { kind: 'not-a-receipt', status, message: problem, at: at() } }
      : { outcome };
  }
  const text = status === 0 ? '' : (await response.text().catch(() => '')).slice(0, RESPONSE_TEXT_LIMIT);
  const kind = status === 0 || (status >= 300 && status < 400) ? 'redirect' : outcome.kind === 'auth' ? 'auth' : 'http';
  const message =
    kind === 'redirect'
      ? 'The endpoint answered with a redirect (a captive portal or login page?), which is not a delivery.'
      : text || `HTTP ${status}`;
  return { outcome, error: { kind, status: status || undefined, message, at: at() } };
}

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\b/i;

/** Why a 2xx is not a delivery under `rule`, or undefined when it is one. */
async function receiptProblem(response: Response, id: string, rule: DeliveryReceipt): Promise<string | undefined> {
  const type = response.headers.get('Content-Type') ?? '';
  const named = type.split(';')[0]!.trim();
  const notJson = `The endpoint answered ${response.status} with ${named === '' ? 'a body of no type' : named}, not JSON (a sign-in page or portal?), so it is not counted as delivered.`;
  if (typeof rule === 'function') {
    const ok = await Promise.resolve(rule(response, id)).catch(() => false);
    return ok
      ? undefined
      : `The endpoint's ${response.status} did not pass your deliveryReceipt check, so it is not counted as delivered.`;
  }
  if (rule === 'echo-id') {
    if (!JSON_TYPE.test(type)) return notJson;
    const body = (await response.json().catch(() => undefined)) as { id?: unknown } | undefined;
    return body?.id === id
      ? undefined
      : `The endpoint answered ${response.status} without echoing the handoff's id, so it is not counted as delivered.`;
  }
  if (response.status === 204 || response.status === 205 || response.headers.get('Content-Length') === '0')
    return undefined;
  return JSON_TYPE.test(type) ? undefined : notJson;
}

/** An error's name and message, never a payload (we never log, but errors reach the UI). */
export function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
