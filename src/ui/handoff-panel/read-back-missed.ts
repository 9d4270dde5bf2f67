/** What the sender is told of a read-back that left facts out: "Read-back missed a deadline and the amount." */
import { renderTemplate } from '../../payload/template.js';
import type { HandoffAckV1, ReadBackFactKind } from '../../payload/types.js';
import { en, type UiTexts } from '../messages/catalogue.js';

/** The kinds of the facts an acknowledgement's read-back missed, each once, in the order they were asked. */
export function missedKinds(ack: HandoffAckV1): ReadBackFactKind[] {
  return [...new Set(ack.readBackCheck?.missing.map((fact) => fact.kind) ?? [])];
}

/** The sentence to add to "acknowledged", or nothing when the read-back missed nothing. */
export function readBackMissed(missed: readonly ReadBackFactKind[] | undefined, ui: UiTexts, locale: string): string {
  if (!missed?.length) return '';
  // A catalogue written before the read-back check still says it, in English.
  const texts = ui.readBack ?? en.ui.readBack!;
  const facts = new Intl.ListFormat(locale, { type: 'conjunction' }).format(missed.map((kind) => texts.facts[kind]));
  return ` ${renderTemplate(texts.missed, { facts })}`;
}
