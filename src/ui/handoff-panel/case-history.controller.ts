/**
 * The case's earlier handoffs and their fate, for `<handoff-panel>`: what was sent from this case (in
 * this or an earlier visit), followed through the outbox in every tab, and the receiver's
 * acknowledgement once it comes, until the agent dismisses it.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { watchAcks, type AckWatchOptions } from '../../acks/watch-acks.js';
import { KEEP_PER_CASE, SentLog, type SentEntry } from '../../drafts/sent-log.js';
import type { Outbox } from '../../outbox/outbox.js';
import { ITEM_EVENTS, type OutboxEventDetail, type OutboxRecord } from '../../outbox/types.js';
import type { HandoffAckV1, HandoffV1, ReadBackFactKind } from '../../payload/types.js';
import { missedKinds } from './read-back-missed.js';

export type Fate =
  | { kind: 'waiting' }
  | { kind: 'sending' }
  | { kind: 'retrying'; at: number; reason: string }
  | { kind: 'delivered' }
  | { kind: 'acknowledged'; name: string; at: string; missed?: ReadBackFactKind[] }
  | { kind: 'declined'; name: string; reason: string }
  | { kind: 'rejected'; reason: string }
  | { kind: 'expired' }
  | { kind: 'discarded' }
  /** Not in this browser's outbox any more, and nothing says how it left. */
  | { kind: 'left' };

export interface HistoryItem {
  entry: SentEntry;
  fate: Fate;
}

/** What the history reads from the panel and tells it. */
export interface CaseHistoryOptions {
  /** The case whose handoffs are shown. */
  caseId(): string | undefined;
  /** The outbox the panel sends through, once it has one. */
  outbox(): Outbox | undefined;
  /** How to learn of acknowledgements; `false`: not at all. */
  acks(): AckWatchOptions | false;
  /** Where the log is kept; undefined keeps it in memory only (drafts turned off). */
  logName(): string | undefined;
  /** A new acknowledgement of one of the case's handoffs. */
  acknowledged(ack: HandoffAckV1): void;
}

/** The panel: its rendered shadow root, where the focus moves after a dismissal. */
type HistoryHost = ReactiveControllerHost & { renderRoot: ParentNode };

/** Acknowledgements are watched for this many entries at most, the newest. */
const WATCHED = 5;

export class CaseHistoryController implements ReactiveController {
  items: HistoryItem[] = [];
  #outbox: Outbox | undefined;
  #caseId: string | undefined;
  #loading = 0;
  readonly #ackWatches = new Map<string, () => void>();

  readonly #host: HistoryHost;
  readonly #panel: CaseHistoryOptions;

  constructor(host: HistoryHost, panel: CaseHistoryOptions) {
    this.#host = host;
    this.#panel = panel;
    host.addController(this);
  }

  hostConnected(): void {
    this.sync();
  }

  hostDisconnected(): void {
    this.#follow(undefined);
    this.#stopWatching();
    this.#caseId = undefined;
  }

  /** Follows the host's case and outbox; call after either may have changed. */
  sync(): void {
    const outbox = this.#panel.outbox();
    if (outbox !== this.#outbox) {
      this.#follow(outbox);
      this.#caseId = undefined;
    }
    const caseId = this.#panel.caseId();
    if (caseId !== this.#caseId) {
      this.#caseId = caseId;
      void this.#load();
    }
  }

  /**
   * A handoff from this case is being saved to the outbox: it is logged at the same time (sealing takes
   * as long as the outbox's own write, so an agent who closes the tab once it says "saved" finds it
   * listed next time). `saved` says whether the outbox kept it; if not, the entry goes again.
   */
  async record(payload: HandoffV1, outbox: Outbox, saved: Promise<boolean>): Promise<void> {
    const receiver = payload.to.name ? `${payload.to.name}, ${payload.to.team}` : payload.to.team;
    const entry: SentEntry = {
      id: payload.id,
      caseId: payload.case.id,
      endpoint: outbox.route,
      receiver,
      sentAt: Date.now(),
      state: 'queued',
    };
    const log = this.#log();
    const logged = log?.add(entry).catch(() => undefined);
    if (!(await saved)) {
      await logged;
      await log?.remove(entry.id).catch(() => undefined);
      return;
    }
    if (payload.case.id === this.#caseId) {
      const item: HistoryItem = { entry, fate: { kind: 'waiting' } };
      this.items = [item, ...this.items.filter((i) => i.entry.id !== entry.id)].slice(0, KEEP_PER_CASE);
      this.#host.requestUpdate();
    }
    await logged;
  }

