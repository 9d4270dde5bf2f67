import { WEEKDAY_KEYS, type OpeningHours } from './types.js';

const DAY_NAMES = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
/** Monday first, as opening hours are written. */
const WEEK_ORDER = [1, 2, 3, 4, 5, 6, 0];

/**
 * Opening hours as the payload's `contingency.fallback.hours` carries them: "Mon–Fri 09:00–17:00;
 * Sat 10:00–14:00 (Europe/London)", days with the same spans run together. Exceptions are left out.
 */
export function describeHours(hours: OpeningHours): string {
  const spansOf = (weekday: number) => (hours.weekly[WEEKDAY_KEYS[weekday]!] ?? []).join(', ').replaceAll('-', '–');
  const runs: { first: number; last: number; spans: string }[] = [];
  for (const day of WEEK_ORDER) {
    const spans = spansOf(day);
    const run = runs.at(-1);
    if (run?.spans === spans) run.last = day;
    else runs.push({ first: day, last: day, spans });
  }
  const open = runs
    .filter((r) => r.spans)
    .map((r) => `${DAY_NAMES[r.first]}${r.first === r.last ? '' : `–${DAY_NAMES[r.last]}`} ${r.spans}`);
  return `${open.join('; ') || 'Closed'} (${hours.timeZone})`;
}
