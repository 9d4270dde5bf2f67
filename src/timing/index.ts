/** Due times and follow-ups the receiver cannot meet (pure; no DOM). */
export { actionOrder, canActFrom, timingWarnings, type TimingContext } from './timing-warnings.js';
