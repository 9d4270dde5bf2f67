/** Watching for the receiver's acknowledgement of a delivered handoff (no Lit). */
export { watchAcks, type AckWatchOptions } from './watch-acks.js';
