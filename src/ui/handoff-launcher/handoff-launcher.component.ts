import { LitElement, html, nothing, type TemplateResult } from 'lit';
import type { HandoffPanel } from '../handoff-panel/handoff-panel.component.js';
import type { HandoffPanelConfig } from '../shared/config.js';
import { MessagesController } from '../shared/controllers/messages.controller.js';
import { changedStructurally } from '../shared/equal.js';
import { trapTab } from '../shared/focus.js';
import { textReset, tokenStyles } from '../shared/tokens.styles.js';
import { launcherStyles } from './handoff-launcher.styles.js';
import { checkedPlacement, chooseSide, placeOn, roomOn, type Box, type Placement } from './position.js';

/**
 * `<handoff-launcher>`: a toolbar button that opens the handoff panel as a floating popover anchored to
 * it. The popover is a modal `<dialog>` in the top layer, so it shows above sticky headers and overlays
 * of any z-index and escapes transformed or scrolling parents; it stays beside the button (flipped to the
 * other side when there is more room there, shifted and sized to fit the viewport, following scroll and
 * resize). Focus moves into the panel and stays in the dialog; Esc or a click outside closes it (asking
 * first when a draft is unsent), and focus returns to the button.
 *
 * Put a `<handoff-panel>` inside to configure it; without one, the launcher creates a panel itself,
 * passing on its `endpoint` and `config`.
 *
 * @tagname handoff-launcher
 * @slot - the `<handoff-panel>` to show
 * @slot label - the button's content (default: "Hand off")
 * @csspart button - the launcher button
 * @csspart popover - the floating dialog
 * @csspart guard - the "unsent draft" question
 * @fires handoff-launcher-open
 * @fires handoff-launcher-close
 */
export class HandoffLauncher extends LitElement {
  static override styles = [tokenStyles, textReset('button, dialog'), launcherStyles];

  static override properties = {
    open: { type: Boolean, reflect: true },
    label: { type: String },
    placement: { type: String },
    endpoint: { type: String },
    config: { attribute: false, hasChanged: changedStructurally },
    guarding: { state: true },
  };

  /**
   * Whether the popover is open. Set it, or call `show()` / `hide()`.
   * @default false
   */
  declare open: boolean;
  /**
   * The button's text and the dialog's accessible name.
   * @default the catalogue's "Hand off"
   */
  declare label: string | undefined;
  /**
   * Placement of the popover relative to the button: `top`, `bottom`, `left` or `right`, optionally
   * `-start` or `-end`.
   * @default 'bottom-end'
   */
  declare placement: Placement;
  /** Passed to the panel the launcher creates when none is slotted. */
  declare endpoint: string | undefined;
  /** Passed to the panel the launcher creates when none is slotted. @default {} */
  declare config: HandoffPanelConfig;
  declare protected guarding: boolean;
  /** Resolves once the open popover has been placed beside the button. */
  positioned: Promise<void> = Promise.resolve();
  #stopFollowing: (() => void) | undefined;
  #validPlacement: Placement = 'bottom-end';
  readonly #texts = new MessagesController(this);

  constructor() {
    super();
    this.open = false;
    this.placement = 'bottom-end';
    this.config = {};
    this.guarding = false;
  }

  /** The panel shown in the popover (created on first open when none is slotted). */
  get panel(): HandoffPanel {
    let panel = this.querySelector('handoff-panel');
    if (!panel) {
      panel = document.createElement('handoff-panel');
      if (this.endpoint) panel.endpoint = this.endpoint;
      panel.config = this.config;
      this.append(panel);
    }
    return panel;
  }

  show(): void {
    this.open = true;
  }

  /** Closes the popover; with `force`, even when the draft is unsent (it stays saved as a draft). */
  hide(force = false): void {
    if (!force && this.open && this.panel.hasUnsentDraft) {
      this.guarding = true;
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#keep')?.focus());
      return;
    }
    this.guarding = false;
    this.open = false;
  }

