/** The read-back check's questions under the read-back: each fact it leaves out, with "Dismiss". */
import { html, nothing, type TemplateResult } from 'lit';
import { renderTemplate } from '../../payload/template.js';
import type { HandoffMessages } from '../messages/catalogue.js';
import type { FactToCarry, ReadBackResult } from '../../read-back/index.js';
import type { ReceiptTexts } from './handoff-receipt.messages.js';

export interface QuestionContext {
  texts: ReceiptTexts;
  options: HandoffMessages['ui']['options'];
  locale: string;
  timeZone: string | undefined;
  onDismiss: (key: string) => void;
}

/** `325 GBP` as the receiver's locale writes money; a `$` of unknown country as `$325`. */
function formatAmount(value: string, locale: string): string {
  const [number, currency] = value.split(' ');
  if (!currency || currency === '$') return `${currency ?? ''}${number}`;
  return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(Number(number));
}

export function question(fact: FactToCarry, c: QuestionContext): string {
  const t = c.texts.readBackCheck;
  switch (fact.kind) {
    case 'amount':
      return renderTemplate(t.amount, { amount: formatAmount(fact.value!, c.locale) });
    case 'deadline': {
      const due = new Intl.DateTimeFormat(c.locale, {
        weekday: 'long',
        day: 'numeric',
        month: 'short',
        hour: 'numeric',
        minute: '2-digit',
        timeZone: c.timeZone,
      }).format(new Date(fact.due));
      return renderTemplate(fact.task ? t.deadline : t.followUp, { task: fact.task, due });
    }
    case 'expectation':
      return renderTemplate(t.expectation, { expectation: fact.text });
    case 'verification':
      return fact.verified
        ? renderTemplate(t.verified, { method: fact.method ? c.texts.methods[fact.method] : '' })
        : t.unverified;
    case 'fallback': {
      const { fallback, ifUnavailable } = fact.contingency;
      const then = c.options.ifUnavailable[ifUnavailable];
      return renderTemplate(t.fallback, { phone: fallback.phone, then });
    }
  }
}

export function renderReadBackQuestions(
  result: ReadBackResult | undefined,
  c: QuestionContext,
): TemplateResult | typeof nothing {
  if (!result) return nothing;
  const open = result.facts.filter((f) => !f.found && !f.dismissed);
  const dismissed = result.facts.filter((f) => f.dismissed).length;
  if (!open.length && !dismissed) return nothing;
  const t = c.texts.readBackCheck;
  return html`<div class="read-back-check" id="read-back-check" part="read-back-check">
    ${
      open.length
        ? html`<p>${t.title}</p>
          <ul>
            ${open.map(({ fact }, i) => {
              const text = question(fact, c);
              return html`<li data-kind=${fact.kind}>
                <span id="rbq-${i}">${text}</span>
                <button
                  type="button"
                  class="secondary"
                  aria-label=${renderTemplate(t.dismissLabel, { question: text })}
                  @click=${() => c.onDismiss(fact.key)}
                >
                  ${t.dismiss}
                </button>
              </li>`;
            })}
          </ul>`
        : nothing
    }
    ${dismissed ? html`<p class="hint">${renderTemplate(t.dismissed, { count: dismissed })}</p>` : nothing}
  </div>`;
}
