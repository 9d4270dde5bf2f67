import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { en, type UiTexts } from '../messages/catalogue.js';
import { reveal } from './form-checks.js';

export type Shortcut = 'send' | 'add-action' | 'next-problem';

const isMac = () => typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/**
 * Which shortcut a key press is. Ctrl/⌘+Enter is how many helpdesks send a reply. The letters are read by
 * key position, with Alt+Shift (browsers give Alt with a letter alone to their menus; Windows' AltGr is
 * Ctrl+Alt, so it still types) — on a Mac Ctrl+Shift, since Option+Shift types characters there (Å, Ń)
 * and Ctrl+Option is VoiceOver's. A held key does not repeat them, nor does a key composing text.
 */
export function shortcutFor(event: KeyboardEvent, mac = isMac()): Shortcut | undefined {
  if (event.isComposing) return undefined;
  if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !event.altKey) return 'send';
  const modifiers = mac
    ? event.ctrlKey && event.shiftKey && !event.altKey && !event.metaKey
    : event.altKey && event.shiftKey && !event.ctrlKey && !event.metaKey;
  if (!modifiers) return undefined;
  if (event.code === 'KeyA') return 'add-action';
  if (event.code === 'KeyN') return 'next-problem';
  return undefined;
}

/** The shortcuts, as the panel shows them under "Send handoff". */
export function renderShortcutHint(ui: UiTexts): TemplateResult {
  const texts = ui.shortcuts ?? en.ui.shortcuts!;
  const [send, letters] = isMac() ? ['⌘', '⌃+Shift'] : ['Ctrl', 'Alt+Shift'];
  return html`<p class="hint shortcuts" part="shortcuts">
    ${texts.title} <kbd>${send}+Enter</kbd> ${texts.send} · <kbd>${letters}+A</kbd> ${texts.addAction} ·
    <kbd>${letters}+N</kbd> ${texts.nextProblem}
  </p>`;
}

interface ShortcutHost extends ReactiveControllerHost {
  renderRoot: HTMLElement | DocumentFragment;
}

/**
 * The panel's keyboard: the shortcuts above, and Enter in a one-line field never sending a half-finished
 * handoff. "Next problem" goes to the next field with an error after the focus, else the next field the
 * quality checklist points at, wrapping round.
 */
export class ShortcutsController implements ReactiveController {
  constructor(
    private readonly host: ShortcutHost,
    private readonly actions: { send(): void; addAction(): void },
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    // Nothing to start: the controller acts on the form's keydown.
  }

  readonly onKeydown = (event: KeyboardEvent): void => {
    const shortcut = shortcutFor(event);
    if (shortcut) {
      event.preventDefault();
      event.stopPropagation(); // the CRM page must not act on it too
      if (event.repeat) return; // a held key: one send, one new action
      if (shortcut === 'send') this.actions.send();
      else if (shortcut === 'add-action') this.actions.addAction();
      else this.#nextProblem();
      return;
    }
    const target = event.target as HTMLElement;
    const field = target instanceof HTMLInputElement && target.type !== 'checkbox' && target.type !== 'radio';
    if (event.key === 'Enter' && field) event.preventDefault();
  };

  #nextProblem(): void {
    const root = this.host.renderRoot;
    const invalid = [...root.querySelectorAll<HTMLElement>('[aria-invalid="true"]')];
    const pointed = [...root.querySelectorAll<HTMLAnchorElement>('[part="quality"] a')]
      .map((a) => root.querySelector<HTMLElement>(`#${CSS.escape(a.hash.slice(1))}`))
      .filter((el): el is HTMLElement => Boolean(el))
      .sort((a, b) => (a === b ? 0 : a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
    const candidates = invalid.length ? invalid : pointed;
    const active = (root as ShadowRoot).activeElement;
    const after = candidates.find(
      (el) => !active || (active.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0,
    );
    reveal(after ?? candidates[0]);
  }
}
