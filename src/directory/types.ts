/**
 * The receiver directory: the teams and people an agent hands customers to, with the numbers a
 * customer can call if the transfer fails, their opening hours, and what to do when they cannot take
 * a transfer. Types only.
 */
import type { IfUnavailable, Presence } from '../payload/types.js';

export {
  AVAILABILITY_STATUSES,
  PRESENCES,
  type AvailabilityStatus,
  type Presence,
  type ReceiverAvailability as Availability,
} from '../payload/types.js';

export const WEEKDAY_KEYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type WeekdayKey = (typeof WEEKDAY_KEYS)[number];

/** An opening span on a receiver's clock, `"09:00-17:00"`; `"00:00-24:00"` is the whole day. */
export type OpeningSpan = string;

export interface OpeningHours {
  /** The IANA time zone the spans are read in, e.g. `Europe/London`. */
  timeZone: string;
  /** Each weekday's spans; a day left out is closed. */
  weekly: Partial<Record<WeekdayKey, OpeningSpan[]>>;
  /** Dates (`YYYY-MM-DD`, in `timeZone`) that differ from the week; `[]` is closed all day. */
  exceptions?: Record<string, OpeningSpan[]>;
}

export interface DirectoryEntry {
  /**
   * Stable and unique in the directory.
   * @default the name, else the team
   */
  id?: string;
  /** A person, or a desk; left out for a whole team. */
  name?: string;
  team: string;
  agentId?: string;
  /** What they are good at: the managing-up script names it, and alternatives are found by it. */
  expertise?: string;
  /** The number a customer can call if the transfer fails, and who answers it. */
  fallback: { phone: string; name?: string };
  /** What happens if they cannot take the transfer; the panel preselects it. */
  ifUnavailable?: IfUnavailable;
  /**
   * When they take transfers.
   * @default always open
   */
  hours?: OpeningHours;
}

/**
 * The host's presence system, asked about the entry the agent picked and about alternatives; `undefined`
 * (or a hook that throws or takes over 2 s) means it does not know, and only the hours count.
 */
export type AvailabilityHook = (entry: DirectoryEntry) => Presence | undefined | Promise<Presence | undefined>;
