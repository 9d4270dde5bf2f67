/**
 * The page's outbox for an element: its `config.outbox.endpoint`, else its `endpoint` attribute, else the
 * page-wide default. Follows changes of any of those, keeps the element's listeners on whichever outbox
 * is current, and says plainly when the endpoint is not a URL.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Outbox } from '../../../outbox/outbox.js';
import type { OutboxEventMap } from '../../../outbox/types.js';
import type { ElementConfig } from '../config.js';
import { onDefaultsChange } from '../defaults.js';
import { elementOutbox } from '../outbox-registry.js';

export interface OutboxHost extends ReactiveControllerHost {
  readonly endpoint: string | undefined;
  readonly config: ElementConfig;
}

type Listener = (event: Event) => void;

export class OutboxController implements ReactiveController {
  /** The outbox in use, once an endpoint is known. */
  outbox: Outbox | undefined;
  /** Why there is none although an endpoint was given (it is not a URL). */
  error: string | undefined;
  readonly #listeners: [keyof OutboxEventMap, Listener][] = [];
  #stopDefaults: (() => void) | undefined;

  readonly #host: OutboxHost;
  /** Called when another outbox (or none) is in use. */
  readonly #changed: (outbox: Outbox | undefined) => void;

  constructor(host: OutboxHost, changed: (outbox: Outbox | undefined) => void = () => undefined) {
    this.#host = host;
    this.#changed = changed;
    host.addController(this);
  }

  /** Calls `listener` for these events of the current outbox, whichever it is. */
  on(types: readonly (keyof OutboxEventMap)[], listener: Listener): void {
    for (const type of types) {
      this.#listeners.push([type, listener]);
      this.outbox?.addEventListener(type, listener);
    }
  }

  hostConnected(): void {
    // Knowing an endpoint is enough to start delivering what earlier visits left queued.
    this.resolve();
    this.#stopDefaults = onDefaultsChange(() => this.resolve());
  }

  hostDisconnected(): void {
    this.#stopDefaults?.();
    this.#use(undefined);
  }

  /** Picks the outbox for the host's endpoint and config now (call after either changed). */
  resolve(): Outbox | undefined {
    let next: Outbox | undefined;
    try {
      next = elementOutbox(this.#host.endpoint, this.#host.config.outbox);
      this.error = undefined;
    } catch (error) {
      this.error = (error as Error).message;
    }
    this.#use(next);
    return next;
  }

  #use(next: Outbox | undefined): void {
    if (next === this.outbox) return;
    for (const [type, listener] of this.#listeners) this.outbox?.removeEventListener(type, listener);
    this.outbox = next;
    for (const [type, listener] of this.#listeners) next?.addEventListener(type, listener);
    this.#changed(next);
    this.#host.requestUpdate();
  }
}
