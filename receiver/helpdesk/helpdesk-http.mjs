// What the adapters share: one call to a helpdesk's API and what it answered, in the terms the forwarder
// acts on (retry later on rate limits and outages, or give up with the vendor's own reason), the note's
// marker line, page links kept on the vendor's origin, and the options every adapter checks.

export class HelpdeskError extends Error {
  /**
   * @param {string} message the vendor's reason, as it said it
   * @param {{ status?: number, retryAfterMs?: number, retryable: boolean }} details
   */
  constructor(message, { status, retryAfterMs, retryable }) {
    super(message);
    this.name = 'HelpdeskError';
    this.status = status;
    this.retryAfterMs = retryAfterMs;
    this.retryable = retryable;
  }
}

/** `Retry-After` as milliseconds (seconds or an HTTP date), or undefined. */
export function retryAfterMs(response, now = Date.now()) {
  const value = response.headers.get('Retry-After');
  if (value === null) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/**
 * Sends one request to a helpdesk API and returns its JSON, or throws a HelpdeskError: 429 and 5xx
 * are retryable, every other failure is not.
 */
export async function callHelpdesk(vendor, fetchImpl, url, init) {
  let response;
  try {
    response = await fetchImpl(url, { ...init, redirect: 'error', signal: AbortSignal.timeout(15_000) });
  } catch (cause) {
    throw new HelpdeskError(`${vendor} could not be reached: ${cause?.message ?? cause}`, { retryable: true });
  }
  const text = await response.text();
  let body;
  try {
    body = text === '' ? undefined : JSON.parse(text);
  } catch {
    body = undefined;
  }
  if (response.ok && (body !== undefined || response.status === 204)) return body;
  const retryable = response.status === 429 || response.status >= 500;
  const reason = response.ok ? 'an answer that is not JSON' : describeBody(body) || `HTTP ${response.status}`;
  throw new HelpdeskError(`${vendor} answered ${response.status}: ${reason}`, {
    status: response.status,
    retryAfterMs: retryAfterMs(response),
    retryable,
  });
}

function describeBody(body) {
  if (Array.isArray(body)) return body.map(describeBody).filter(Boolean).join('; ');
  if (!body || typeof body !== 'object') return '';
  const parts = [body.errorCode, body.message, body.error, body.description].filter((p) => typeof p === 'string');
  const nested = Array.isArray(body.errors) ? body.errors.map(describeBody).filter(Boolean) : [];
  if (body.details && typeof body.details === 'object') nested.push(JSON.stringify(body.details));
  return [...parts, ...nested].join(': ');
}

export const basicAuth = (user, secret) => `Basic ${Buffer.from(`${user}:${secret}`).toString('base64')}`;

/** The note's own line naming its handoff, which the adapters look for before adding a note. */
export const markerOf = (handoffId) => `Handoff id: ${handoffId}`;

const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' };

/**
 * Whether a stored note (plain text, or HTML as the vendor keeps it) has `marker` as a line of its
 * own: a note that merely quotes another handoff's id in its text does not count.
 */
export function carriesMarker(stored, marker) {
  const text = String(stored ?? '')
    .replace(/<(?:br|\/p|p|\/li|li|\/h\d|h\d|\/ul|ul)\b[^>]*>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, name) => ENTITIES[name]);
  return text.split(/\r?\n/).some((line) => line.trim() === marker);
}

/**
 * `next` (a page link the vendor sent, absolute or relative) as an absolute URL on `base`'s origin, or
 * undefined: credentials never follow a link to another host.
 */
export function sameOrigin(next, base) {
  if (typeof next !== 'string' || next === '') return undefined;
  try {
    const url = new URL(next, base);
    return url.origin === new URL(base).origin ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** A ticket id as Zendesk and Freshdesk number them, or undefined. */
export const numericTicketId = (handoff) => (/^\d{1,19}$/.test(handoff.case.id) ? handoff.case.id : undefined);

export function requireOptions(vendor, options, names) {
  for (const name of names) {
    if (typeof options?.[name] !== 'string' || options[name] === '') {
      throw new TypeError(`The ${vendor} adapter needs \`${name}\` (a non-empty string).`);
    }
  }
  let url;
  try {
    url = new URL(options.baseUrl);
  } catch {
    url = undefined;
  }
  const loopback = url && /^(127\.\d+\.\d+\.\d+|localhost|\[::1\])$/.test(url.hostname);
  if (!url || !(url.protocol === 'https:' || (url.protocol === 'http:' && loopback))) {
    throw new TypeError(
      `The ${vendor} adapter's baseUrl must be an https URL such as "https://acme.${vendor.toLowerCase()}.com" (http only on loopback, for tests).`,
    );
  }
}
