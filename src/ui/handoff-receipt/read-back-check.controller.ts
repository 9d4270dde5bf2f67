import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { HandoffV1, ReadBackCheck } from '../../payload/types.js';
import { checkReadBack, isTimeZone, type ReadBackResult } from '../../read-back/index.js';
import { reportProblem } from '../shared/report.js';

/** What the check reads: the handoff shown, the read-back typed so far, the receiver's time zone. */
export interface ReadBackInput {
  /** The handoff shown; none when the check is turned off. */
  handoff: HandoffV1 | undefined;
  readBack: string;
  timeZone: string | undefined;
}

/** Questions start once the read-back says something: a few words, not the first keystroke. */
const MIN_WORDS = 3;

/**
 * The receipt's read-back check: the facts the read-back leaves out, asked as questions the receiver
 * answers by writing them in, or dismisses. Judged on each render, and on each keystroke only to learn
 * whether the questions would change; never blocks the acknowledgement.
 */
export class ReadBackCheckController implements ReactiveController {
  /** The questions shown, or none yet. */
  result: ReadBackResult | undefined;
  readonly #dismissed = new Set<string>();
  #shown = '';

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly read: () => ReadBackInput,
  ) {
    host.addController(this);
  }

  hostUpdate(): void {
    this.result = this.#questions();
    this.#shown = keyOf(this.result);
  }

  /** Whether the questions shown are out of date with the read-back. */
  stale(): boolean {
    return keyOf(this.#questions()) !== this.#shown;
  }

  dismiss(key: string): void {
    this.#dismissed.add(key);
    this.host.requestUpdate();
  }

  /** Another handoff, or a new start: nothing dismissed. */
  reset(): void {
    this.#dismissed.clear();
  }

  /** What the acknowledgement records, however short the read-back. */
  check(): ReadBackCheck | undefined {
    const { handoff, readBack } = this.read();
    return handoff && checkReadBack(handoff, readBack, { timeZone: this.timeZone, dismissed: this.#dismissed }).check;
  }

  /** The receiver's time zone; one `Intl` does not know is said on the console, and the browser's used. */
  get timeZone(): string | undefined {
    const { timeZone } = this.read();
    if (timeZone === undefined || isTimeZone(timeZone)) return timeZone;
    reportProblem(
      'time-zone',
      '<handoff-receipt>',
      `config.timeZone "${timeZone}" is not an IANA time zone (e.g. "Europe/London"); using the browser's.`,
    );
    return undefined;
  }

  #questions(): ReadBackResult | undefined {
    const { handoff, readBack } = this.read();
    if (!handoff || (readBack.match(/[\p{L}\p{N}]+/gu) ?? []).length < MIN_WORDS) return undefined;
    return checkReadBack(handoff, readBack, { timeZone: this.timeZone, dismissed: this.#dismissed });
  }
}

const keyOf = (result: ReadBackResult | undefined) =>
  result ? result.facts.map((f) => `${f.fact.key}:${f.found}:${f.dismissed}`).join('|') : '';
