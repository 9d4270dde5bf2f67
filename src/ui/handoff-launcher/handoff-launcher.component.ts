import { LitElement, html, nothing, type TemplateResult } from 'lit';
import type { HandoffPanel } from '../handoff-panel/handoff-panel.component.js';
import type { UiTexts } from '../messages/catalogue.js';
import { enShell } from '../messages/shell.js';
import type { HandoffPanelConfig } from '../shared/config.js';
import { MessagesController } from '../shared/controllers/messages.controller.js';
import { changedStructurally } from '../shared/equal.js';
import { trapTab } from '../shared/focus.js';
import { loadPanel, whenIdle } from '../shared/load-panel.js';
import { textReset, tokenStyles } from '../shared/tokens.styles.js';
import type { Anchored } from './anchor.js';
import { launcherStyles } from './handoff-launcher.styles.js';
import { checkedPlacement, type Placement } from './placement.js';

/**
 * `<handoff-launcher>`: a toolbar button that opens the handoff panel in a popover anchored to it.
 *
 * The popover is in the top layer, so it shows above sticky headers and overlays of any z-index and
 * escapes transformed or scrolling parents; @floating-ui/dom keeps it beside the button (flipped, shifted
 * and sized to fit the viewport, following scroll and resize). By default it is not modal: the CRM page
 * stays usable, so the agent can scroll the conversation and copy from the customer record into the
 * recap. With `modal`, it is a modal dialog instead: the page is inert, Tab stays inside and a click
 * outside closes it. Either way focus moves into the panel on open and back to the button on close, and
 * Esc closes it (asking first when a draft is unsent).
 *
 * Put a `<handoff-panel>` inside to configure it; without one, the launcher creates a panel itself,
 * passing on its `endpoint` and `config`. The panel's code is loaded on demand (at idle time, or on the
 * first open at the latest).
 *
 * @tagname handoff-launcher
 * @slot - the `<handoff-panel>` to show
 * @slot label - the button's content (default: "Hand off")
 * @csspart button - the launcher button
 * @csspart popover - the floating popover (a `<dialog>` when `modal`)
 * @csspart close - the popover's close button
 * @csspart guard - the "unsent draft" question
 * @fires handoff-launcher-open
 * @fires handoff-launcher-close
 */
export class HandoffLauncher extends LitElement {
  static override styles = [tokenStyles, textReset('button, dialog, [part="popover"]'), launcherStyles];

  static override properties = {
    open: { type: Boolean, reflect: true },
    modal: { type: Boolean, reflect: true },
    label: { type: String },
    placement: { type: String },
    endpoint: { type: String },
    config: { attribute: false, hasChanged: changedStructurally },
    guarding: { state: true },
    loading: { state: true },
    loadError: { state: true },
  };

  /**
   * Whether the popover is open. Set it, or call `show()` / `hide()`.
   * @default false
   */
  declare open: boolean;
  /**
   * A modal dialog instead of a popover beside the case: the rest of the page is inert while it is open.
   * Set it before opening.
   * @default false
   */
  declare modal: boolean;
  /**
   * The button's text and the popover's accessible name.
   * @default the catalogue's "Hand off"
   */
  declare label: string | undefined;
  /**
   * Placement of the popover relative to the button: `top`, `bottom`, `left` or `right`, optionally
   * `-start` or `-end` (as in floating-ui).
   * @default 'bottom-end'
   */
  declare placement: Placement;
  /** Passed to the panel the launcher creates when none is slotted. */
  declare endpoint: string | undefined;
  /** Passed to the panel the launcher creates when none is slotted. @default {} */
  declare config: HandoffPanelConfig;
  declare protected guarding: boolean;
  declare protected loading: boolean;
  declare protected loadError: string | undefined;
  /** Resolves once the open popover shows the panel, placed beside the button. */
  positioned: Promise<void> = Promise.resolve();
  #anchored: Anchored | undefined;
  #validPlacement: Placement = 'bottom-end';
  readonly #texts = new MessagesController(this, enShell);

  constructor() {
    super();
    this.open = false;
    this.modal = false;
    this.placement = 'bottom-end';
    this.config = {};
    this.guarding = false;
    this.loading = false;
  }

  /** The panel shown in the popover (created on first open when none is slotted). */
  get panel(): HandoffPanel {
    return this.#ensurePanel();
  }

