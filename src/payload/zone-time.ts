/**
 * Calendar days and times of day in an IANA time zone, and back to instants: what a receiver's
 * calendar and opening hours are read in. `Intl` only; no DOM.
 */

/** A day as a calendar in some time zone shows it. */
export interface LocalDay {
  year: number;
  month: number;
  day: number;
  /** 0 for Sunday. */
  weekday: number;
}

export interface LocalTime extends LocalDay {
  /** Minutes after midnight. */
  minutes: number;
}

const FORMATS = new Map<string, Intl.DateTimeFormat>();

function formatFor(timeZone: string | undefined): Intl.DateTimeFormat {
  const key = timeZone ?? '';
  let format = FORMATS.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      weekday: 'short',
      hour: 'numeric',
      minute: 'numeric',
      hourCycle: 'h23',
    });
    FORMATS.set(key, format);
  }
  return format;
}

/** The calendar day and time of an instant in a time zone (the runtime's own by default). */
export function localTime(iso: string | Date | number, timeZone?: string): LocalTime {
  const parts = formatFor(timeZone).formatToParts(typeof iso === 'string' ? new Date(iso) : iso);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const weekday = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(part('weekday'));
  return {
    year: Number(part('year')),
    month: Number(part('month')),
    day: Number(part('day')),
    weekday,
    minutes: (Number(part('hour')) % 24) * 60 + Number(part('minute')),
  };
}

export function addDays(base: LocalDay, days: number): LocalDay {
  const date = new Date(Date.UTC(base.year, base.month - 1, base.day + days));
  return {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    weekday: date.getUTCDay(),
  };
}

/** `2026-12-25` */
export const dayKey = (day: LocalDay): string =>
  `${day.year}-${String(day.month).padStart(2, '0')}-${String(day.day).padStart(2, '0')}`;

/** How far a zone's clocks are ahead of UTC at an instant, in milliseconds. */
function offsetAt(instant: number, timeZone: string): number {
  const t = localTime(instant, timeZone);
  const asUtc = Date.UTC(t.year, t.month - 1, t.day, 0, t.minutes);
  return asUtc - Math.floor(instant / 60_000) * 60_000;
}

/**
 * The instant a zone's clocks show `minutes` after midnight of `day` (24:00 is the next midnight). When
 * the clocks show it twice (autumn), the first; in a spring-forward gap they never show it: the instant
 * an hour on is used, as the clocks jump there.
 */
export function instantAt(day: LocalDay, minutes: number, timeZone: string): number {
  const wall = Date.UTC(day.year, day.month - 1, day.day, 0, minutes);
  const HALF_DAY = 43_200_000;
  // The offsets either side of any change that day give every candidate instant.
  const before = wall - offsetAt(wall - HALF_DAY, timeZone);
  const after = wall - offsetAt(wall + HALF_DAY, timeZone);
  const shows = (instant: number) => {
    const t = localTime(instant, timeZone);
    return Date.UTC(t.year, t.month - 1, t.day, 0, t.minutes) === wall;
  };
  const shown = [before, after].filter(shows);
  return shown.length ? Math.min(...shown) : before;
}

/** Whether the engine knows the IANA time zone. */
export function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}
