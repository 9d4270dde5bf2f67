/** The words of a timing warning at its field: on the receiver's clock, and the agent's where it differs. */
import type { HandoffDraft, TimingWarning } from '../../payload/types.js';
import { renderTemplate } from '../../payload/template.js';
import { en, type UiTexts } from '../messages/catalogue.js';
import { enTemplate } from '../messages/template-texts.js';
import { formatWhen } from '../shared/format-when.js';

/** What a timing warning tells the agent at its field, in the receiver's zone and theirs. */
export function timingText(
  warning: TimingWarning,
  draft: HandoffDraft,
  ui: UiTexts,
  locale: string,
  timeZone: string | undefined,
): string {
  const texts = ui.template ?? enTemplate;
  const both = (ui.directory ?? en.ui.directory!).bothZones;
  const when = (iso: string) => formatWhen(iso, timeZone, locale, both);
  if (warning.kind === 'past') {
    const given =
      warning.field === 'followUp.at' ? draft.followUp?.at : draft.actions?.[Number(/\d+/.exec(warning.field))]?.due;
    return renderTemplate(texts.past, { time: given ? when(given) : '' });
  }
  if (!warning.canActAt) return texts.neverOpen;
  const template = warning.kind === 'outside-hours' ? texts.outsideHours : texts.beforeCanAct;
  return renderTemplate(template, { canAct: when(warning.canActAt) });
}
