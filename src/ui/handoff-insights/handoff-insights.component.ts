import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { renderTemplate } from '../../payload/template.js';
import { changedStructurally } from '../shared/equal.js';
import { textReset, tokenStyles } from '../shared/tokens.styles.js';
import { columnsOverDays, horizontalBars } from './charts.js';
import { insightsStyles } from './handoff-insights.styles.js';
import type { Insights } from './insights.types.js';
import { INSIGHTS_TEXTS_EN, type InsightsTexts } from './insights.texts.js';

export type { Insights } from './insights.types.js';
export type { InsightsTexts } from './insights.texts.js';

type Load =
  | { state: 'loading' }
  | { state: 'loaded'; insights: Insights }
  | { state: 'failed'; reason: string }
  | { state: 'token' };

const PERIODS = [7, 28, 90, 365];
const REASON_ORDER = ['escalation', 'specialist', 'shift-change', 'absence-cover', 'other'] as const;

const percent = (share: number) => `${Math.round(share * 100)}%`;
function duration(seconds: number | null): string {
  if (seconds === null) return '—';
  if (seconds < 90) return `${Math.round(seconds)} s`;
  if (seconds < 5400) return `${Math.round(seconds / 60)} min`;
  return `${(seconds / 3600).toFixed(1)} h`;
}

/** What a fetch answered, as insights or as the reason it is none. */
async function readInsights(res: Response): Promise<Insights | { problem: string } | 'token'> {
  if (res.status === 401) return 'token';
  const type = res.headers.get('content-type') ?? '';
  if (!type.includes('application/json')) return { problem: `HTTP ${res.status}, not JSON (a login page?)` };
  const body = (await res.json().catch(() => undefined)) as (Insights & { error?: string }) | undefined;
  if (!res.ok) return { problem: body?.error ?? `HTTP ${res.status}` };
  if (!body || !Array.isArray(body.labels) || typeof body.handoffs !== 'number')
    return { problem: 'the answer is not the receiver’s insights' };
  return body;
}

/**
 * `<handoff-insights>`: a team lead's view of where handoffs fail, from the reference receiver's
 * `GET /insights`: handoffs per reason and per team over time, the priority lane, declines and why,
 * time to acknowledge, quality scores, the most common missing items, what read-backs missed.
 *
 * @tagname handoff-insights
 * @csspart chart - each figure
 */
export class HandoffInsights extends LitElement {
  static override styles = [tokenStyles, textReset('.base'), insightsStyles];

  static override properties = {
    src: { type: String },
    days: { type: Number },
    timeZone: { type: String, attribute: 'time-zone' },
    includeTraining: { type: Boolean, attribute: 'include-training' },
    token: { attribute: false },
    texts: { attribute: false, hasChanged: changedStructurally },
    load: { state: true },
  };

  /**
   * The receiver's insights URL.
   * @default '/insights'
   */
  declare src: string;
  /** @default 28 */
  declare days: number;
  /** Days are counted in this zone. @default the browser's own */
  declare timeZone: string | undefined;
  /** Counts training and demo handoffs too. @default false */
  declare includeTraining: boolean;
  /** The receiver's bearer token, kept in memory only (asked for when the receiver needs one). */
  declare token: string | undefined;
  /** Replacement texts. */
  declare texts: Partial<InsightsTexts> | undefined;
  declare protected load: Load;
  #seq = 0;

  constructor() {
    super();
    this.src = '/insights';
    this.days = 28;
    this.includeTraining = false;
    this.load = { state: 'loading' };
  }

