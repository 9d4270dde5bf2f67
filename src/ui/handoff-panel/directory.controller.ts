import { nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { AvailabilityHook, DirectoryEntry, OpeningHours } from '../../directory/types.js';
import type { HandoffDraft } from '../../payload/types.js';
import { renderTemplate } from '../../payload/template.js';
import { en, type UiTexts } from '../messages/catalogue.js';
import type { DirectoryFeature } from './directory-feature.js';

export interface DirectoryHost extends ReactiveControllerHost {
  renderRoot: HTMLElement | DocumentFragment;
}

export interface DirectorySettings {
  /** The directory as configured: entries, or a URL. */
  source(): readonly DirectoryEntry[] | string | undefined;
  hook(): AvailabilityHook | undefined;
  /** The draft now. */
  draft(): HandoffDraft;
  /** Puts a picked entry (or a proposal) on the draft. */
  fill(patch: HandoffDraft): void;
}

/** What the panel shows of the directory: the combobox, the notice, the warned inform line, problems. */
export interface DirectoryView {
  picker: TemplateResult | typeof nothing;
  availability: TemplateResult | typeof nothing;
  inform(line: string): string;
  problems: string[];
}

const NONE: DirectoryView = { picker: nothing, availability: nothing, inform: (line) => line, problems: [] };

/**
 * The receiver directory, loaded (its own file in the script tag) the first time a panel is given one:
 * a CRM page without a directory never downloads it.
 */
export class DirectoryController implements ReactiveController {
  #feature: DirectoryFeature | undefined;
  #loading: Promise<void> | undefined;
  #failed: string | undefined;

  constructor(
    private readonly host: DirectoryHost,
    private readonly settings: DirectorySettings,
  ) {
    host.addController(this);
  }

  hostUpdate(): void {
    if (this.#feature) return this.#feature.hostUpdate();
    if (this.settings.source() !== undefined) void this.#load();
  }

  #load(): Promise<void> {
    return (this.#loading ??= import('./directory-feature.js').then(
      ({ DirectoryFeature }) => {
        this.#feature = new DirectoryFeature(this.host, this.settings);
        this.host.requestUpdate();
      },
      (error: unknown) => {
        // The SDK's own file did not arrive (offline, a proxy): the agent types the receiver instead.
        this.#loading = undefined;
        this.#failed = error instanceof Error ? error.message : String(error);
        this.host.requestUpdate();
      },
    ));
  }

  /** The payload's `to.availability`, when the receiver is a directory entry. */
  annotate(draft: HandoffDraft): HandoffDraft {
    return this.#feature?.annotate(draft) ?? draft;
  }

  /** The hours of the receiver picked from the directory. */
  hours(): OpeningHours | undefined {
    return this.#feature?.picked?.hours;
  }

  view(ui: UiTexts, locale: string, draft: HandoffDraft): DirectoryView {
    if (this.#feature) return this.#feature.view(ui, locale, draft);
    if (!this.#failed) return NONE;
    const texts = ui.directory ?? en.ui.directory!;
    return { ...NONE, problems: [renderTemplate(texts.loadFailed, { url: 'the SDK', reason: this.#failed })] };
  }
}
