import type { DirectoryEntry } from './types.js';

/** Lower case without accents, so "Inés" is found by "ines". */
const fold = (text: string): string => text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();

/** The text an entry is found by. */
const haystack = (entry: DirectoryEntry): string =>
  fold([entry.name, entry.team, entry.expertise, entry.fallback.name].filter(Boolean).join(' '));

/** The entries every word of `query` begins a word of (name, team, expertise, fallback name); all for an empty query. */
export function searchDirectory<T extends DirectoryEntry>(entries: readonly T[], query: string): T[] {
  const words = fold(query)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  if (!words.length) return [...entries];
  return entries.filter((entry) => {
    const text = haystack(entry).split(/[^\p{L}\p{N}]+/u);
    return words.every((w) => text.some((t) => t.startsWith(w)));
  });
}

/** Other entries that could take the same customer: the same team, or the same expertise. */
export function sameExpertise<T extends DirectoryEntry>(entries: readonly T[], entry: T): T[] {
  const expertise = entry.expertise ? fold(entry.expertise) : undefined;
  return entries.filter(
    (other) =>
      other !== entry &&
      (fold(other.team) === fold(entry.team) ||
        (expertise !== undefined && other.expertise !== undefined && fold(other.expertise) === expertise)),
  );
}
