/**
 * The receiver directory in the panel: a combobox (the ARIA pattern's list autocomplete) over the
 * directory, and, when the receiver picked is closed or unavailable, what to tell the customer and
 * what to offer instead. Templates only; the state is the DirectoryFeature's.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { renderTemplate } from '../../payload/template.js';
import type { Availability } from '../../directory/types.js';
import type { HandoffDraft } from '../../payload/types.js';
import { en, type DirectoryTexts, type UiTexts } from '../messages/catalogue.js';
import type { DirectoryFeature } from './directory-feature.js';
import { formatWhen as formatShared } from '../shared/format-when.js';

const ID = 'f-directory';

export const directoryTexts = (ui: UiTexts): DirectoryTexts => ui.directory ?? en.ui.directory!;

/** A time as the receiver's clock shows it, and the agent's too when the two differ. */
export const formatWhen = (iso: string, a: Availability, locale: string, texts: DirectoryTexts): string =>
  formatShared(iso, a.timeZone, locale, texts.bothZones);

/** One option's state: "Open until …", "Closed until …", "Away". */
function stateText(a: Availability, locale: string, t: DirectoryTexts): string {
  if (a.status === 'unavailable' && a.presence && a.presence !== 'available') return t.presence[a.presence];
  if (a.status === 'closed')
    return a.opensAt ? renderTemplate(t.closedUntil, { time: formatWhen(a.opensAt, a, locale, t) }) : t.closed;
  return a.closesAt ? renderTemplate(t.openUntil, { time: formatWhen(a.closesAt, a, locale, t) }) : t.open;
}

export interface PickerView {
  directory: DirectoryFeature;
  ui: UiTexts;
  locale: string;
  draft: HandoffDraft;
}

/** The combobox: an input naming its listbox, the highlighted option as its active descendant. */
export function renderReceiverPicker({ directory, ui, locale }: PickerView): TemplateResult | typeof nothing {
  if (!directory.enabled) return nothing;
  const t = directoryTexts(ui);
  const options = directory.options;
  const open = directory.expanded;
  const optionId = (i: number) => `${ID}-option-${i}`;
  return html`<div class="field wide directory" part="directory">
    <div class="label-row"><label for=${ID}>${t.label}</label></div>
    <p class="hint" id="${ID}-hint">${t.hint}</p>
    <input
      id=${ID}
      part="input"
      type="text"
      role="combobox"
      autocomplete="off"
      aria-autocomplete="list"
      aria-expanded=${open && options.length ? 'true' : 'false'}
      aria-controls="${ID}-list"
      aria-describedby="${ID}-hint"
      aria-activedescendant=${open && directory.active >= 0 ? optionId(directory.active) : nothing}
      .value=${directory.query}
      @input=${(e: Event) => directory.search((e.target as HTMLInputElement).value)}
      @keydown=${directory.onKeydown}
      @click=${() => directory.search(directory.query)}
      @blur=${() => directory.close()}
    />
    <ul id="${ID}-list" role="listbox" aria-label=${t.label} class="listbox" ?hidden=${!open}>
      ${options.map((entry, i) => {
        const a = directory.known(entry);
        return html`<li
          id=${optionId(i)}
          role="option"
          aria-selected=${i === directory.active ? 'true' : 'false'}
          class=${a.status === 'open' ? 'open' : 'closed'}
          @mousedown=${(e: Event) => e.preventDefault()}
          @click=${() => directory.pick(entry)}
        >
          <span class="who">${entry.name ? html`${entry.name} · ` : nothing}${entry.team}</span>
          <span class="what">${[entry.expertise, stateText(a, locale, t)].filter(Boolean).join(' · ')}</span>
        </li>`;
      })}
    </ul>
    <p class="hint" aria-live="polite">${open && !options.length ? t.noMatch : nothing}</p>
  </div>`;
}

/**
 * When the picked receiver cannot take the customer now: say so, and offer the contingencies. One live
 * region, always there, so that a screen reader hears the notice when a pick brings it.
 */
export function renderAvailabilityNotice(view: PickerView): TemplateResult | typeof nothing {
  if (!view.directory.enabled) return nothing;
  return html`<div class="wide" part="availability" aria-live="polite">${availabilityNotice(view)}</div>`;
}

function availabilityNotice({ directory, ui, locale, draft }: PickerView): TemplateResult | typeof nothing {
  const picked = directory.picked;
  const a = picked && directory.availability(picked);
  if (!picked || !a || a.status === 'open') return nothing;
  const t = directoryTexts(ui);
  const who = picked.name ?? picked.team;
  const when = (iso: string) => formatWhen(iso, a, locale, t);
  const notice =
    a.status === 'unavailable'
      ? renderTemplate(t.unavailableNotice, {
          who,
          presence: a.presence && a.presence !== 'available' ? t.presence[a.presence] : '',
        })
      : a.opensAt
        ? renderTemplate(t.closedNotice, { who, time: when(a.opensAt) })
        : renderTemplate(t.closedNoticeNoHours, { who });
  const chosen = draft.contingency?.ifUnavailable;
  const offer = (text: string, pressed: boolean, act: () => void) =>
    html`<li>
      <button type="button" class="secondary" aria-pressed=${pressed ? 'true' : 'false'} @click=${act}>${text}</button>
    </li>`;
  const propose = (patch: HandoffDraft) => () => directory.propose(patch);
  const opensAt = a.opensAt;
  return html`<div class="availability">
    <p><strong>${notice}</strong></p>
    <p>${t.proposals}</p>
    <ul class="proposals">
      ${
        opensAt
          ? offer(
              renderTemplate(t.callbackAt, { time: when(opensAt) }),
              chosen === 'callback' && draft.followUp?.at === opensAt,
              propose({ contingency: { ifUnavailable: 'callback' }, followUp: { at: opensAt, by: 'receiver' } }),
            )
          : nothing
      }
      ${offer(t.voicemail, chosen === 'voicemail', propose({ contingency: { ifUnavailable: 'voicemail' } }))}
      ${offer(t.requeue, chosen === 'requeue', propose({ contingency: { ifUnavailable: 'requeue' } }))}
      ${directory
        .alternatives(picked)
        .slice(0, 3)
        .map((alt) =>
          offer(renderTemplate(t.alternative, { who: alt.name ?? alt.team }), false, () => directory.pick(alt)),
        )}
    </ul>
  </div>`;
}

/** The "inform before transfer" line, warning the customer when the receiver may not answer at once. */
export function informLine(line: string, directory: DirectoryFeature, ui: UiTexts): string {
  const picked = directory.picked;
  if (!picked || directory.availability(picked).status === 'open') return line;
  return `${line} ${directoryTexts(ui).informClosed}`;
}

/** What is wrong with the directory, for the panel's configuration errors. */
export function directoryProblems(directory: DirectoryFeature, ui: UiTexts): string[] {
  const t = directoryTexts(ui);
  const out: string[] = [];
  if (directory.problems.length) out.push(renderTemplate(t.problems, { problems: directory.problems.join(' ') }));
  if (directory.loadError) out.push(renderTemplate(t.loadFailed, directory.loadError));
  return out;
}
