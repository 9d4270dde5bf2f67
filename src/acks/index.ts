/** Watching for the receiver's acknowledgement of a delivered handoff (no Lit). */
export { ackOf, watchAcks, type AckEntry, type AckWatchOptions } from './watch-acks.js';
