/**
 * The registered catalogues, and merging overrides into one. Kept apart from the English catalogue so
 * that what the script tag's first file shows does not carry every string of the panel.
 */
import type { HandoffMessages, HandoffMessagesOverride } from './catalogue.js';

const registry = new Map<string, HandoffMessages>();

/** Makes a catalogue available to every element whose `lang` (or config.locale) matches it. */
export function registerLocale(messages: HandoffMessages): void {
  registry.set(messages.locale.toLowerCase(), messages);
}

/** The catalogue registered for a language tag: exact, then its base language (`pt-BR` → `pt`), else `english`. */
export function catalogueFor(tag: string | undefined, english: HandoffMessages): HandoffMessages {
  const lower = (tag ?? 'en').toLowerCase();
  return registry.get(lower) ?? registry.get(lower.split('-')[0]!) ?? english;
}

/** Merges overrides into a catalogue, leaf by leaf. */
export function mergeMessages(base: HandoffMessages, override: HandoffMessagesOverride | undefined): HandoffMessages {
  if (!override) return base;
  const merge = (a: unknown, b: unknown): unknown => {
    if (!b || typeof b !== 'object' || Array.isArray(b)) return b ?? a;
    const out: Record<string, unknown> = { ...(a as Record<string, unknown>) };
    for (const [k, v] of Object.entries(b)) out[k] = merge(out[k], v);
    return out;
  };
  return merge(base, override) as HandoffMessages;
}
