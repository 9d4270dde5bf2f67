/**
 * The gentle checklist above "Send handoff": what the handoff still lacks on the moves of a good
 * handoff (`assessQuality`), each a link to its field. It informs and never blocks sending.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { renderTemplate } from '../../payload/template.js';
import type { HandoffDraft, HandoffQuality, QualityMiss } from '../../payload/types.js';
import { en, type QualityTexts } from '../messages/catalogue.js';
import { controlId, getPath } from '../shared/paths.js';

/** The control a missing item points at: a list's entries share one text area; no actions yet, the add button. */
export function qualityFocusPath(field: string): string {
  if (field === 'actions') return 'add-action';
  return field.replace(/^(recap\.tried)\[\d+\]$/, '$1');
}

const ACTION_WORDS = 6;

export function itemText(miss: QualityMiss, draft: HandoffDraft, texts: QualityTexts): string {
  const template = texts.checks[miss.check];
  if (miss.check !== 'action-due') return template;
  const value = getPath(draft, miss.field.replace(/\[(\d+)\]\.due$/, '.$1.text'));
  const text = typeof value === 'string' ? value.trim() : '';
  const words = text.split(/\s+/);
  const action = words.length > ACTION_WORDS ? `${words.slice(0, ACTION_WORDS).join(' ')}…` : text;
  return renderTemplate(template, { action });
}

export function renderQualityChecklist(
  quality: HandoffQuality,
  draft: HandoffDraft,
  catalogueTexts: QualityTexts | undefined,
  onPick: (path: string) => void,
): TemplateResult | typeof nothing {
  // A catalogue written before the checklist existed still renders it, in English.
  const texts = catalogueTexts ?? en.ui.quality!;
  const score = renderTemplate(texts.score, { score: quality.score, max: quality.max });
  const idOf = (path: string) => (path === 'add-action' ? path : controlId(path));
  return html`<section class="quality" part="quality" aria-labelledby="quality-title">
    <h3 id="quality-title">${texts.title} <span class="score">${score}</span></h3>
    ${
      quality.missing.length
        ? html`<p class="hint">${texts.hint}</p>
          <ul>
            ${quality.missing.map((miss) => {
              const path = qualityFocusPath(miss.field);
              return html`<li data-check=${miss.check}>
                <a
                  href="#${idOf(path)}"
                  @click=${(event: Event) => {
                    event.preventDefault();
                    onPick(path);
                  }}
                  >${itemText(miss, draft, texts)}</a
                >
              </li>`;
            })}
          </ul>`
        : html`<p class="hint">${texts.allDone}</p>`
    }
  </section>`;
}
