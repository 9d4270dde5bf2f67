// Forwards each new handoff to a helpdesk as an internal note, once: no helpdesk dedupes notes, so
// before each try the adapter looks for this handoff's marker line among the ticket's notes (a try that
// timed out may have landed). Rate limits and outages are retried, honouring Retry-After; a refusal
// (unknown ticket, bad credentials) is not. Training handoffs never reach a real helpdesk.
import { markerOf } from './helpdesk-http.mjs';

const DEFAULTS = { maxAttempts: 6, baseDelayMs: 2000, maxDelayMs: 5 * 60_000, keepResults: 1000 };

/**
 * @param {object} options
 * @param {{ name: string, format: string, limit: number, ticketId(h): string | undefined,
 *   hasNote(ticketId: string, marker: string): Promise<boolean>, addNote(ticketId: string, note: string): Promise<void> }} options.adapter
 * @param {(handoff: object, options: { format: string, limit: number }) => string} options.render toNote
 * @param {(ms: number) => Promise<void>} [options.sleep] how to wait between tries
 * @param {(result: object) => void} [options.onResult] told of each handoff's outcome
 */
export function createNoteForwarder({ adapter, render, sleep, onResult = () => undefined, ...limits }) {
  const settings = { ...DEFAULTS, ...limits };
  const sleepers = new Map();
  let closed = false;
  const wait =
    sleep ??
    ((ms) =>
      new Promise((resolve) => {
        const timer = setTimeout(() => (sleepers.delete(timer), resolve()), ms);
        // Waiting to retry a note never keeps the process alive.
        timer.unref?.();
        sleepers.set(timer, resolve);
      }));
  const jobs = new Map();
  const results = new Map();

  function settle(result) {
    results.set(result.handoffId, result);
    if (results.size > settings.keepResults) results.delete(results.keys().next().value);
    onResult(result);
    return result;
  }

  async function deliver(handoff) {
    // After the request that stored it is answered: rendering and fitting a note is no part of that.
    await new Promise((resolve) => setImmediate(resolve));
    const handoffId = handoff.id;
    if (handoff.training) return settle({ handoffId, status: 'skipped', reason: 'training handoff' });
    const ticketId = adapter.ticketId(handoff);
    if (ticketId === undefined) {
      return settle({
        handoffId,
        status: 'failed',
        attempts: 0,
        error: `The case id ${JSON.stringify(handoff.case.id)} is not a ${adapter.name} ticket id, so no note was added.`,
      });
    }
    let note;
    try {
      note = render(handoff, { format: adapter.format, limit: adapter.limit });
    } catch (error) {
      // A handoff whose must-keep parts exceed the helpdesk's limit: it is stored; only its note is not.
      return settle({ handoffId, ticketId, status: 'failed', attempts: 0, error: String(error?.message ?? error) });
    }
    for (let attempt = 1; ; attempt++) {
      try {
        if (await adapter.hasNote(ticketId, markerOf(handoffId))) {
          return settle({ handoffId, ticketId, status: 'already-there', attempts: attempt });
        }
        await adapter.addNote(ticketId, note);
        return settle({ handoffId, ticketId, status: 'added', attempts: attempt });
      } catch (error) {
        if (!error?.retryable || attempt >= settings.maxAttempts || closed) {
          return settle({
            handoffId,
            ticketId,
            status: 'failed',
            attempts: attempt,
            error: String(error?.message ?? error),
          });
        }
        const backoff = Math.min(settings.maxDelayMs, settings.baseDelayMs * 2 ** (attempt - 1));
        // Retry-After of 0 is a second, not a loop; a longer one than maxDelayMs is waited up to it.
        await wait(Math.max(1000, Math.min(settings.maxDelayMs, error.retryAfterMs ?? backoff)));
        if (closed) {
          const stopped = `The receiver shut down before the note was added (last answer: ${error.message}).`;
          return settle({ handoffId, ticketId, status: 'failed', attempts: attempt, error: stopped });
        }
      }
    }
  }

  return {
    /** Starts forwarding `handoff` (once per id while this process runs); resolves to its result. */
    forward(handoff) {
      const running = jobs.get(handoff.id);
      if (running) return running;
      if (results.has(handoff.id)) return Promise.resolve(results.get(handoff.id));
      const job = deliver(handoff)
        .catch((error) =>
          settle({ handoffId: handoff.id, status: 'failed', attempts: 0, error: String(error?.message ?? error) }),
        )
        .finally(() => jobs.delete(handoff.id));
      jobs.set(handoff.id, job);
      return job;
    },
    /** The latest outcome for a handoff id, or undefined while it is still being forwarded. */
    result: (handoffId) => results.get(handoffId),
    /** Resolves when every forward under way has ended. */
    idle: () => Promise.all([...jobs.values()]).then(() => undefined),
    /** Stops waiting between tries: a forward waiting to try again ends as failed. */
    close() {
      closed = true;
      for (const [timer, resolve] of sleepers) (clearTimeout(timer), resolve());
      sleepers.clear();
    },
  };
}
