// Helpdesk adapters for forwarding handoffs as internal notes (see note-forwarder.mjs).
export { zendeskAdapter } from './zendesk.mjs';
export { salesforceAdapter } from './salesforce.mjs';
export { freshdeskAdapter } from './freshdesk.mjs';
export { createNoteForwarder } from './note-forwarder.mjs';
export { HelpdeskError, sameOrigin } from './helpdesk-http.mjs';
