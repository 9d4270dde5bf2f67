import { availabilityOf } from '../../directory/availability.js';
import { describeHours } from '../../directory/describe-hours.js';
import { checkDirectory, type CheckedDirectory } from '../../directory/check-directory.js';
import { sameExpertise, searchDirectory } from '../../directory/search-directory.js';
import type { Availability, DirectoryEntry, Presence } from '../../directory/types.js';
import type { UiTexts } from '../messages/catalogue.js';
import { PRESENCES, type FollowUpBy, type HandoffDraft, type IfUnavailable } from '../../payload/types.js';
import type { DirectoryHost, DirectorySettings, DirectoryView } from './directory.controller.js';
import { loadDirectory } from './directory-source.js';
import { directoryProblems, informLine, renderAvailabilityNotice, renderReceiverPicker } from './receiver-picker.js';

export type Entry = CheckedDirectory['entries'][number];

/** How long the host's presence answer is trusted, and how long it may take. */
const PRESENCE_TTL_MS = 60_000;
const PRESENCE_TIMEOUT_MS = 2_000;

/**
 * The receiver directory in the panel: its entries (checked, or loaded from a URL), the combobox's
 * query and highlighted option, the host's presence answers, and the entry the draft's receiver is.
 * Loaded only by panels given a directory (see DirectoryController).
 */
export class DirectoryFeature {
  entries: readonly Entry[] = [];
  problems: readonly string[] = [];
  /** The directory URL that could not be loaded, and why. */
  loadError: { url: string; reason: string } | undefined;
  query = '';
  expanded = false;
  active = -1;
  readonly #presence = new Map<string, { presence: Presence | undefined; at: number }>();
  readonly #asking = new Set<string>();
  #source: unknown;
  #pickedId: string | undefined;
  /** The follow-up a callback proposal set, which picking another entry takes back. */
  #proposedFollowUp: string | undefined;

  constructor(
    private readonly host: DirectoryHost,
    private readonly settings: DirectorySettings,
  ) {}

  hostUpdate(): void {
    const source = this.settings.source();
    if (source !== this.#source) this.#use(source);
    // The draft was sent, reset or moved to another case: the combobox no longer names a pick.
    if (!this.picked && this.entries.some((e) => label(e) === this.query)) this.query = '';
  }

  #use(source: readonly DirectoryEntry[] | string | undefined): void {
    this.#source = source;
    this.loadError = undefined;
    if (typeof source !== 'string') return this.#checked(source === undefined ? undefined : checkDirectory(source));
    this.#checked(undefined);
    void loadDirectory(source).then(
      (checked) => this.#source === source && (this.#checked(checked), this.host.requestUpdate()),
      (error: unknown) => {
        if (this.#source !== source) return;
        this.loadError = { url: source, reason: error instanceof Error ? error.message : String(error) };
        this.host.requestUpdate();
      },
    );
  }

  #checked(checked: CheckedDirectory | undefined): void {
    this.entries = checked?.entries ?? [];
    this.problems = checked?.problems ?? [];
  }

  get enabled(): boolean {
    return this.entries.length > 0;
  }