  get #dialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('dialog');
  }

  get #button(): HTMLButtonElement | null {
    return this.renderRoot.querySelector('#launch');
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('placement')) this.#validPlacement = checkedPlacement(this.placement, 'bottom-end');
  }

  protected override updated(changed: Map<PropertyKey, unknown>): void {
    if (!changed.has('open')) return;
    const dialog = this.#dialog!;
    if (this.open && !dialog.open) {
      const panel = this.panel;
      dialog.showModal();
      this.positioned = panel.updateComplete.then(() => this.#position());
      this.#stopFollowing = this.#follow();
      void panel.updateComplete.then(() => panel.focus());
      this.dispatchEvent(new Event('handoff-launcher-open', { bubbles: true, composed: true }));
    } else if (!this.open && dialog.open) {
      dialog.close();
      // At once, not on the later "close" event: whoever closed it expects focus back on the button now.
      this.#button?.focus();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stopFollowing?.();
  }

  /** Places the open popover beside the button: flipped, sized and shifted to fit the viewport. */
  #position(): void {
    const dialog = this.#dialog;
    const button = this.#button;
    if (!dialog?.open || !button) return;
    const html = document.documentElement;
    // clientWidth/Height leave out the scrollbars; in quirks mode they measure the document instead.
    const viewport: Box = {
      x: 0,
      y: 0,
      width: Math.min(html.clientWidth || innerWidth, innerWidth),
      height: Math.min(html.clientHeight || innerHeight, innerHeight),
    };
    const anchor = button.getBoundingClientRect();
    // The height the content wants, whatever max-height the last placement set (no style reset, which
    // would scroll the agent's place in the form back to the top).
    const wanted = {
      width: dialog.offsetWidth,
      height: dialog.scrollHeight + dialog.offsetHeight - dialog.clientHeight,
    };
    const options = { rtl: getComputedStyle(dialog).direction === 'rtl' };
    const placement = this.#validPlacement;
    const side = chooseSide(placement, anchor, wanted, viewport, options);
    const room = roomOn(side, anchor, viewport, options);
    Object.assign(dialog.style, {
      maxWidth: `${Math.max(240, room.width)}px`,
      maxHeight: `${Math.max(200, room.height)}px`,
    });
    const { x, y } = placeOn(
      side,
      placement,
      anchor,
      { width: dialog.offsetWidth, height: dialog.offsetHeight },
      viewport,
      options,
    );
    Object.assign(dialog.style, { left: `${x}px`, top: `${y}px` });
  }

  /**
   * Re-places the popover, once per frame at most, when the button or the popover changes size, the
   * window resizes, or anything scrolls: the page, a scrolling parent, or one inside a shadow root on
   * the way up (scroll events do not cross shadow boundaries, so each root gets its own listener).
   */
  #follow(): () => void {
    let frame = 0;
    const schedule = (): void => {
      frame ||= requestAnimationFrame(() => {
        frame = 0;
        this.#position();
      });
    };
    const resized = new ResizeObserver(schedule);
    resized.observe(this.#button!);
    resized.observe(this.#dialog!);
    const scrollRoots: EventTarget[] = [window];
    for (let root = this.getRootNode(); root instanceof ShadowRoot; root = root.host.getRootNode())
      scrollRoots.push(root);
    for (const root of scrollRoots) root.addEventListener('scroll', schedule, { capture: true, passive: true });
    addEventListener('resize', schedule);
    return () => {
      cancelAnimationFrame(frame);
      resized.disconnect();
      for (const root of scrollRoots) root.removeEventListener('scroll', schedule, { capture: true });
      removeEventListener('resize', schedule);
    };
  }

  /**
   * Esc, handled on keydown: browsers let a page cancel a dialog's own close request only once per user
   * activation, and the unsent-draft question must not depend on that.
   */
  readonly #onKeydown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape') {
      event.preventDefault();
      this.#onEscape();
    } else trapTab(event, this.#dialog!);
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

  /** A click on the backdrop (outside the dialog's box) closes, like Esc. */
  readonly #onDialogClick = (event: MouseEvent): void => {
    const dialog = this.#dialog;
    if (!dialog || event.target !== dialog) return;
    const box = dialog.getBoundingClientRect();
    const inside =
      event.clientX >= box.left &&
      event.clientX <= box.right &&
      event.clientY >= box.top &&
      event.clientY <= box.bottom;
    if (!inside) this.hide();
  };

  /** However the dialog closed, tidy up and give focus back to the button. */
  readonly #onClose = (): void => {
    // "close" arrives as a later task: after a quick reopen it is stale and must not close again.
    if (this.#dialog?.open) return;
    this.#stopFollowing?.();
    this.#stopFollowing = undefined;
    this.open = false;
    this.guarding = false;
    this.#button?.focus();
    this.dispatchEvent(new Event('handoff-launcher-close', { bubbles: true, composed: true }));
  };

  #keepEditing(): void {
    this.guarding = false;
    this.panel.focus();
  }

  protected override render(): TemplateResult {
    const { ui } = this.#texts.messages;
    const label = this.label ?? ui.launcher.open;
    return html`<button id="launch" part="button" type="button" aria-haspopup="dialog" aria-expanded=${this.open ? 'true' : 'false'}
        @click=${() => (this.open ? this.hide() : this.show())}><slot name="label">${label}</slot></button>
      <dialog part="popover" aria-label=${label} @keydown=${this.#onKeydown} @cancel=${this.#onCancel} @click=${this.#onDialogClick}
        @close=${this.#onClose}>
        ${
          this.guarding
            ? html`<div class="guard" part="guard" role="alertdialog" aria-labelledby="guard-text">
              <p id="guard-text">${ui.launcher.unsentDraft}</p>
              <button id="keep" type="button" @click=${this.#keepEditing}>${ui.launcher.keepEditing}</button>
              <button type="button" class="secondary" @click=${() => this.hide(true)}>${ui.launcher.closeAnyway}</button>
            </div>`
            : nothing
        }
        <slot></slot>
      </dialog>`;
  }
}
