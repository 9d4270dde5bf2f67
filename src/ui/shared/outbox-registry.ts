/**
 * One Outbox per database and endpoint on a page, shared by every panel and status element, so a
 * page with several panels still has one deliverer and one set of timers.
 */
import { Outbox, type OutboxOptions } from '../../outbox/outbox.js';
import { absoluteEndpoint } from '../../outbox/routes.js';
import { elementDefaults } from './defaults.js';

const outboxes = new Map<string, Outbox>();

export function sharedOutbox(options: OutboxOptions): Outbox {
  const key = `${options.name ?? ''}\u0000${absoluteEndpoint(options.endpoint)}`;
  let outbox = outboxes.get(key);
  if (!outbox) {
    outbox = new Outbox(options);
    outboxes.set(key, outbox);
  }
  return outbox;
}

/**
 * The outbox an element uses: its own `config.outbox.endpoint`, else its `endpoint` attribute, else the
 * page-wide defaults; its options over the defaults'. Undefined while no endpoint is known.
 */
export function elementOutbox(endpoint: string | undefined, options: Partial<OutboxOptions> | undefined): Outbox | undefined {
  const defaults = elementDefaults();
  const url = options?.endpoint ?? endpoint ?? defaults.outbox?.endpoint ?? defaults.endpoint;
  return url ? sharedOutbox({ ...defaults.outbox, ...options, endpoint: url }) : undefined;
}
