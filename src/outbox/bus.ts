/**
 * Tells the other tabs (and other outbox instances in this tab) what happened, so their status
 * follows within a moment. Falls back to nothing where BroadcastChannel is missing; the outbox then
 * polls its store instead.
 */
import type { ItemEvent, OutboxEventDetail } from './types.js';

export type BusMessage =
  | { type: 'item'; event: ItemEvent; detail: Omit<OutboxEventDetail, 'remote'> }
  | { type: 'auth-required'; status: number; route: string }
  | { type: 'resume'; route: string }
  | { type: 'change' };

export interface Bus {
  post(message: BusMessage): void;
  close(): void;
  readonly live: boolean;
}

export function openBus(name: string, onMessage: (message: BusMessage) => void): Bus {
  if (typeof BroadcastChannel === 'undefined') return { post: () => undefined, close: () => undefined, live: false };
  const channel = new BroadcastChannel(name);
  channel.onmessage = (event: MessageEvent<BusMessage>) => {
    onMessage(event.data);
  };
  return {
    post: (message) => {
      channel.postMessage(message);
    },
    close: () => {
      channel.close();
    },
    live: true,
  };
}
