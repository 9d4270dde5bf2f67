/**
 * The insights' charts as SVG drawn by Lit: columns over days (stacked by series) and horizontal bars.
 * Each is a figure with its caption, an SVG the caption names, and the same numbers as a table for
 * those who read rather than look. Colours come from classes (no inline styles: a strict CSP holds).
 */
import { html, nothing, svg, type TemplateResult } from 'lit';

export interface Series {
  name: string;
  values: number[];
}

export interface Bar {
  label: string;
  value: number;
  /** Shown after the bar instead of the value, e.g. "42 (18%)". */
  text?: string;
}

const WIDTH = 640;
const COLUMNS_HEIGHT = 180;
const AXIS = 24;
/** Room above the tallest column for its total. */
const HEAD = 14;

let figureCount = 0;
const nextId = () => `chart-${++figureCount}`;

function figure(caption: string, chart: TemplateResult, table: TemplateResult, note?: string): TemplateResult {
  const id = nextId();
  return html`<figure part="chart">
    <figcaption id=${id}>${caption}</figcaption>
    ${note ? html`<p class="note">${note}</p>` : nothing}
    <div class="chart" role="img" aria-labelledby=${id}>${chart}</div>
    <details>
      <summary>Numbers</summary>
      ${table}
    </details>
  </figure>`;
}

/** Every n-th day labelled, so that labels never overlap. */
const labelEvery = (count: number) => Math.max(1, Math.ceil(count / 8));

/** Columns per day, one stacked segment per series (in the order given). */
export function columnsOverDays(caption: string, labels: readonly string[], series: readonly Series[], note?: string) {
  const totals = labels.map((_, i) => series.reduce((sum, s) => sum + (s.values[i] ?? 0), 0));
  const top = Math.max(1, ...totals);
  const step = (WIDTH - 8) / Math.max(1, labels.length);
  const barWidth = Math.max(2, step * 0.7);
  const plot = COLUMNS_HEIGHT - AXIS - HEAD;
  const scale = (n: number) => (n / top) * plot;
  const every = labelEvery(labels.length);
  const columns = labels.map((label, i) => {
    let y = COLUMNS_HEIGHT - AXIS;
    const x = 4 + i * step + (step - barWidth) / 2;
    const segments = series.map((s, k) => {
      const h = scale(s.values[i] ?? 0);
      y -= h;
      return h > 0
        ? svg`<rect class="s${k}" x=${x} y=${y} width=${barWidth} height=${h}><title>${label}: ${s.name} ${s.values[i]}</title></rect>`
        : nothing;
    });
    return svg`${segments}
      ${totals[i] ? svg`<text class="value" x=${x + barWidth / 2} y=${y - 3} text-anchor="middle">${totals[i]}</text>` : nothing}
      ${i % every === 0 ? svg`<text class="axis" x=${x + barWidth / 2} y=${COLUMNS_HEIGHT - 6} text-anchor="middle">${label.slice(5)}</text>` : nothing}`;
  });
  const chart = html`<svg viewBox="0 0 ${WIDTH} ${COLUMNS_HEIGHT}" aria-hidden="true" focusable="false">
      <line class="baseline" x1="0" x2=${WIDTH} y1=${COLUMNS_HEIGHT - AXIS} y2=${COLUMNS_HEIGHT - AXIS}></line>
      ${columns}
    </svg>
    ${series.length > 1 ? legend(series.map((s) => s.name)) : nothing}`;
  const table = html`<table>
    <thead>
      <tr>
        <th scope="col">Day</th>
        ${series.map((s) => html`<th scope="col">${s.name}</th>`)}
      </tr>
    </thead>
    <tbody>
      ${labels.map(
        (label, i) =>
          html`<tr>
            <th scope="row">${label}</th>
            ${series.map((s) => html`<td>${s.values[i] ?? 0}</td>`)}
          </tr>`,
      )}
    </tbody>
  </table>`;
  return figure(caption, chart, table, note);
}

function legend(names: readonly string[]): TemplateResult {
  return html`<ul class="legend">
    ${names.map(
      (name, k) =>
        html`<li>
          <svg viewBox="0 0 10 10" aria-hidden="true" focusable="false"><rect class="s${k}" width="10" height="10"></rect></svg
          >${name}
        </li>`,
    )}
  </ul>`;
}

const BAR_HEIGHT = 22;
const LABEL_WIDTH = 220;

/** One horizontal bar per entry, longest first as given; `empty` when there is nothing to draw. */
export function horizontalBars(caption: string, bars: readonly Bar[], empty: string, note?: string) {
  if (!bars.length) return figure(caption, html`<p class="empty">${empty}</p>`, html`<p>${empty}</p>`, note);
  const top = Math.max(1, ...bars.map((b) => b.value));
  const room = WIDTH - LABEL_WIDTH - 90;
  const height = bars.length * BAR_HEIGHT + 4;
  const chart = html`<svg viewBox="0 0 ${WIDTH} ${height}" aria-hidden="true" focusable="false">
    ${bars.map((bar, i) => {
      const y = 2 + i * BAR_HEIGHT;
      const w = Math.max(bar.value ? 2 : 0, (bar.value / top) * room);
      return svg`<text class="label" x=${LABEL_WIDTH - 8} y=${y + 15} text-anchor="end">${clip(bar.label)}</text>
        <rect class="s0" x=${LABEL_WIDTH} y=${y + 3} width=${w} height=${BAR_HEIGHT - 6}></rect>
        <text class="value" x=${LABEL_WIDTH + w + 6} y=${y + 15}>${bar.text ?? bar.value}</text>`;
    })}
  </svg>`;
  const table = html`<table>
    <tbody>
      ${bars.map(
        (bar) =>
          html`<tr>
            <th scope="row">${bar.label}</th>
            <td>${bar.text ?? bar.value}</td>
          </tr>`,
      )}
    </tbody>
  </table>`;
  return figure(caption, chart, table, note);
}

/** Labels in the SVG are cut to fit; the table below has them whole. */
const clip = (text: string) => (text.length > 30 ? `${text.slice(0, 29)}…` : text);
