/**
 * Shortens a note until it fits a byte limit: the lowest-ranked free text gives way first, dropped or
 * cut at a word boundary that is not inside a number, so no amount, date or number is ever cut in half;
 * ids, phone numbers and due times are kept whole.
 */
import type { NoteLine, NoteSection } from './note-model.js';

const encoder = new TextEncoder();
export const utf8Bytes = (text: string): number => encoder.encode(text).length;

const ELLIPSIS = ' …';

/** Digits, and the mask character standing for them: a number's groups may be joined by any space. */
const NUMERIC = /[\d•]/u;
const SPACE = /\s/u;

const segmenter =
  typeof Intl.Segmenter === 'function' ? new Intl.Segmenter(undefined, { granularity: 'word' }) : undefined;

/**
 * Where `text` may be cut, as code-unit offsets: word boundaries (Intl.Segmenter, so Japanese or Thai
 * text without spaces has them too; ASCII whitespace where it is missing), never inside a number whose
 * digit groups are joined by spaces ("1 250,00 €", "020 7946 0958", "•••• 1111").
 */
function cutPoints(text: string): number[] {
  const bounds = segmenter
    ? [...segmenter.segment(text)].map((s) => s.index)
    : [...text.matchAll(/\s+/g)].map((m) => m.index);
  return bounds.filter((at) => at > 0 && !insideNumber(text, at));
}

function insideNumber(text: string, at: number): boolean {
  let before = at - 1;
  while (before >= 0 && SPACE.test(text[before]!)) before--;
  let after = at;
  while (after < text.length && SPACE.test(text[after]!)) after++;
  const joined = (c: string | undefined) => c !== undefined && /[\d•.,:/\-\p{Sc}]/u.test(c);
  // "12.50", "2026-11-03", "17:00": a cut next to a digit that a separator or digit continues.
  return (
    before >= 0 &&
    after < text.length &&
    (NUMERIC.test(text[before]!) || NUMERIC.test(text[after]!)) &&
    joined(text[before]) &&
    joined(text[after])
  );
}

/**
 * The longest start of `text` of at most `maxBytes` UTF-8 bytes that ends at a cut point, with an
 * ellipsis; `text` itself when it fits.
 */
export function cutToBytes(text: string, maxBytes: number): string {
  if (utf8Bytes(text) <= maxBytes) return text;
  const budget = maxBytes - utf8Bytes(ELLIPSIS);
  let best = 0;
  let bytes = 0;
  for (const at of cutPoints(text)) {
    bytes += utf8Bytes(text.slice(best, at));
    if (bytes > budget) break;
    best = at;
  }
  return `${text.slice(0, best).trimEnd()}${ELLIPSIS}`.trimStart();
}

interface Shrinking {
  line: NoteLine;
  full: string;
  section: NoteSection;
  /** Cut down to its floor: it gives no more. */
  atFloor?: boolean;
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
        `toNote: this handoff's note needs ${limit + over} bytes with its free text cut to the least it keeps; the limit of ${limit} bytes is too small for what must stay whole (names, ids, phone numbers, due times) and the start of each free text.`,
      );
    }
    give(next, over);
  }
}

const visible = (c: Shrinking) => (c.line.text === c.full ? c.full : c.line.text.replace(/ ?…$/, ''));

function canGive(c: Shrinking): boolean {
  if (!c.section.lines.includes(c.line)) return false;
  return c.line.give === 'drop' || !c.atFloor;
}

function give(c: Shrinking, over: number): void {
  if (c.line.give === 'drop') {
    c.section.lines.splice(c.section.lines.indexOf(c.line), 1);
    return;
  }
  const floorBytes = utf8Bytes(
    Array.from(c.full)
      .slice(0, c.line.floor ?? 0)
      .join(''),
  );
  const current = utf8Bytes(visible(c));
  if (floorBytes >= current) {
    c.atFloor = true;
    return;
  }
  // A byte cut from the text saves at least a byte of the note (escaping only adds to it).
  const target = Math.max(floorBytes, current - over);
  c.line.text = cutToBytes(c.full, target);
  if (target === floorBytes) c.atFloor = true;
}
