import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { OpeningHours } from '../../directory/types.js';
import type { FieldError } from '../../payload/checker.js';
import type { BuildContext } from '../../payload/handoff.js';
import type { HandoffDraft, HandoffQuality, QualityCheck, TimingWarning } from '../../payload/types.js';
import { optionalChecks } from '../../template/applies.js';
import type { HandoffTemplate, TemplateSection } from '../../template/types.js';
import { timingWarnings } from '../../timing/timing-warnings.js';
import { en, type UiTexts } from '../messages/catalogue.js';
import { controlPath } from '../shared/paths.js';
import { itemText } from './quality-checklist.js';
import type { PanelView } from './sections.js';
import { timingText } from './timing-text.js';
import { renderEarlierFields } from './earlier-fields.js';

type Feature = typeof import('./template-fields.js');

/** Checks whose field, a checkbox, already says what to do; the checklist's words fit repeat transfers only. */
const SELF_EXPLAINED: ReadonlySet<string> = new Set(['apology-given', 'details-confirmed', 'customer-informed']);

/** What the panel's steps show of the template and of the timing, for one render. */
export interface TemplateView {
  problem: string | undefined;
  custom(section: TemplateSection, view: PanelView): TemplateResult | typeof nothing;
  /** The timing warning's words at a control path, if it has one. */
  timing(path: string): string | undefined;
}

export interface TemplateSettings {
  /** `config.template` as given. */
  source(): unknown;
  /** The receiver's hours, when the directory knows them. */
  hours(): OpeningHours | undefined;
  /**
   * ms since the epoch.
   * @default Date.now
   */
  now?(): number;
}

/**
 * The organisation's template in the panel: checked once per template given (a bad one is a visible
 * configuration error, and the panel works without it), and the timing the receiver cannot meet.
 */
export class TemplateController implements ReactiveController {
  #source: unknown;
  #template: HandoffTemplate | undefined;
  #problem: string | undefined;
  /** The template's own file (checking and fields): a page without a template never downloads it. */
  #feature: Feature | undefined;
  #fetching = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly settings: TemplateSettings,
  ) {
    host.addController(this);
  }

  hostUpdate(): void {
    const source = this.settings.source();
    if (source === this.#source) return;
    this.#source = source;
    this.#template = undefined;
    this.#problem = undefined;
    if (source === undefined) return;
    if (this.#feature) this.#check(this.#feature);
    else this.#load();
  }

  #check(feature: Feature): void {
    try {
      this.#template = feature.checkTemplate(this.#source);
    } catch (error) {
      this.#problem = (error as Error).message;
      console.error(`<handoff-panel>: config.template was not used. ${this.#problem}`);
    }
  }

  /** Loads the template's file once; after a failure, again only when the agent sends (not on every render). */
  #load(): void {
    if (this.#fetching) return;
    this.#fetching = true;
    void import('./template-fields.js').then(
      (feature) => {
        this.#feature = feature;
        this.#problem = undefined;
        this.#check(feature);
        this.host.requestUpdate();
      },
      (error: unknown) => {
        this.#fetching = false;
        this.#problem = `The template's file did not load (${error instanceof Error ? error.message : String(error)}); sending tries again.`;
        console.error(`<handoff-panel>: ${this.#problem}`);
        this.host.requestUpdate();
      },
    );
  }

  /**
   * Whether a handoff may be built now: not while the template's file is on its way, as its required
   * fields would be missed (they appear, and the agent sends again). Synchronous, so that two quick
   * sends cannot both pass.
   */
  ready(): boolean {
    if (this.settings.source() === undefined || this.#feature) return true;
    this.#load();
    return false;
  }

  get template(): HandoffTemplate | undefined {
    return this.#template;
  }

  /** What is wrong with the template given, for the configuration error line. */
  get problem(): string | undefined {
    return this.#problem;
  }

  buildContext(): Pick<BuildContext, 'template' | 'timing'> {
    return { template: this.#template, timing: { hours: this.settings.hours() } };
  }

  /** Due times and a follow-up the receiver cannot meet, as the draft stands now. */
  warnings(draft: HandoffDraft): TimingWarning[] {
    return timingWarnings(draft, {
      now: this.settings.now?.() ?? Date.now(),
      hours: this.settings.hours(),
      minimumNoticeMinutes: this.#template?.timing?.minimumNoticeMinutes,
    });
  }

  view(draft: HandoffDraft, ui: UiTexts, locale: string): TemplateView {
    const warnings = this.warnings(draft);
    const zone = this.settings.hours()?.timeZone ?? draft.to?.availability?.timeZone;
    return {
      problem: this.#problem,
      custom: (section, view) =>
        html`${this.#feature?.renderCustomFields(view, section, this.#template, locale) ?? nothing}${
          section === 'check' ? renderEarlierFields(view, this.#template) : nothing
        }`,
      timing: (path) => {
        const warning = warnings.find((w) => controlPath(w.field) === path);
        return warning && timingText(warning, draft, ui, locale, zone);
      },
    };
  }

  /**
   * A required move refused at a field that is filled says what the move still needs: the quality
   * checklist's words for its check (a summary of ten words, a script that names the receiver).
   */
  explain(errors: FieldError[], draft: HandoffDraft, ui: UiTexts): FieldError[] {
    const texts = ui.quality ?? en.ui.quality!;
    return errors.map((e) => {
      const check = e.params.check as QualityCheck | undefined;
      if (
        e.code !== 'required-by-template' ||
        !check ||
        !Object.hasOwn(texts.checks, check) ||
        SELF_EXPLAINED.has(check)
      )
        return e;
      return { ...e, message: `${e.message} ${itemText({ check, field: e.path }, draft, texts)}` };
    });
  }

  /** The checklist without the checks the organisation's protocol does not ask for here. */
  withoutOptional(quality: HandoffQuality, draft: HandoffDraft): HandoffQuality {
    const optional = optionalChecks(this.#template, draft.reason?.code, draft.channel);
    return optional.size ? { ...quality, missing: quality.missing.filter((m) => !optional.has(m.check)) } : quality;
  }
}
