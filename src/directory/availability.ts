import { compact } from '../payload/checker.js';
import { openingAt } from './opening-hours.js';
import type { Availability, DirectoryEntry, Presence } from './types.js';

/** What the panel tells the agent about an entry at `at`: its hours first, then the host's presence. */
export function availabilityOf(entry: DirectoryEntry, at: number, presence?: Presence): Availability {
  const checkedAt = new Date(at).toISOString();
  const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());
  const known = presence ? { presence } : {};
  if (!entry.hours)
    return { status: presence && presence !== 'available' ? 'unavailable' : 'open', checkedAt, ...known };
  const { timeZone } = entry.hours;
  const opening = openingAt(entry.hours, at);
  if (!opening.open) return compact({ status: 'closed', checkedAt, opensAt: iso(opening.opensAt), timeZone, ...known });
  const status = presence && presence !== 'available' ? 'unavailable' : 'open';
  return compact({ status, checkedAt, closesAt: iso(opening.closesAt), timeZone, ...known });
}
