/**
 * One element's own item on its way: saved, sending, offline, retrying, delivered, or failed. A single
 * tagged union is the state; the words for it are derived when rendering (`deliveryStatus`).
 */
import type { ReactiveControllerHost } from 'lit';
import { OutboxStorageError } from '../../../outbox/errors.js';
import type { OutboxEventDetail, OutboxItem, OutboxPayload } from '../../../outbox/types.js';
import { renderTemplate } from '../../../payload/template.js';
import type { OutboxController } from './outbox.controller.js';

export type Delivery =
  | { state: 'idle' }
  | { state: 'saving'; id: string }
  | { state: 'sending'; id: string }
  /** Saved; the browser is offline, so it waits for the network. */
  | { state: 'offline'; id: string }
  | { state: 'retrying'; id: string; at: number; reason: string }
  | { state: 'delivered'; id: string }
  | { state: 'rejected'; id: string; reason: string }
  | { state: 'expired'; id: string; reason: string }
  /** Sending is paused until the host signs in again (`auth-required`). */
  | { state: 'auth'; id: string }
  /** Nothing was saved: the agent's text stays on screen. */
  | { state: 'not-saved'; id: string; reason: string };

export type Tone = 'info' | 'ok' | 'warn' | 'error';

/** The words for each state (templates); `expired` and `auth` fall back to `rejected` where missing. */
export interface DeliveryTexts {
  saving: string;
  sending: string;
  queuedOffline: string;
  retrying: string;
  delivered: string;
  rejected: string;
  expired?: string;
  auth?: string;
  notSaved: string;
}

const ITEM_EVENTS = ['sending', 'delivered', 'retrying', 'dead'] as const;

const offline = () => typeof navigator !== 'undefined' && !navigator.onLine;

export class DeliveryController {
  delivery: Delivery = { state: 'idle' };

  readonly #host: ReactiveControllerHost;
  readonly #outboxes: OutboxController;

  /** Called on every change of state, after it is set (the host raises its events here). */
  readonly #changed: (delivery: Delivery) => void;

  constructor(
    host: ReactiveControllerHost,
    outboxes: OutboxController,
    changed: (delivery: Delivery) => void = () => undefined,
  ) {
    this.#host = host;
    this.#changed = changed;
    this.#outboxes = outboxes;
    outboxes.on(ITEM_EVENTS, this.#onItemEvent);
    outboxes.on(['auth-required'], this.#onAuthRequired);
  }

  /** The id being followed, while there is one. */
  get id(): string | undefined {
    return this.delivery.state === 'idle' ? undefined : this.delivery.id;
  }

  /**
   * Saves the payload durably in the outbox and follows it. Resolves with the item once saved, or with
   * undefined when it could not be (the state says why).
   */
  async save(payload: OutboxPayload): Promise<OutboxItem | undefined> {
    const outbox = this.#outboxes.outbox;
    if (!outbox) return undefined;
    this.#set({ state: 'saving', id: payload.id });
    try {
      const item = await outbox.enqueue(payload);
      // Delivery may already have moved on; only say "sending" if nothing newer was reported.
      if (this.delivery.state === 'saving' && this.id === payload.id) {
        this.#set(offline() ? { state: 'offline', id: payload.id } : { state: 'sending', id: payload.id });
      }
      return item;
    } catch (error) {
      const reason = error instanceof OutboxStorageError ? error.message : String(error);
      this.#set({ state: 'not-saved', id: payload.id, reason });
      return undefined;
    }
  }

  /** Forgets the item (a new handoff is shown). */
  reset(): void {
    this.#set({ state: 'idle' });
  }

  #set(delivery: Delivery): void {
    this.delivery = delivery;
    this.#changed(delivery);
    this.#host.requestUpdate();
  }

  readonly #onItemEvent = (event: Event): void => {
    const detail = (event as CustomEvent<OutboxEventDetail>).detail;
    if (detail.id !== this.id) return;
    const id = detail.id;
    if (event.type === 'sending') this.#set({ state: 'sending', id });
    else if (event.type === 'delivered') this.#set({ state: 'delivered', id });
    else if (event.type === 'retrying') this.#set(retrying(detail));
    else
      this.#set({
        state: detail.deadReason === 'expired' ? 'expired' : 'rejected',
        id,
        reason: detail.error?.message.slice(0, 200) ?? '',
      });
  };

  readonly #onAuthRequired = (): void => {
    const id = this.id;
    if (id && this.delivery.state !== 'delivered') this.#set({ state: 'auth', id });
  };
}

function retrying(detail: OutboxEventDetail): Delivery {
  if (offline()) return { state: 'offline', id: detail.id };
  const reason = detail.error?.status ? `HTTP ${detail.error.status}` : (detail.error?.kind ?? '');
  return { state: 'retrying', id: detail.id, at: detail.nextAttemptAt ?? Date.now(), reason };
}

/** The status line for a delivery state, or undefined when there is nothing to say. */
export function deliveryStatus(
  delivery: Delivery,
  t: DeliveryTexts,
  locale: string,
  slots: Record<string, string | undefined> = {},
): { text: string; tone: Tone } | undefined {
  switch (delivery.state) {
    case 'idle':
      return undefined;
    case 'saving':
      return { text: t.saving, tone: 'info' };
    case 'sending':
      return { text: t.sending, tone: 'info' };
    case 'offline':
      return { text: t.queuedOffline, tone: 'warn' };
    case 'retrying':
      return {
        text: renderTemplate(t.retrying, {
          reason: delivery.reason,
          time: new Date(delivery.at).toLocaleTimeString(locale),
        }),
        tone: 'warn',
      };
    case 'delivered':
      return { text: renderTemplate(t.delivered, slots), tone: 'ok' };
    case 'rejected':
      return { text: renderTemplate(t.rejected, { reason: delivery.reason }), tone: 'error' };
    case 'expired':
      return { text: t.expired ?? renderTemplate(t.rejected, { reason: delivery.reason }), tone: 'error' };
    case 'auth':
      return { text: t.auth ?? renderTemplate(t.rejected, { reason: 'sign-in' }), tone: 'error' };
    case 'not-saved':
      return { text: renderTemplate(t.notSaved, { reason: delivery.reason }), tone: 'error' };
  }
}
