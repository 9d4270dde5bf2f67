/** Date-times in a note: the same text in every engine (no locale-dependent `toLocaleString`). */
import type { IsoDateTime } from '../payload/types.js';

const PART_FORMATS = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let format = PART_FORMATS.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      weekday: 'short',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    PART_FORMATS.set(timeZone, format);
  }
  return format;
}

/**
 * `2026-11-25T17:00:00Z` in `Europe/London` as `Wed 2026-11-25 17:00 Europe/London`: the weekday a
 * receiver plans by, and the zone, so a note read in another office is not an hour off.
 */
export function noteDateTime(iso: IsoDateTime, timeZone: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const parts = Object.fromEntries(
    formatterFor(timeZone)
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.weekday} ${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute} ${timeZone}`;
}

/** Throws a clear error for a time zone the engine does not know. */
export function checkTimeZone(timeZone: string): void {
  try {
    formatterFor(timeZone);
  } catch {
    throw new RangeError(`toNote: "${timeZone}" is not an IANA time zone (e.g. "Europe/London", "UTC").`);
  }
}
