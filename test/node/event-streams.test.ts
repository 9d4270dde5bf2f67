// The receiver's event streams over a store that fails or is slow at the wrong moment: a stream never
// sends an event id past one it could not send, and a shutdown during a stream's history is quiet.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
// @ts-expect-error -- plain JavaScript module without declarations
import { createEventStreams } from '../../receiver/event-streams.mjs';

interface StoreEvent {
  seq: number;
  kind: 'handoff' | 'ack';
  payload: { id: string; handoffId?: string };
  receivedAt: string;
}

const handoffEvent = (seq: number): StoreEvent => ({
  seq,
  kind: 'handoff',
  payload: { id: `h-${seq}` },
  receivedAt: '2026-12-03T10:00:00.000Z',
});

/** A store whose history read is `read`; `publish` is a live event, as another instance's commit. */
function storeWith(read: (after: number) => Promise<StoreEvent[]>) {
  let listener: (event: StoreEvent) => void = () => {};
  return {
    store: {
      onEvent: (fn: (event: StoreEvent) => void) => {
        listener = fn;
        return () => {};
      },
      lastSeq: async () => 0,
      events: ({ after }: { after: number }) => read(after),
    },
    publish: (event: StoreEvent) => listener(event),
  };
}

/** A response that keeps what is written to it. */
function response() {
  let text = '';
  const res = new Writable({
    write(chunk, _encoding, done) {
      text += chunk.toString();
      done();
    },
  });
  return { res, written: () => text };
}

const ids = (text: string) => [...text.matchAll(/^id: (\d+)$/gm)].map((m) => Number(m[1]));

describe('the receiver’s event streams', () => {
  it('a history read that fails sends no later live event: the stream is cut, and its reconnect misses nothing', async () => {
    const { store, publish } = storeWith(async () => {
      // Committed elsewhere while this stream's history (events 1 and 2) could not be read.
      publish(handoffEvent(3));
      throw new Error('the pool timed out');
    });
    const streams = createEventStreams(store);
    const { res, written } = response();
    await assert.rejects(streams.open(res, { after: 0 }), /the pool timed out/);
    assert.deepEqual(ids(written()), [0], 'only the position: Last-Event-ID stays before the unread history');
    assert.equal(res.destroyed, true);
    assert.equal(streams.count, 0);
  });

  it('live events that arrive while the history is read follow it, once each, in order', async () => {
    const { store, publish } = storeWith(async (after) => {
      if (after > 0) return [];
      publish(handoffEvent(2));
      publish(handoffEvent(3));
      return [handoffEvent(1), handoffEvent(2)];
    });
    const streams = createEventStreams(store);
    const { res, written } = response();
    await streams.open(res, { after: 0 });
    publish(handoffEvent(4));
    assert.deepEqual(ids(written()), [0, 1, 2, 3, 4]);
  });

  it('a shutdown while a stream reads its history ends it with the retry hint and writes nothing after', async () => {
    let finishRead: (events: StoreEvent[]) => void = () => {};
    const { store } = storeWith(() => new Promise((resolve) => (finishRead = resolve)));
    const streams = createEventStreams(store);
    const { res, written } = response();
    const errors: Error[] = [];
    res.on('error', (error) => errors.push(error));
    const opening = streams.open(res, { after: 0 });
    await new Promise((resolve) => setImmediate(resolve));
    streams.closeAll(1000);
    finishRead([handoffEvent(1)]);
    await opening;
    await finished(res);
    assert.deepEqual(errors, []);
    assert.match(written(), /retry: 1000\n\n$/);
    assert.deepEqual(ids(written()), [0]);
  });
});
