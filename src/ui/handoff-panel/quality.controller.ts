import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { buildHandoff } from '../../payload/handoff.js';
import { QUALITY_CHECK_RULES, assessQuality, type QualityInput } from '../../payload/quality.js';
import type { HandoffQuality } from '../../payload/types.js';

/**
 * The panel's quality checklist. Each render judges the draft as it would be sent (built, so a secret
 * the build would mask counts as it will in the payload); each keystroke only asks the quick judgement
 * whether anything changed, so that typing renders the form again only when the checklist would.
 */
export class QualityController implements ReactiveController {
  current: HandoffQuality = { score: 0, max: 0, missing: [] };
  #quick = '';

  constructor(
    host: ReactiveControllerHost,
    private readonly read: () => QualityInput,
  ) {
    host.addController(this);
  }

  hostUpdate(): void {
    const input = this.read();
    const quick = assessQuality(input);
    this.#quick = shownKey(quick, input);
    this.current = withBuildMaskings(quick, input);
  }

  /** Whether the checklist shown is out of date with the draft. */
  stale(): boolean {
    const input = this.read();
    return shownKey(assessQuality(input), input) !== this.#quick;
  }
}

/**
 * The quick judgement, with what building the payload would mask (a secret in a prefill, or in the
 * field still being typed in) counted as the payload will count it. Only that check is taken from
 * the build: its other entries point into the built lists, where empty rows are already left out.
 */
function withBuildMaskings(quick: HandoffQuality, input: QualityInput): HandoffQuality {
  if (quick.missing.some((m) => m.check === 'no-secrets-typed')) return quick;
  const { redactions, ...draft } = input;
  const built = buildHandoff(draft, { redactions });
  const typed = built.ok && built.payload.quality!.missing.find((m) => m.check === 'no-secrets-typed');
  if (!typed) return quick;
  const points = QUALITY_CHECK_RULES['no-secrets-typed'].points;
  return { ...quick, score: quick.score - points, missing: [...quick.missing, typed] };
}

/** What the checklist shows: the misses, and the text of each undated action it names. */
function shownKey(quality: HandoffQuality, input: QualityInput): string {
  const named = quality.missing
    .filter((m) => m.check === 'action-due')
    .map((m) => input.actions?.[Number(/\d+/.exec(m.field)![0])]?.text);
  return JSON.stringify([quality.missing, named]);
}
