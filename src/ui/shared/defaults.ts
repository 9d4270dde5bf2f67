/**
 * Page-wide defaults for every element (set by the script tag's `HandoffPanel.configure()`); an
 * element's own attributes and `config` take precedence.
 */
import type { ElementDefaults } from './config.js';

export type { ElementDefaults } from './config.js';

let defaults: ElementDefaults = {};
const listeners = new Set<() => void>();

export function setElementDefaults(next: ElementDefaults): void {
  defaults = next;
  for (const listener of listeners) listener();
}

export function elementDefaults(): ElementDefaults {
  return defaults;
}

/** Calls `listener` whenever the defaults change; returns the unsubscribe function. */
export function onDefaultsChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** An element's language: its config, the page-wide default, the nearest `lang`, then the document's. */
export function elementLocale(element: Element, locale: string | undefined): string {
  return (
    locale ?? defaults.locale ?? element.closest<HTMLElement>('[lang]')?.lang ?? (document.documentElement.lang || 'en')
  );
}
