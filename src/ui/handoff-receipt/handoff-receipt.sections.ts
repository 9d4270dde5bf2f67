/**
 * The receipt's blocks, in the order the receiver needs them: who and why, the customer and what was
 * verified, the recap, actions by due time, what the customer was told, the fallback plan, earlier
 * acknowledgements. Templates only.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ackOf } from '../../acks/watch-acks.js';
import { renderTemplate } from '../../payload/template.js';
import type { UiTexts } from '../messages/catalogue.js';
import type { TemplateTexts } from '../messages/template-texts.js';
import { renderOrganisation, timingNote } from './handoff-receipt.template.js';
import type { ReceiptTexts } from './handoff-receipt.messages.js';
import { actionOrder } from '../../timing/timing-warnings.js';
import type { ReceivedHandoff } from './received.js';

/** What the blocks need for one render. */
export interface ReceiptView {
  h: ReceivedHandoff;
  t: ReceiptTexts;
  options: UiTexts['options'];
  /** A date-time in the receiver's language; empty for none or an unreadable one. */
  time(iso: string | undefined): string;
  template: TemplateTexts;
  /** The organisation's field labels by path (`extensions.orderNumber`). */
  labels: Record<string, string>;
}

function section(id: string, title: string, content: TemplateResult): TemplateResult {
  return html`<section part="section" aria-labelledby="h-${id}">
    <h3 id="h-${id}">${title}</h3>
    ${content}
  </section>`;
}

function header({ h, t, time }: ReceiptView): TemplateResult {
  const flagged = h.transfer.flagged;
  const from = renderTemplate(t.from, {
    name: h.from.name,
    team: h.from.team,
    case: h.case.id,
    time: time(h.receivedAt) || undefined,
  });
  return html`<header>
    <div>
      <h2 id="title">${renderTemplate(t.title, { customer: h.customer.name })}</h2>
      <p class="meta">${from} ${h.training ? html`<span class="tag training">${t.training}</span>` : nothing}</p>
    </div>
    <p class="transfer ${flagged ? 'flagged' : ''}" part="transfer">${renderTemplate(flagged ? t.flagged : t.transfer, { count: h.transfer.count })}</p>
  </header>`;
}

function why({ h, t, options: o }: ReceiptView): TemplateResult {
  return section(
    'why',
    t.sections.why,
    html`<p><strong>${o.reason[h.reason.code]}</strong>: <span class="quote">${h.reason.detail}</span></p>
      <p class="meta">${t.labels.priority}: ${o.priority[h.priority]} · ${t.labels.channel}: ${o.channel[h.channel]}</p>
      <p>${renderTemplate(t.mode[h.mode], { name: h.from.name })}</p>`,
  );
}

function customer({ h, t, time }: ReceiptView): TemplateResult {
  const c = h.customer;
  const v = c.verification;
  const rows: [string, string | undefined][] = [
    [t.labels.account, c.accountId],
    [t.labels.phone, c.contact.phone],
    [t.labels.email, c.contact.email],
    [t.labels.language, c.language],
  ];
  const method = v.method === 'other' && v.methodDetail ? v.methodDetail : v.method && t.methods[v.method];
  const verified = renderTemplate(t.verified, { method: method ?? '', by: v.by, time: time(v.at) });
  return section(
    'customer',
    t.sections.customer,
    html`<p><strong>${c.name}</strong></p>
      <dl>
        ${rows
          .filter(([, value]) => value)
          .map(
            ([label, value]) =>
              html`<dt>${label}</dt>
                <dd>${value}</dd>`,
          )}
      </dl>
      ${
        v.status === 'verified'
          ? html`<p part="verification" class="verified">${verified} ${t.noReverify}</p>`
          : html`<p part="verification" class="unverified">${t.unverified}</p>`
      }`,
  );
}

function recap({ h, t }: ReceiptView): TemplateResult {
  const { recap } = h;
  return section(
    'recap',
    t.sections.recap,
    html`<p class="quote">${recap.summary}</p>
      ${
        recap.tried.length
          ? html`<h4 class="meta">${t.labels.tried}</h4>
              <ul>
                ${recap.tried.map((step) => html`<li>${step}</li>`)}
              </ul>`
          : nothing
      }
      ${
        recap.expectation
          ? html`<dl>
              <dt>${t.labels.expectation}</dt>
              <dd>${recap.expectation}</dd>
            </dl>`
          : nothing
      }`,
  );
}

