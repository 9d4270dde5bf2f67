/** The read-back check: what a receiver's read-back carries of the handoff (pure; no DOM, no Lit). */
export { checkReadBack, isTimeZone, type ReadBackOptions, type ReadBackResult } from './check-read-back.js';
export { factsToCarry, amountValue, type FactToCarry } from './facts.js';
export type { ReadBackCheck, ReadBackFact, ReadBackFactKind } from '../payload/types.js';
