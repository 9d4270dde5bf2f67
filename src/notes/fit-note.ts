/**
 * Shortens a note until it fits a byte limit: the lowest-ranked free text gives way first, dropped or
 * cut at a word boundary, so no amount, date or number is ever cut in half; ids, phone numbers and due
 * times are kept whole.
 */
import type { NoteLine, NoteSection } from './note-model.js';

const encoder = new TextEncoder();
export const utf8Bytes = (text: string): number => encoder.encode(text).length;

const ELLIPSIS = '…';

/** The first `max` code points of `text`, ending on a word boundary, with an ellipsis when cut. */
export function cutAtWord(text: string, max: number): string {
  const points = Array.from(text);
  if (points.length <= max) return text;
  const head = points.slice(0, Math.max(0, max)).join('');
  const atBoundary = /\s/.test(points[max] ?? '');
  const kept = atBoundary ? head : head.replace(/\S*$/, '');
  return `${kept.trimEnd()}${ELLIPSIS}`;
}

interface Shrinking {
  line: NoteLine;
  full: string;
  section: NoteSection;
}

/**
 * Returns `sections` shortened so `render` of them (with `notice` appended once anything gave way)
 * is at most `limit` bytes. Throws when what must be kept alone is over the limit.
 */
export function fitNote(
  sections: NoteSection[],
  render: (sections: NoteSection[]) => string,
  limit: number,
  notice: NoteLine,
): string {
  const copy = sections.map((s) => ({ ...s, lines: s.lines.map((l) => ({ ...l })) }));
  const candidates: Shrinking[] = copy.flatMap((section) =>
    section.lines.filter((l) => l.give !== 'keep').map((line) => ({ line, full: line.text, section })),
  );
  let noticed = false;
  for (;;) {
    const note = render(copy);
    const over = utf8Bytes(note) - limit;
    if (over <= 0) return note;
    if (!noticed) {
      noticed = true;
      copy.at(-1)!.lines.push(notice);
      continue;
    }
    const next = candidates.filter((c) => canGive(c)).sort((a, b) => a.line.rank - b.line.rank)[0];
    if (!next) {
      throw new RangeError(
        `toNote: this handoff's note needs ${limit + over} bytes with its free text cut to the minimum; the limit of ${limit} bytes is too small for what must stay whole (ids, phone numbers, due times).`,
      );
    }
    give(next, over);
  }
}

const visible = (c: Shrinking) => Array.from(c.line.text.replace(/…$/, '')).length;

function canGive(c: Shrinking): boolean {
  if (!c.section.lines.includes(c.line)) return false;
  return c.line.give === 'drop' || visible(c) > (c.line.floor ?? 0);
}

function give(c: Shrinking, over: number): void {
  if (c.line.give === 'drop') {
    c.section.lines.splice(c.section.lines.indexOf(c.line), 1);
    return;
  }
  // Each code point cut saves at least one byte, the ellipsis costs three.
  const target = Math.max(c.line.floor ?? 0, visible(c) - over - 3);
  const cut = cutAtWord(c.full, target);
  // A single long word cannot be cut at a boundary: it goes as a whole, leaving the ellipsis.
  c.line.text = cut === c.line.text ? ELLIPSIS : cut;
  if (c.line.text === ELLIPSIS) c.line.floor = Number.POSITIVE_INFINITY;
}