  get #t(): InsightsTexts {
    return { ...INSIGHTS_TEXTS_EN, ...this.texts };
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (['src', 'days', 'timeZone', 'includeTraining', 'token'].some((k) => changed.has(k))) void this.refresh();
  }

  /** Loads the insights again (the newest request wins). */
  async refresh(): Promise<void> {
    const seq = ++this.#seq;
    this.load = { state: 'loading' };
    const url = new URL(this.src, document.baseURI);
    url.searchParams.set('days', String(this.days));
    url.searchParams.set('timeZone', this.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone);
    url.searchParams.set('training', this.includeTraining ? 'include' : 'exclude');
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (this.token) headers.Authorization = `Bearer ${this.token}`;
    const result = await fetch(url, { headers, cache: 'no-store' }).then(readInsights, (e: unknown) => ({
      problem: e instanceof Error ? e.message : String(e),
    }));
    if (seq !== this.#seq) return;
    if (result === 'token') this.load = { state: 'token' };
    else if ('problem' in result) this.load = { state: 'failed', reason: result.problem };
    else this.load = { state: 'loaded', insights: result };
  }

  readonly #onControls = (event: Event): void => {
    const target = event.target as HTMLInputElement | HTMLSelectElement;
    if (target.name === 'days') this.days = Number(target.value);
    if (target.name === 'training') this.includeTraining = (target as HTMLInputElement).checked;
  };

  readonly #onToken = (event: SubmitEvent): void => {
    event.preventDefault();
    const input = (event.target as HTMLFormElement).elements.namedItem('token') as HTMLInputElement;
    this.token = input.value.trim() || undefined;
  };

  #controls(t: InsightsTexts): TemplateResult {
    return html`<form class="controls" @change=${this.#onControls} @submit=${(e: Event) => e.preventDefault()}>
      <label
        >${t.days}
        <select name="days">
          ${PERIODS.map(
            (d) =>
              html`<option value=${d} ?selected=${d === this.days}>${renderTemplate(t.daysOption, { days: d })}</option>`,
          )}
        </select></label
      >
      <label class="check"><input type="checkbox" name="training" .checked=${this.includeTraining} />${t.includeTraining}</label>
    </form>`;
  }

  #status(t: InsightsTexts): TemplateResult {
    const text =
      this.load.state === 'loading'
        ? t.loading
        : this.load.state === 'failed'
          ? renderTemplate(t.failed, { reason: this.load.reason })
          : this.load.state === 'token'
            ? t.tokenNeeded
            : '';
    return html`<p class="status ${this.load.state}" role="status" aria-live="polite">${text}</p>`;
  }

  #tokenForm(t: InsightsTexts): TemplateResult {
    return html`<form class="token" @submit=${this.#onToken}>
      <label>${t.token} <input name="token" type="password" autocomplete="off" required /></label>
      <button type="submit">${t.show}</button>
    </form>`;
  }

  #headline(i: Insights, t: InsightsTexts): TemplateResult {
    const h = t.headline;
    const answered = i.acks.acknowledged + i.acks.declined;
    const entries: [string, string][] = [
      [h.handoffs, String(i.handoffs)],
      [h.priorityLane, percent(i.priorityLane.share)],
      [h.acknowledged, String(i.acks.acknowledged)],
      [h.declined, String(i.acks.declined)],
      [h.waiting, String(i.acks.pending)],
      [h.medianAck, duration(i.timeToAck.medianSeconds)],
      [h.quality, i.quality.mean === null ? '—' : `${i.quality.mean.toFixed(1)} / ${i.quality.max}`],
      [h.readBackComplete, i.readBack.checked ? percent(i.readBack.complete / i.readBack.checked) : '—'],
    ];
    return html`<dl class="headline" data-answered=${answered}>
      ${entries.map(([term, value]) => html`<div><dt>${term}</dt><dd>${value}</dd></div>`)}
    </dl>`;
  }

  #charts(i: Insights, t: InsightsTexts): TemplateResult {
    const c = t.charts;
    const reasons = REASON_ORDER.map((code) => ({ name: t.reasons[code], values: i.byReason[code] ?? [] }));
    const teams = i.byTeam.map((team) => ({
      label: team.team ?? renderTemplate(c.otherTeams, { count: team.teams ?? 0 }),
      value: team.total,
    }));
    const acks = [
      { label: t.headline.acknowledged, value: i.acks.acknowledged },
      { label: t.headline.declined, value: i.acks.declined },
      { label: t.headline.waiting, value: i.acks.pending },
    ];
    const missing = i.quality.missing.map((m) => ({
      label: t.checks[m.check] ?? m.check,
      value: m.count,
      text: `${m.count} (${percent(m.share)})`,
    }));
    const missed = i.readBack.missed
      .filter((m) => m.count)
      .sort((a, b) => b.count - a.count)
      .map((m) => ({ label: t.facts[m.kind] ?? m.kind, value: m.count }));
    return html`<div class="charts">
      ${columnsOverDays(c.byReason, i.labels, reasons)}
      ${horizontalBars(c.byTeam, teams, c.empty)}
      ${columnsOverDays(c.priorityLane, i.labels, [{ name: t.headline.priorityLane, values: i.priorityLane.byDay }])}
      ${horizontalBars(c.acks, acks, c.empty)}
      ${horizontalBars(
        c.declines,
        i.acks.declineReasons.map((d) => ({ label: d.reason || '—', value: d.count })),
        c.noDeclines,
      )}
      ${horizontalBars(
        c.timeToAck,
        i.timeToAck.buckets.map((b, k) => ({ label: t.ackBuckets[k] ?? String(b.upToSeconds), value: b.count })),
        c.noAcks,
      )}
      ${horizontalBars(
        renderTemplate(c.quality, { max: i.quality.max }),
        i.quality.scores
          .filter((s) => s.count)
          .map((s) => ({ label: `${s.score}`, value: s.count }))
          .reverse(),
        c.empty,
      )}
      ${horizontalBars(c.missing, missing, c.nothingMissing)}
      ${horizontalBars(c.readBack, missed, i.readBack.checked ? c.nothingMissing : c.noReadBacks)}
    </div>`;
  }

  protected override render(): TemplateResult {
    const t = this.#t;
    const i = this.load.state === 'loaded' ? this.load.insights : undefined;
    return html`<section class="base" aria-labelledby="insights-title">
      <header>
        <h2 id="insights-title">${t.title}</h2>
        ${i ? html`<p class="range">${renderTemplate(t.range, i.range)}</p>` : nothing}
      </header>
      ${this.#controls(t)} ${this.#status(t)} ${this.load.state === 'token' ? this.#tokenForm(t) : nothing}
      ${
        i
          ? html`${this.#headline(i, t)}
            ${i.trainingLeftOut ? html`<p class="note">${renderTemplate(t.trainingLeftOut, { count: i.trainingLeftOut })}</p>` : nothing}
            ${i.truncated ? html`<p class="note">${renderTemplate(t.truncated, { count: 50000 })}</p>` : nothing}
            ${this.#charts(i, t)}`
          : nothing
      }
    </section>`;
  }
}
