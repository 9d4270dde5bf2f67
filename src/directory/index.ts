/** The receiver directory: entries, opening hours and availability (pure; no DOM, no Lit). */
export { checkDirectory, type CheckedDirectory } from './check-directory.js';
export { openingAt, parseSpan, type Opening } from './opening-hours.js';
export { availabilityOf } from './availability.js';
export { describeHours } from './describe-hours.js';
export { searchDirectory, sameExpertise } from './search-directory.js';
export {
  AVAILABILITY_STATUSES,
  WEEKDAY_KEYS,
  type Availability,
  type AvailabilityHook,
  type AvailabilityStatus,
  type DirectoryEntry,
  type OpeningHours,
  type OpeningSpan,
  type Presence,
  type WeekdayKey,
} from './types.js';
