/**
 * One Outbox per database and endpoint on a page, shared by every panel and status element, so a
 * page with several panels still has one deliverer and one set of timers.
 */
import { RECONFIGURABLE } from '../../outbox/options.js';
import { Outbox, type OutboxOptions } from '../../outbox/outbox.js';
import { pageGlobal } from '../../outbox/page-global.js';
import { absoluteEndpoint } from '../../outbox/routes.js';
import { elementDefaults } from './defaults.js';

/** Shared with every copy of this SDK version on the page (the sender's and the receipt's script tags). */
const outboxes = pageGlobal('outboxes', () => new Map<string, Outbox>());

/**
 * The page's outbox for an endpoint. It is created as soon as an endpoint is known (to deliver what
 * waited); options that arrive later — a queued `configure()`, an element's `config` — are applied to
 * it, so the endpoint's items always go out with the transport configured last.
 */
export function sharedOutbox(options: OutboxOptions): Outbox {
  const key = `${options.name ?? ''}\u0000${absoluteEndpoint(options.endpoint)}`;
  const outbox = outboxes.get(key);
  if (!outbox) {
    const created = new Outbox(options);
    outboxes.set(key, created);
    return created;
  }
  outbox.reconfigure(Object.fromEntries(RECONFIGURABLE.map((name) => [name, options[name]])));
  return outbox;
}

/**
 * The outbox an element uses: its own `config.outbox.endpoint`, else its `endpoint` attribute, else the
 * page-wide defaults; its options over the defaults'. Undefined while no endpoint is known.
 */
export function elementOutbox(
  endpoint: string | undefined,
  options: Partial<OutboxOptions> | undefined,
): Outbox | undefined {
  const defaults = elementDefaults();
  const url = options?.endpoint ?? endpoint ?? defaults.outbox?.endpoint ?? defaults.endpoint;
  return url ? sharedOutbox({ ...defaults.outbox, ...options, endpoint: url }) : undefined;
}
