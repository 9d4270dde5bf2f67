/** Handoffs as helpdesk notes: pure functions with no DOM and no Lit. */
export { toNote, NOTE_LIMITS, type NoteOptions } from './to-note.js';
export { NOTE_FORMATS, type NoteFormat } from './render-note.js';
