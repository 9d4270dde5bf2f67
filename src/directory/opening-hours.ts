import { addDays, dayKey, instantAt, localTime } from '../payload/zone-time.js';
import { WEEKDAY_KEYS, type OpeningHours } from './types.js';

/** `"09:00-17:30"` as minutes after midnight, or `undefined` if it is not a span. */
export function parseSpan(span: unknown): [number, number] | undefined {
  const m = typeof span === 'string' ? /^([01]\d|2[0-4]):([0-5]\d)-([01]\d|2[0-4]):([0-5]\d)$/.exec(span.trim()) : null;
  if (!m) return undefined;
  const start = Number(m[1]) * 60 + Number(m[2]);
  const end = Number(m[3]) * 60 + Number(m[4]);
  return start < end && end <= 1440 ? [start, end] : undefined;
}

export interface Opening {
  open: boolean;
  /** When open: the end of this opening (spans that meet count as one). */
  closesAt?: number;
  /** When closed: the next opening, if one falls within two weeks. */
  opensAt?: number;
}

/** The days searched for the next opening. */
const HORIZON_DAYS = 14;

/** The openings of the days from `at`'s day in the receiver's zone on, as instants in order. */
function openings(hours: OpeningHours, at: number): [number, number][] {
  const today = localTime(at, hours.timeZone);
  const out: [number, number][] = [];
  for (let offset = 0; offset <= HORIZON_DAYS; offset++) {
    const day = addDays(today, offset);
    const spans = hours.exceptions?.[dayKey(day)] ?? hours.weekly[WEEKDAY_KEYS[day.weekday]!] ?? [];
    const parsed = spans.map(parseSpan).filter((s) => s !== undefined);
    for (const [start, end] of parsed.sort((a, b) => a[0] - b[0]))
      out.push([instantAt(day, start, hours.timeZone), instantAt(day, end, hours.timeZone)]);
  }
  return out;
}

/** Whether the hours are open at `at` (ms since the epoch), until when, or when they open next. */
export function openingAt(hours: OpeningHours, at: number): Opening {
  const spans = openings(hours, at);
  const current = spans.findIndex(([start, end]) => start <= at && at < end);
  if (current === -1) return { open: false, opensAt: spans.find(([start]) => start > at)?.[0] };
  let closesAt = spans[current]![1];
  for (const [start, end] of spans.slice(current + 1)) if (start <= closesAt) closesAt = Math.max(closesAt, end);
  return { open: true, closesAt };
}
