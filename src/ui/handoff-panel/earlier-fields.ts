/**
 * Values a draft holds for keys its template does not have (it changed, or is gone): shown in the last
 * step whether or not a template is given, so that they are sent or cleared, never lost or sent unseen.
 */
import type { TemplateResult } from 'lit';
import { renderTemplate } from '../../payload/template.js';
import type { HandoffTemplate } from '../../template/types.js';
import { enTemplate } from '../messages/template-texts.js';
import type { PanelView, SelectFieldOptions } from './sections.js';

const YES_NO = ['yes', 'no'] as const;

/** A yes/no field: a select of the two words, which the payload reads as true or false. */
export function yesNoSelect(v: PanelView, path: string, options: SelectFieldOptions): TemplateResult {
  const texts = v.ui.template ?? enTemplate;
  return v.select(path, YES_NO, { yes: texts.yes, no: texts.no }, options);
}

export function renderEarlierFields(v: PanelView, template: HandoffTemplate | undefined): TemplateResult[] {
  const known = new Set((template?.fields ?? []).map((f) => f.key));
  const texts = v.ui.template ?? enTemplate;
  return Object.entries(v.draft.extensions ?? {})
    .filter(([key, value]) => !known.has(key) && value !== undefined && value !== '')
    .map(([key, value]) => {
      const label = renderTemplate(texts.earlier, { label: key });
      const path = `extensions.${key}`;
      return typeof value === 'boolean' || value === 'yes' || value === 'no'
        ? yesNoSelect(v, path, { label })
        : v.text(path, { label, wide: true, multiline: typeof value === 'string' && value.includes('\n') });
    });
}
