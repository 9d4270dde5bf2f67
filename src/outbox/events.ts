/**
 * The outbox's events, typed: `addEventListener('delivered', (e) => e.detail.id)`. Each item event is
 * dispatched here and told to the other tabs, where it arrives with `remote: true`.
 */
import { itemDetail } from './records.js';
import type { TabSync } from './sync.js';
import type { ItemEvent, OutboxEventMap, OutboxRecord } from './types.js';

// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging -- typed EventTarget overloads
export class OutboxEvents extends EventTarget {
  protected dispatch<K extends keyof OutboxEventMap>(type: K, detail: OutboxEventMap[K]['detail']): void {
    this.dispatchEvent(new CustomEvent(type, { detail }));
  }

  /** An item changed here: its event and `change`, here and in every other tab. */
  protected emitItem(sync: TabSync, event: ItemEvent, record: OutboxRecord): void {
    const detail = itemDetail(record);
    sync.follow(record);
    this.dispatch(event, { ...detail, remote: false });
    this.dispatch('change', { remote: false });
    sync.post({ type: 'item', event, detail });
  }

  /** The counts changed (a purge): `change`, here and in every other tab. */
  protected emitChange(sync: TabSync): void {
    this.dispatch('change', { remote: false });
    sync.post({ type: 'change' });
  }
}

// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging -- typed EventTarget overloads
export interface OutboxEvents {
  addEventListener<K extends keyof OutboxEventMap>(
    type: K,
    listener: (this: OutboxEvents, event: OutboxEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject | null,
    options?: boolean | AddEventListenerOptions,
  ): void;
  removeEventListener<K extends keyof OutboxEventMap>(
    type: K,
    listener: (this: OutboxEvents, event: OutboxEventMap[K]) => unknown,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject | null,
    options?: boolean | EventListenerOptions,
  ): void;
}
