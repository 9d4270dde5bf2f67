/** Focus across shadow roots and slots: what a trap needs and `document.activeElement` cannot tell. */

const TABBABLE = 'button, input, select, textarea, a[href], [tabindex]';

function isTabbable(el: Element): el is HTMLElement {
  if (!el.matches(TABBABLE) || (el as HTMLElement).tabIndex < 0 || (el as HTMLButtonElement).disabled) return false;
  if (el instanceof HTMLInputElement && el.type === 'hidden') return false;
  return (el as HTMLElement).getClientRects().length > 0;
}

/** Tabbable elements under `root`, in the composed (flat) tree order. */
export function tabbables(root: Element | ShadowRoot): HTMLElement[] {
  const found: HTMLElement[] = [];
  const walk = (node: Element | ShadowRoot) => {
    const children = node instanceof HTMLSlotElement ? node.assignedElements({ flatten: true }) : [...node.children];
    for (const child of children) {
      if (isTabbable(child)) found.push(child);
      if (child.shadowRoot) walk(child.shadowRoot);
      else walk(child);
    }
  };
  walk(root);
  return found;
}

/** The element that really has focus, looking inside shadow roots. */
export function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** On Tab at the last element (Shift+Tab at the first), wraps around inside `container`. */
export function trapTab(event: KeyboardEvent, container: Element | ShadowRoot): void {
  if (event.key !== 'Tab') return;
  const list = tabbables(container);
  if (!list.length) return;
  const active = deepActiveElement();
  const first = list[0]!;
  const last = list[list.length - 1]!;
  if (event.shiftKey && (active === first || !list.includes(active as HTMLElement))) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && active === last) {
    event.preventDefault();
    first.focus();
  }
}