  /** The options the combobox shows for its query. */
  get options(): Entry[] {
    return searchDirectory(this.entries, this.query === this.#pickedLabel() ? '' : this.query);
  }

  /**
   * The entry the draft's receiver is: the same team, and the same person (or none); of two entries
   * alike, the one the agent picked.
   */
  get picked(): Entry | undefined {
    const to = this.settings.draft().to ?? {};
    const team = to.team?.trim();
    if (!team) return undefined;
    const alike = this.entries.filter((e) => e.team === team && (e.name ?? '') === (to.name?.trim() ?? ''));
    return alike.find((e) => e.id === this.#pickedId) ?? alike[0];
  }

  #pickedLabel(): string | undefined {
    const picked = this.picked;
    return picked && label(picked);
  }

  /** What the agent is shown about an entry now: its hours and the host's presence (asked for it). */
  availability(entry: Entry, now = Date.now()): Availability {
    return availabilityOf(entry, now, this.#presenceOf(entry, now));
  }

  /** The same, with what presence is known already: the list's options never ask the host. */
  known(entry: Entry, now = Date.now()): Availability {
    return availabilityOf(entry, now, this.#presence.get(entry.id)?.presence);
  }

  /** Open entries that could take the same customer, for when the picked one cannot. */
  alternatives(entry: Entry, now = Date.now()): Entry[] {
    return sameExpertise(this.entries, entry).filter((e) => this.availability(e, now).status === 'open');
  }

  #presenceOf(entry: Entry, now: number): Presence | undefined {
    const known = this.#presence.get(entry.id);
    if (!known || now - known.at > PRESENCE_TTL_MS) void this.#ask(entry);
    return known?.presence;
  }

  async #ask(entry: Entry): Promise<void> {
    const hook = this.settings.hook();
    if (!hook || this.#asking.has(entry.id)) return;
    this.#asking.add(entry.id);
    let timer: number | undefined;
    const timeout = new Promise<undefined>((resolve) => (timer = window.setTimeout(resolve, PRESENCE_TIMEOUT_MS)));
    // A host hook that throws or hangs must not break the panel: it only loses the presence.
    const presence = await Promise.race([Promise.resolve().then(() => hook(entry)), timeout]).catch(() => undefined);
    window.clearTimeout(timer);
    this.#asking.delete(entry.id);
    const known = isPresence(presence) ? presence : undefined;
    const before = this.#presence.get(entry.id)?.presence;
    this.#presence.set(entry.id, { presence: known, at: Date.now() });
    if (known !== before) this.host.requestUpdate();
  }

  /** The payload's `to.availability`, when the receiver is a directory entry. */
  annotate(draft: HandoffDraft): HandoffDraft {
    const picked = this.picked;
    if (picked) draft.to = { ...draft.to, availability: this.availability(picked) };
    return draft;
  }

  /** What the panel renders of the directory. */
  view(ui: UiTexts, locale: string, draft: HandoffDraft): DirectoryView {
    const picker = { directory: this, ui, locale, draft };
    return {
      picker: renderReceiverPicker(picker),
      availability: renderAvailabilityNotice(picker),
      inform: (line) => informLine(line, this, ui),
      problems: directoryProblems(this, ui),
    };
  }

  // ——— the combobox ———

  search(query: string): void {
    this.query = query;
    this.expanded = true;
    this.active = -1;
    this.host.requestUpdate();
  }

  close(): void {
    if (!this.expanded) return;
    this.expanded = false;
    this.active = -1;
    this.host.requestUpdate();
  }

  /** Arrow keys, Home/End, Enter and Escape on the combobox, as the ARIA pattern has them. */
  readonly onKeydown = (event: KeyboardEvent): void => {
    const count = this.options.length;
    const move = (to: number) => {
      event.preventDefault();
      this.expanded = true;
      this.active = count ? (to + count) % count : -1;
      this.host.requestUpdate();
    };
    if (event.altKey && event.key === 'ArrowDown') {
      event.preventDefault();
      this.expanded = true;
      return this.host.requestUpdate();
    }
    if (event.key === 'ArrowDown') return move(this.expanded ? this.active + 1 : 0);
    if (event.key === 'ArrowUp') return move(this.expanded ? this.active - 1 : count - 1);
    if (event.key === 'Enter' && !event.ctrlKey && !event.metaKey) {
      // Enter in a search field must never send the handoff.
      event.preventDefault();
      const option = this.options[this.active];
      if (this.expanded && option) this.pick(option);
      return;
    }
    if (event.key === 'Escape' && (this.expanded || this.query)) {
      event.stopPropagation();
      if (this.expanded) this.close();
      else this.search('');
      this.expanded = false;
    }
  };

  /** A proposal the agent took: a callback, voicemail or requeue. */
  propose(patch: HandoffDraft): void {
    this.#proposedFollowUp = patch.followUp?.at ?? this.#proposedFollowUp;
    this.settings.fill(patch);
  }

  /** Fills the receiver, the expertise and the contingency from an entry. */
  pick(entry: Entry): void {
    this.query = label(entry);
    this.expanded = false;
    this.active = -1;
    this.#pickedId = entry.id;
    const proposed = this.#proposedFollowUp;
    this.#proposedFollowUp = undefined;
    const takeBack = proposed !== undefined && this.settings.draft().followUp?.at === proposed;
    this.settings.fill({
      ...(takeBack ? { followUp: { at: '', by: '' as FollowUpBy } } : {}),
      to: { name: entry.name ?? '', team: entry.team, expertise: entry.expertise ?? '', agentId: entry.agentId ?? '' },
      contingency: {
        fallback: {
          phone: entry.fallback.phone,
          name: entry.fallback.name ?? '',
          hours: entry.hours ? describeHours(entry.hours) : '',
        },
        // The entry's own plan, never the one picked before.
        ifUnavailable: entry.ifUnavailable ?? ('' as IfUnavailable),
      },
    });
  }
}

/** How an entry reads in the combobox once picked. */
export const label = (entry: DirectoryEntry): string => (entry.name ? `${entry.name}, ${entry.team}` : entry.team);

const isPresence = (value: unknown): value is Presence => (PRESENCES as readonly unknown[]).includes(value);
