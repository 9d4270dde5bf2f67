import { assessQuality, type QualityInput } from '../payload/quality.js';
import type { Channel, HandoffTemplateRecord, ReasonCode } from '../payload/types.js';
import type { AppliesWhen, CustomField, HandoffTemplate, LocalisedText, Requirement } from './types.js';

/** Whether a rule given for some reasons and channels holds for this handoff's (any, where left out). */
export function applies(when: AppliesWhen | undefined, reason: unknown, channel: unknown): boolean {
  if (!when) return true;
  const reasonOk = !when.reasons || when.reasons.includes(reason as ReasonCode);
  const channelOk = !when.channels || when.channels.includes(channel as Channel);
  return reasonOk && channelOk;
}

export function fieldRequired(field: CustomField, reason: unknown, channel: unknown): boolean {
  if (typeof field.required === 'boolean' || field.required === undefined) return field.required === true;
  return applies(field.required, reason, channel);
}

/** The checks of a list of requirements that hold for this reason and channel. */
const checksThatApply = (list: readonly Requirement[] = [], reason: unknown, channel: unknown): Set<string> =>
  new Set(list.filter((r) => applies(r, reason, channel)).map((r) => r.check));

/** The moves (quality checks and checklist ids) the template requires for this reason and channel. */
export function requiredChecks(template: HandoffTemplate | undefined, reason: unknown, channel: unknown): string[] {
  return [...checksThatApply(template?.required, reason, channel)];
}

/** The quality checks the template's protocol does not ask for here. */
export function optionalChecks(template: HandoffTemplate | undefined, reason: unknown, channel: unknown): Set<string> {
  return checksThatApply(template?.optional, reason, channel);
}

/** The text for a locale: its own, its language's (`es` for `es-MX`), English, else the first given. */
export function localised(text: LocalisedText | undefined, locale = 'en'): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  const language = locale.split('-')[0]!;
  return text[locale] ?? text[language] ?? text.en ?? Object.values(text)[0] ?? '';
}

/**
 * The labels a template adds (`extensions.orderNumber` → "Order number"), for messages, the receipt and
 * the note; a choice's options as `extensions.returnMethod=store` → "Return to a store".
 */
export function templateFieldLabels(template: HandoffTemplate | undefined, locale?: string): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const field of template?.fields ?? []) {
    labels[`extensions.${field.key}`] = localised(field.label, locale);
    for (const option of field.options ?? [])
      labels[`extensions.${field.key}=${option.value}`] = localised(option.label, locale);
  }
  for (const item of template?.checklist ?? []) labels[`checklist.${item.id}`] = localised(item.label, locale);
  return labels;
}

/** The quality checks a template can require that the score reads only for some transfers. */
const DIRECT: Record<string, { field: string; met: (input: QualityInput) => boolean }> = {
  'apology-given': { field: 'script.apologyGiven', met: (input) => input.script?.apologyGiven === true },
  'details-confirmed': { field: 'script.detailsConfirmed', met: (input) => input.script?.detailsConfirmed === true },
};

/**
 * The moves the template requires of this handoff (for its reason and channel) that it does not make,
 * each with the field that makes it: a quality check's, or `checklist.<id>` for a checklist item.
 */
export function unmetRequirements(
  template: HandoffTemplate,
  handoff: QualityInput,
  record: HandoffTemplateRecord | undefined,
): { check: string; field: string }[] {
  const required = requiredChecks(template, handoff.reason?.code, handoff.channel);
  if (!required.length) return [];
  const misses = assessQuality(handoff).missing;
  const isItem = new Set((template.checklist ?? []).map((i) => i.id));
  return required.flatMap((check) => {
    if (isItem.has(check))
      return record?.checklist?.find((i) => i.id === check)?.checked ? [] : [{ check, field: `checklist.${check}` }];
    const direct = DIRECT[check];
    if (direct) return direct.met(handoff) ? [] : [{ check, field: direct.field }];
    return misses.filter((m) => m.check === check).map((m) => ({ check, field: m.field }));
  });
}