  #ensurePanel(): HandoffPanel {
    // A panel the integrator put in wins over one the launcher made (frameworks may slot theirs late).
    let panel = this.#currentPanel();
    if (!panel) {
      // Created before its code may have loaded: the properties set here are taken over on upgrade.
      panel = document.createElement('handoff-panel');
      panel.dataset.launcherMade = '';
      if (this.endpoint) panel.endpoint = this.endpoint;
      panel.config = this.config;
      this.append(panel);
    }
    return panel;
  }

  #currentPanel(): HandoffPanel | null {
    return (
      this.querySelector<HandoffPanel>('handoff-panel:not([data-launcher-made])') ?? this.querySelector('handoff-panel')
    );
  }

  /**
   * A panel slotted after the launcher made its own (at idle, or on a first open) replaces it, unless the
   * agent has typed into the one it made.
   */
  readonly #onSlotChange = (): void => {
    if (!this.querySelector('handoff-panel:not([data-launcher-made])')) return;
    for (const made of this.querySelectorAll<HandoffPanel>('handoff-panel[data-launcher-made]'))
      if (!made.hasUnsentDraft) made.remove();
  };

  show(): void {
    this.open = true;
  }

  /** Closes the popover; with `force`, even when the draft is unsent (it stays saved as a draft). */
  hide(force = false): void {
    if (!force && this.open && this.#currentPanel()?.hasUnsentDraft) {
      this.guarding = true;
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#keep')?.focus());
      return;
    }
    this.guarding = false;
    this.open = false;
  }

  get #surface(): HTMLElement | null {
    return this.renderRoot.querySelector('[part="popover"]');
  }

  get #button(): HTMLButtonElement | null {
    return this.renderRoot.querySelector('#launch');
  }

  #isShown(surface: HTMLElement): boolean {
    return surface instanceof HTMLDialogElement ? surface.open : surface.matches(':popover-open');
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('placement')) this.#validPlacement = checkedPlacement(this.placement, 'bottom-end');
    if (changed.has('open') && this.open) {
      this.loading = true;
      this.loadError = undefined;
    }
  }

  protected override updated(changed: Map<PropertyKey, unknown>): void {
    if (!changed.has('open')) return;
    const surface = this.#surface!;
    if (this.open && !this.#isShown(surface)) {
      if (surface instanceof HTMLDialogElement) surface.showModal();
      else surface.showPopover();
      this.positioned = this.#present(surface);
      this.dispatchEvent(new Event('handoff-launcher-open', { bubbles: true, composed: true }));
    } else if (!this.open && this.#isShown(surface)) {
      // Focus goes back to the button only if it was in the popover: an agent typing in the CRM page
      // while the panel closes keeps their place.
      const focusWasInside = this.modal || this.#hasFocus();
      if (surface instanceof HTMLDialogElement) surface.close();
      else surface.hidePopover();
      // At once, not on the later "close" event: whoever closed it expects focus back on the button now.
      if (focusWasInside) this.#button?.focus();
    }
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // The panel is made and rendered (hidden) while the browser is idle, so that the agent's click only
    // has to show it: a first render of the form is the slowest part of opening.
    whenIdle(() => {
      loadPanel().then(
        () => {
          if (this.isConnected) this.#ensurePanel();
        },
        () => undefined, // said when the agent opens it
      );
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stopFollowing();
    // A removed popover is hidden without a "toggle" event: closed here, or a later click would "close" it.
    this.open = false;
    this.guarding = false;
  }

  /** Loads the panel (at once when the idle prefetch has), places the popover beside the button, focuses in. */
  async #present(surface: HTMLElement): Promise<void> {
    surface.style.left = surface.style.top = '';
    try {
      const [{ anchorPopover }] = await Promise.all([import('./anchor.js'), loadPanel()]);
      const panel = this.panel;
      await customElements.whenDefined('handoff-panel');
      await panel.updateComplete;
      if (!this.open || !surface.isConnected) return;
      this.#stopFollowing();
      this.#anchored = anchorPopover(this.#button!, surface, this.#validPlacement);
      await this.#anchored.placed;
      this.loading = false;
      panel.focus();
    } catch (error) {
      this.loading = false;
      this.loadError = (error as Error).message || String(error);
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#retry')?.focus();
    }
  }

  /**
   * Whether focus is in the launcher or its panel. Read from the active element, not `:focus-within`,
   * which a page without system focus (a background tab) does not match.
   */
  #hasFocus(): boolean {
    const active = (this.getRootNode() as Document | ShadowRoot).activeElement;
    return active === this || this.contains(active);
  }

  #stopFollowing(): void {
    this.#anchored?.stop();
    this.#anchored = undefined;
  }

  #retry(): void {
    const surface = this.#surface;
    if (!surface) return;
    this.loading = true;
    this.loadError = undefined;
    this.positioned = this.#present(surface);
  }

  /**
   * Esc, handled on keydown: browsers let a page cancel a dialog's own close request only once per user
   * activation, and the unsent-draft question must not depend on that.
   */
  readonly #onKeydown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape') {
      event.preventDefault();
      this.#onEscape();
    } else if (this.modal) trapTab(event, this.#surface!);
  };

  /** A close request that did not come through keydown (e.g. a platform back gesture). */
  readonly #onCancel = (event: Event): void => {
    event.preventDefault();
    this.#onEscape();
  };

  #onEscape(): void {
    if (this.guarding) this.#keepEditing();
    else this.hide();
  }

  /** In the modal dialog, a click on the backdrop (outside the dialog's box) closes, like Esc. */
  readonly #onDialogClick = (event: MouseEvent): void => {
    const dialog = this.#surface;
    if (!dialog || event.target !== dialog) return;
    const box = dialog.getBoundingClientRect();
    const inside =
      event.clientX >= box.left &&
      event.clientX <= box.right &&
      event.clientY >= box.top &&
      event.clientY <= box.bottom;
    if (!inside) this.hide();
  };

  /** However the popover closed, tidy up and give focus back to the button. */
  readonly #onClosed = (): void => {
    // "close" and "toggle" arrive as a later task: after a quick reopen they are stale.
    const surface = this.#surface;
    if (surface && this.#isShown(surface)) return;
    const focusWasInside = this.#hasFocus();
    this.#stopFollowing();
    this.open = false;
    this.guarding = false;
    if (focusWasInside || this.modal) this.#button?.focus();
    this.dispatchEvent(new Event('handoff-launcher-close', { bubbles: true, composed: true }));
  };

  readonly #onToggle = (event: Event): void => {
    if ((event as ToggleEvent).newState === 'closed') this.#onClosed();
  };

  #keepEditing(): void {
    this.guarding = false;
    this.panel.focus();
  }

  protected override render(): TemplateResult {
    const { ui } = this.#texts.messages;
    const label = this.label ?? ui.launcher.open;
    const button = html`<button id="launch" part="button" type="button" aria-haspopup="dialog"
      aria-expanded=${this.open ? 'true' : 'false'} aria-busy=${this.open && this.loading ? 'true' : 'false'}
      @click=${() => (this.open ? this.hide() : this.show())}><slot name="label">${label}</slot></button>`;
    const placed = this.loading ? 'false' : 'true';
    return this.modal
      ? html`${button}<dialog part="popover" aria-label=${label} data-placed=${placed} @keydown=${this.#onKeydown}
            @cancel=${this.#onCancel} @click=${this.#onDialogClick} @close=${this.#onClosed}>${this.#content(ui.launcher)}</dialog>`
      : html`${button}<div part="popover" role="dialog" aria-label=${label} popover="manual" data-placed=${placed}
            @keydown=${this.#onKeydown} @toggle=${this.#onToggle}>${this.#content(ui.launcher)}</div>`;
  }

  #content(texts: UiTexts['launcher']): TemplateResult {
    return html`<button class="close" part="close" type="button" aria-label=${texts.close} @click=${() => this.hide()}>
        ×</button>
      ${
        this.guarding
          ? html`<div class="guard" part="guard" role="alertdialog" aria-labelledby="guard-text">
              <p id="guard-text">${texts.unsentDraft}</p>
              <button id="keep" type="button" @click=${this.#keepEditing}>${texts.keepEditing}</button>
              <button type="button" class="secondary" @click=${() => this.hide(true)}>${texts.closeAnyway}</button>
            </div>`
          : nothing
      }
      ${this.loading && !this.loadError ? html`<p class="loading" role="status">${texts.loading}</p>` : nothing}
      ${
        this.loadError
          ? html`<div class="load-failed" role="alert">
              <p>${texts.loadFailed.replace('{error}', this.loadError)}</p>
              <button id="retry" type="button" @click=${this.#retry}>${texts.retry}</button>
            </div>`
          : nothing
      }
      <slot @slotchange=${this.#onSlotChange}></slot>`;
  }
}
