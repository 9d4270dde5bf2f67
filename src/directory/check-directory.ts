import { normalizePhone } from '../payload/phone.js';
import { IF_UNAVAILABLE, LIMITS } from '../payload/types.js';
import { isTimeZone } from '../payload/zone-time.js';
import { parseSpan } from './opening-hours.js';
import { WEEKDAY_KEYS, type DirectoryEntry } from './types.js';

export interface CheckedDirectory {
  /** The entries that can be used, each with its `id`. */
  entries: (DirectoryEntry & { id: string })[];
  /** What is wrong with the others, one sentence each, naming the entry and the key to fix. */
  problems: string[];
}

type Bag = Record<string, unknown>;
const isBag = (v: unknown): v is Bag => typeof v === 'object' && v !== null && !Array.isArray(v);
const ENTRY_KEYS = ['id', 'name', 'team', 'agentId', 'expertise', 'fallback', 'ifUnavailable', 'hours'];
const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/**
 * Checks a directory (an array of entries, or `{ entries }` as a directory URL may answer) and keeps
 * the usable entries; a broken entry is left out and reported, never half-used.
 */
export function checkDirectory(value: unknown): CheckedDirectory {
  const list = Array.isArray(value) ? value : isBag(value) && Array.isArray(value.entries) ? value.entries : undefined;
  if (!list) return { entries: [], problems: ['directory: expected an array of entries (or { "entries": [...] }).'] };
  const entries: CheckedDirectory['entries'] = [];
  const problems: string[] = [];
  const ids = new Set<string>();
  list.forEach((raw: unknown, i) => {
    const where = `directory[${i}]`;
    const found = entryProblems(raw, where);
    if (found.length) return problems.push(...found);
    const entry = raw as DirectoryEntry;
    const id = entry.id ?? entry.name ?? entry.team;
    if (ids.has(id)) return problems.push(`${where}: the id "${id}" is used twice; give each entry its own "id".`);
    ids.add(id);
    // Trimmed, as the panel trims what the agent typed before matching it to an entry.
    entries.push({ ...entry, id, team: entry.team.trim(), ...(entry.name ? { name: entry.name.trim() } : {}) });
  });
  return { entries, problems };
}

function entryProblems(raw: unknown, where: string): string[] {
  if (!isBag(raw)) return [`${where}: expected an object with at least "team" and "fallback".`];
  const problems = Object.keys(raw)
    .filter((k) => !ENTRY_KEYS.includes(k))
    .map((k) => `${where}.${k}: not a directory key (use ${ENTRY_KEYS.join(', ')}).`);
  const text = (key: string, required = false) => {
    const v = raw[key];
    if (v === undefined && !required) return;
    if (typeof v !== 'string' || !v.trim() || v.length > LIMITS.short)
      problems.push(
        `${where}.${key}: expected text of 1 to ${LIMITS.short} characters${required ? ' (required)' : ''}.`,
      );
  };
  ['id', 'name', 'agentId', 'expertise'].forEach((k) => text(k));
  text('team', true);
  problems.push(...fallbackProblems(raw.fallback, `${where}.fallback`));
  if (raw.ifUnavailable !== undefined && !(IF_UNAVAILABLE as readonly unknown[]).includes(raw.ifUnavailable))
    problems.push(`${where}.ifUnavailable: expected one of ${IF_UNAVAILABLE.join(', ')}.`);
  if (raw.hours !== undefined) problems.push(...hoursProblems(raw.hours, `${where}.hours`));
  return problems;
}

function fallbackProblems(raw: unknown, where: string): string[] {
  if (!isBag(raw)) return [`${where}: expected { "phone": "+44 20 7946 0100" } (required).`];
  const phone = typeof raw.phone === 'string' ? normalizePhone(raw.phone) : undefined;
  const problems = phone?.ok
    ? []
    : [`${where}.phone: expected a phone number in international form, e.g. "+44 20 7946 0100".`];
  if (raw.name !== undefined && (typeof raw.name !== 'string' || !raw.name.trim()))
    problems.push(`${where}.name: expected text.`);
  return problems;
}

function hoursProblems(raw: unknown, where: string): string[] {
  if (!isBag(raw)) return [`${where}: expected { "timeZone": "Europe/London", "weekly": { "mon": ["09:00-17:00"] } }.`];
  const problems: string[] = [];
  if (typeof raw.timeZone !== 'string' || !isTimeZone(raw.timeZone))
    problems.push(
      `${where}.timeZone: expected an IANA time zone, e.g. "Europe/London" (got ${JSON.stringify(raw.timeZone)}).`,
    );
  const spans = (list: unknown, at: string) => {
    if (!Array.isArray(list)) return problems.push(`${at}: expected a list of spans like ["09:00-17:00"].`);
    list.forEach((span, i) => {
      if (!parseSpan(span))
        problems.push(
          `${at}[${i}]: ${JSON.stringify(span)} is not a span like "09:00-17:00" (start before end, 24:00 at most).`,
        );
    });
  };
  if (!isBag(raw.weekly)) problems.push(`${where}.weekly: expected days like { "mon": ["09:00-17:00"] }.`);
  else
    for (const [day, list] of Object.entries(raw.weekly)) {
      if (!(WEEKDAY_KEYS as readonly string[]).includes(day))
        problems.push(`${where}.weekly.${day}: not a day (use ${WEEKDAY_KEYS.join(', ')}).`);
      else spans(list, `${where}.weekly.${day}`);
    }
  if (raw.exceptions !== undefined) {
    if (!isBag(raw.exceptions)) problems.push(`${where}.exceptions: expected dates like { "2026-12-25": [] }.`);
    else
      for (const [date, list] of Object.entries(raw.exceptions)) {
        if (!DATE.test(date)) problems.push(`${where}.exceptions.${date}: not a date like "2026-12-25".`);
        else spans(list, `${where}.exceptions.${date}`);
      }
  }
  return problems;
}
