import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { assessQuality, type QualityInput } from '../../payload/quality.js';
import type { HandoffQuality } from '../../payload/types.js';

/**
 * The panel's quality checklist: judged afresh on each render, and on each keystroke only to learn
 * whether the checklist would change, so that typing renders the form again only when it does.
 */
export class QualityController implements ReactiveController {
  current: HandoffQuality = { score: 0, max: 0, missing: [] };
  #shown = '';

  constructor(
    host: ReactiveControllerHost,
    private readonly read: () => QualityInput,
  ) {
    host.addController(this);
  }

  hostUpdate(): void {
    const input = this.read();
    this.current = assessQuality(input);
    this.#shown = shownKey(this.current, input);
  }

  /** Whether the checklist shown is out of date with the draft. */
  stale(): boolean {
    const input = this.read();
    return shownKey(assessQuality(input), input) !== this.#shown;
  }
}

/** What the checklist shows: the misses, and the text of each undated action it names. */
function shownKey(quality: HandoffQuality, input: QualityInput): string {
  const named = quality.missing
    .filter((m) => m.check === 'action-due')
    .map((m) => input.actions?.[Number(/\d+/.exec(m.field)![0])]?.text);
  return JSON.stringify([quality.missing, named]);
}
