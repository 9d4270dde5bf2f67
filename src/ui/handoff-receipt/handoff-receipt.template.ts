/**
 * The organisation's part of the receipt: its fields by the template's labels (else their keys), its
 * checklist as the sender ticked it, and what the sender was warned of about a time. Templates only.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { isDateTime } from '../../payload/checker.js';
import { renderTemplate } from '../../payload/template.js';
import type { HandoffV1, TimingWarning } from '../../payload/types.js';
import type { TemplateTexts } from '../messages/template-texts.js';
import { templateFieldLabels } from '../../template/applies.js';
import { checkTemplate } from '../../template/check-template.js';
import type { HandoffTemplate } from '../../template/types.js';

const CHECKED = new WeakMap<object, HandoffTemplate | undefined>();

/** The template the receipt names fields by, checked once; a bad one is said in the console and not used. */
export function receiptTemplate(source: unknown): HandoffTemplate | undefined {
  if (!source || typeof source !== 'object') return undefined;
  if (!CHECKED.has(source)) {
    try {
      CHECKED.set(source, checkTemplate(source));
    } catch (error) {
      console.error(`<handoff-receipt>: config.template was not used. ${(error as Error).message}`);
      CHECKED.set(source, undefined);
    }
  }
  return CHECKED.get(source);
}

/** The template's labels, for a handoff sent under that template only (another's keys, or none, mean other things). */
export function receiptLabels(source: unknown, locale: string, h: HandoffV1): Record<string, string> {
  const template = receiptTemplate(source);
  return template && h.template?.id === template.id ? templateFieldLabels(template, locale) : {};
}

export interface OrganisationView {
  h: HandoffV1;
  texts: TemplateTexts;
  /** The template's labels by path (`extensions.orderNumber`). */
  labels: Record<string, string>;
  time(iso: string | undefined): string;
}

function valueText(key: string, value: string | number | boolean, v: OrganisationView): string {
  if (typeof value === 'boolean') return value ? v.texts.yes : v.texts.no;
  if (typeof value === 'string' && isDateTime(value)) return v.time(value);
  return v.labels[`extensions.${key}=${value}`] ?? String(value);
}

export function renderOrganisation(v: OrganisationView): TemplateResult | typeof nothing {
  const fields = Object.entries(v.h.extensions ?? {});
  const checklist = v.h.template?.checklist ?? [];
  if (!fields.length && !checklist.length) return nothing;
  return html`<section part="section organisation" aria-labelledby="h-organisation">
    <h3 id="h-organisation">${v.texts.fieldsTitle}</h3>
    ${
      fields.length
        ? html`<dl>
          ${fields.map(
            ([key, value]) =>
              html`<dt>${v.labels[`extensions.${key}`] ?? key}</dt>
                <dd class="quote">${valueText(key, value, v)}</dd>`,
          )}
        </dl>`
        : nothing
    }
    ${
      checklist.length
        ? html`<h4 class="meta">${v.texts.checklistTitle}</h4>
          <ul>
            ${checklist.map(
              (item) =>
                html`<li>${item.label}: <strong>${item.checked ? v.texts.ticked : v.texts.notTicked}</strong></li>`,
            )}
          </ul>`
        : nothing
    }
  </section>`;
}

/** The sender's warning about the time at `field`, as the receiver reads it. */
export function timingNote(
  h: HandoffV1,
  field: string,
  texts: TemplateTexts,
  time: (iso: string | undefined) => string,
): string | undefined {
  const warning: TimingWarning | undefined = h.timing?.find((w) => w.field === field);
  if (!warning) return undefined;
  const template = {
    past: texts.receivedPast,
    'before-receiver-can-act': texts.receivedBeforeCanAct,
    'outside-hours': texts.receivedOutsideHours,
  }[warning.kind];
  return renderTemplate(template, { canAct: warning.canActAt && time(warning.canActAt) });
}