function actions({ h, t, options: o, time, template }: ReceiptView): TemplateResult {
  const now = Date.now();
  const item = (i: number) => {
    const a = h.actions[i]!;
    const overdue = a.due !== undefined && Date.parse(a.due) < now;
    const warned = timingNote(h, `actions[${i}].due`, template, time);
    return html`<li>
      <strong>${o.owner[a.owner]}</strong>: ${a.text}
      <span class="meta">— ${renderTemplate(a.due ? t.due : t.noDue, { time: time(a.due) })}</span>${
        overdue ? html`<span class="tag overdue">${t.overdue}</span>` : nothing
      }${warned ? html` <span class="tag warned">${warned}</span>` : nothing}
    </li>`;
  };
  const warnedFollowUp = timingNote(h, 'followUp.at', template, time);
  const followUp =
    h.followUp &&
    renderTemplate(t.followUp, { time: time(h.followUp.at), who: o.followUpBy[h.followUp.by], note: h.followUp.note }) +
      (warnedFollowUp ? ` (${warnedFollowUp})` : '');
  return section(
    'actions',
    t.sections.actions,
    html`${
      h.actions.length
        ? html`<ol part="actions">
              ${actionOrder(h.actions).map(item)}
            </ol>`
        : html`<p>${t.noActions}</p>`
    }
      <dl>
        ${
          h.nextSteps
            ? html`<dt>${t.labels.nextSteps}</dt>
                <dd class="quote">${h.nextSteps}</dd>`
            : nothing
        }
        ${
          followUp
            ? html`<dt>${t.labels.followUp}</dt>
                <dd>${followUp}</dd>`
            : nothing
        }
      </dl>`,
  );
}

function told({ h, t }: ReceiptView): TemplateResult {
  const checks = ['customerInformed', 'apologyGiven', 'detailsConfirmed'] as const;
  return section(
    'told',
    t.sections.told,
    html`<dl>
        <dt>${t.labels.managingUp}</dt>
        <dd class="quote">${h.script.managingUp}</dd>
      </dl>
      <ul>
        ${checks.map((key) => html`<li>${t.checklist[key]}: <strong>${h.script[key] ? t.yes : t.no}</strong></li>`)}
      </ul>`,
  );
}

function contingency({ h, t, options: o }: ReceiptView): TemplateResult | typeof nothing {
  const c = h.contingency;
  if (!c && !h.from.callback) return nothing;
  const fallback = c ? [c.fallback.name, c.fallback.hours].filter(Boolean).join(', ') : '';
  const plans = c?.plans?.length
    ? html`<dt>${t.labels.plans}</dt>
        <dd>
          <ul>
            ${c.plans.map((p) => html`<li>${renderTemplate(t.plan, { if: p.if, then: p.then })}</li>`)}
          </ul>
        </dd>`
    : nothing;
  return section(
    'contingency',
    t.sections.contingency,
    html`<dl>
      ${
        c
          ? html`<dt>${t.labels.fallback}</dt>
              <dd><a href="tel:${c.fallback.phone}">${c.fallback.phone}</a>${fallback ? ` (${fallback})` : ''}</dd>
              <dt>${t.labels.ifUnavailable}</dt>
              <dd>${o.ifUnavailable[c.ifUnavailable]}</dd>
              ${plans}
              ${
                c.note
                  ? html`<dt>${t.labels.note}</dt>
                      <dd class="quote">${c.note}</dd>`
                  : nothing
              }`
          : nothing
      }
      ${
        h.from.callback
          ? html`<dt>${t.labels.callback}</dt>
              <dd><a href="tel:${h.from.callback}">${h.from.callback}</a></dd>`
          : nothing
      }
    </dl>`,
  );
}

function acks({ h, t, time }: ReceiptView): TemplateResult | typeof nothing {
  const list = (h.acks ?? []).map(ackOf);
  if (!list.length) return nothing;
  return section(
    'acks',
    t.sections.acks,
    html`<ul>
      ${list.map(
        (a) =>
          html`<li>
            ${
              a.accepted
                ? renderTemplate(t.ackAccepted, { name: a.by.name, time: time(a.at), readBack: a.readBack })
                : renderTemplate(t.ackDeclined, { name: a.by.name, time: time(a.at), reason: a.declineReason })
            }
          </li>`,
      )}
    </ul>`,
  );
}

/** Everything about the handoff itself, before the receiver's response. */
export function renderReceiptSections(v: ReceiptView): TemplateResult {
  const organisation = renderOrganisation({ h: v.h, texts: v.template, labels: v.labels, time: v.time });
  return html`${header(v)} ${why(v)} ${customer(v)} ${recap(v)} ${actions(v)} ${organisation} ${told(v)} ${contingency(v)} ${acks(v)}`;
}
