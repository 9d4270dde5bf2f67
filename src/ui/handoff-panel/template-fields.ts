/**
 * The template's own file in the script tag: checking a template, and its custom fields in the step
 * each names and its checklist in the last. Templates only: values live in the draft
 * (`extensions.<key>`, `checklist.<id>`).
 */
import { html, nothing, type TemplateResult } from 'lit';
import { fieldRequired, localised } from '../../template/applies.js';
import type { CustomField, HandoffTemplate, TemplateSection } from '../../template/types.js';
import { toLocalInput } from '../shared/paths.js';
import { yesNoSelect } from './earlier-fields.js';
import type { PanelView } from './sections.js';

export { checkTemplate } from '../../template/check-template.js';

function customField(v: PanelView, field: CustomField, locale: string): TemplateResult {
  const path = `extensions.${field.key}`;
  const label = localised(field.label, locale);
  const hint = field.hint === undefined ? undefined : localised(field.hint, locale);
  const required = fieldRequired(field, v.draft.reason?.code, v.draft.channel);
  switch (field.type) {
    case 'choice': {
      const values = (field.options ?? []).map((o) => o.value);
      const labels = Object.fromEntries((field.options ?? []).map((o) => [o.value, localised(o.label, locale)]));
      return v.select(path, values, labels, { required, label, hint });
    }
    case 'yes-no':
      return yesNoSelect(v, path, { required, label, hint });
    case 'date-time':
      return v.text(path, {
        type: 'datetime-local',
        value: toLocalInput(v.draft.extensions?.[field.key]),
        required,
        label,
        hint,
      });
    case 'number':
      return v.text(path, { identifier: true, inputMode: 'decimal', required, label, hint });
    default:
      return v.text(path, {
        multiline: field.type === 'long-text',
        wide: field.type === 'long-text',
        required,
        label,
        hint,
      });
  }
}

/** The custom fields placed in one step; the last step also has the checklist. */
export function renderCustomFields(
  v: PanelView,
  section: TemplateSection,
  template: HandoffTemplate | undefined,
  locale: string,
): TemplateResult | typeof nothing {
  const fields = (template?.fields ?? []).filter((f) => (f.section ?? 'why') === section);
  const last = section === 'check';
  if (!fields.length && !last) return nothing;
  return html`${fields.map((f) => customField(v, f, locale))}
  ${
    last
      ? html`${(template?.checklist ?? []).map((item) =>
          v.checkbox(
            `checklist.${item.id}`,
            v.draft.checklist?.[item.id] === true,
            undefined,
            localised(item.label, locale),
          ),
        )}
`
      : nothing
  }`;
}