  /** The agent has seen it: hide it for good. */
  async dismiss(id: string): Promise<void> {
    this.items = this.items.filter((i) => i.entry.id !== id);
    this.#ackWatches.get(id)?.();
    this.#ackWatches.delete(id);
    this.#host.requestUpdate();
    await this.#log()
      ?.update(id, { dismissed: true })
      .catch(() => undefined);
  }

  /** Dismisses from the list's button: the focus goes to the next entry's button, else the first control. */
  async dismissFromList(id: string): Promise<void> {
    const root = this.#host.renderRoot;
    const buttons = [...root.querySelectorAll<HTMLElement>('.history button')];
    const next = buttons[buttons.findIndex((b) => b.closest('li')?.dataset.id === id) + 1];
    await this.dismiss(id);
    await this.#host.updateComplete;
    (next?.isConnected ? next : root.querySelector<HTMLElement>('select, input, textarea'))?.focus();
  }

  #log(): SentLog | undefined {
    const name = this.#panel.logName();
    return name === undefined ? undefined : new SentLog(name);
  }

  async #load(): Promise<void> {
    const seq = ++this.#loading;
    this.#stopWatching();
    const caseId = this.#caseId;
    const entries =
      caseId === undefined
        ? []
        : ((await this.#log()
            ?.forCase(caseId)
            .catch(() => [])) ?? []);
    const items: HistoryItem[] = [];
    for (const entry of entries) {
      const record = await this.#outbox?.get(entry.id).catch(() => undefined);
      items.push({ entry, fate: record && !entry.ack ? fateOfRecord(record) : fateOfEntry(entry) });
    }
    if (seq !== this.#loading) return;
    // Entries recorded while this load ran (a send right after a reload) stay.
    const fresh = this.items.filter((i) => i.entry.caseId === caseId && !items.some((j) => j.entry.id === i.entry.id));
    const changed = this.items.length > 0 || items.length > 0;
    this.items = [...fresh, ...items];
    for (const item of this.items.slice(0, WATCHED)) if (needsAck(item.fate)) this.#watchAck(item.entry);
    // Nothing before and nothing now: no render (a panel's first render must not be paid twice).
    if (changed) this.#host.requestUpdate();
  }

  #follow(outbox: Outbox | undefined): void {
    for (const type of ITEM_EVENTS) this.#outbox?.removeEventListener(type, this.#onOutboxEvent);
    this.#outbox = outbox;
    for (const type of ITEM_EVENTS) outbox?.addEventListener(type, this.#onOutboxEvent);
  }

  readonly #onOutboxEvent = (event: Event): void => {
    const detail = (event as CustomEvent<OutboxEventDetail>).detail;
    const item = this.items.find((i) => i.entry.id === detail.id);
    if (!item) return;
    item.fate = event.type === 'discarded' ? { kind: 'discarded' } : fateOfDetail(detail);
    const state =
      event.type === 'discarded'
        ? 'discarded'
        : event.type === 'delivered'
          ? 'delivered'
          : event.type === 'dead'
            ? 'dead'
            : undefined;
    if (state) {
      item.entry.state = state;
      void this.#log()
        ?.update(item.entry.id, { state })
        .catch(() => undefined);
    }
    if (event.type === 'delivered') this.#watchAck(item.entry);
    this.#host.requestUpdate();
  };

  #watchAck(entry: SentEntry): void {
    const options = this.#panel.acks();
    if (options === false || this.#ackWatches.has(entry.id) || entry.ack) return;
    // Watches start newest last: past the limit, the oldest one stops.
    const [oldest] = this.#ackWatches.keys();
    if (oldest !== undefined && this.#ackWatches.size >= WATCHED) {
      this.#ackWatches.get(oldest)?.();
      this.#ackWatches.delete(oldest);
    }
    const onFound = () => this.#onFoundAtReceiver(entry);
    const stop = watchAcks(entry.endpoint, entry.id, (ack) => this.#onAck(entry, ack), {
      ...this.#ackTransport(entry, options),
      onFound,
    });
    this.#ackWatches.set(entry.id, stop);
  }

  /** The outbox's own headers and credentials, for polling its own endpoint only. */
  #ackTransport(entry: SentEntry, options: AckWatchOptions): AckWatchOptions {
    const outbox = this.#outbox;
    if (outbox?.route !== entry.endpoint) return { ...options, credentials: 'omit' };
    return { headers: outbox.options.headers, credentials: outbox.options.credentials, ...options };
  }

  /** The receiver has it: delivered, whichever page delivered it (one without a panel, say). */
  #onFoundAtReceiver(entry: SentEntry): void {
    if (entry.state === 'delivered' || entry.ack) return;
    entry.state = 'delivered';
    const item = this.items.find((i) => i.entry.id === entry.id);
    if (item?.fate.kind === 'left' || item?.fate.kind === 'discarded') item.fate = { kind: 'delivered' };
    void this.#log()
      ?.update(entry.id, { state: 'delivered' })
      .catch(() => undefined);
    this.#host.requestUpdate();
  }

  #onAck(entry: SentEntry, ack: HandoffAckV1): void {
    this.#ackWatches.get(entry.id)?.();
    this.#ackWatches.delete(entry.id);
    entry.ack = {
      name: ack.by.name,
      accepted: ack.accepted,
      at: ack.at,
      ...(ack.declineReason ? { declineReason: ack.declineReason } : {}),
      ...(ack.readBackCheck?.missing.length ? { missed: missedKinds(ack) } : {}),
    };
    const item = this.items.find((i) => i.entry.id === entry.id);
    if (item) item.fate = fateOfEntry(entry);
    void this.#log()
      ?.update(entry.id, { ack: entry.ack, state: 'delivered' })
      .catch(() => undefined);
    this.#panel.acknowledged(ack);
    this.#host.requestUpdate();
  }

  #stopWatching(): void {
    for (const stop of this.#ackWatches.values()) stop();
    this.#ackWatches.clear();
  }
}

const needsAck = (fate: Fate): boolean => fate.kind === 'delivered' || fate.kind === 'left';

function fateOfDetail(
  detail: Pick<OutboxEventDetail, 'state' | 'nextAttemptAt' | 'error' | 'deadReason' | 'attempts'>,
): Fate {
  switch (detail.state) {
    case 'sending':
      return { kind: 'sending' };
    case 'delivered':
      return { kind: 'delivered' };
    case 'dead':
      return detail.deadReason === 'expired'
        ? { kind: 'expired' }
        : { kind: 'rejected', reason: detail.error?.message.slice(0, 200) ?? '' };
    default:
      if (!detail.error) return { kind: 'waiting' };
      return {
        kind: 'retrying',
        at: detail.nextAttemptAt ?? Date.now(),
        reason: detail.error.status ? `HTTP ${detail.error.status}` : detail.error.kind,
      };
  }
}

function fateOfRecord(record: OutboxRecord): Fate {
  return fateOfDetail({ ...record, error: record.lastError });
}

/** What the log says, for a handoff the outbox no longer holds. */
function fateOfEntry(entry: SentEntry): Fate {
  if (entry.ack)
    return entry.ack.accepted
      ? { kind: 'acknowledged', name: entry.ack.name, at: entry.ack.at, missed: entry.ack.missed }
      : { kind: 'declined', name: entry.ack.name, reason: entry.ack.declineReason ?? '' };
  if (entry.state === 'delivered') return { kind: 'delivered' };
  if (entry.state === 'discarded' || entry.state === 'dead') return { kind: 'discarded' };
  return { kind: 'left' };
}
