// Freshdesk: a private note (POST /api/v2/tickets/{id}/notes with `private: true`); the ticket's
// conversations (GET /api/v2/tickets/{id}/conversations) tell whether it is already there.
// Auth: the API key as the Basic user, "X" as the password.
import { basicAuth, callHelpdesk, carriesMarker, numericTicketId, requireOptions } from './helpdesk-http.mjs';

/** @param {{ baseUrl: string, apiKey: string, fetch?: typeof fetch }} options `baseUrl` such as https://acme.freshdesk.com */
export function freshdeskAdapter(options) {
  requireOptions('Freshdesk', options, ['baseUrl', 'apiKey']);
  const base = options.baseUrl.replace(/\/$/, '');
  const fetchImpl = options.fetch ?? fetch;
  const headers = { Authorization: basicAuth(options.apiKey, 'X'), 'Content-Type': 'application/json' };
  return {
    name: 'Freshdesk',
    format: 'html',
    limit: 65_536,
    ticketId: numericTicketId,
    async hasNote(ticketId, marker) {
      for (let page = 1; page <= 50; page++) {
        const list = await callHelpdesk(
          'Freshdesk',
          fetchImpl,
          `${base}/api/v2/tickets/${ticketId}/conversations?per_page=100&page=${page}`,
          { headers },
        );
        if (!Array.isArray(list)) return false;
        if (
          list.some((c) => c.private === true && (carriesMarker(c.body, marker) || carriesMarker(c.body_text, marker)))
        )
          return true;
        if (list.length < 100) return false;
      }
      return false;
    },
    async addNote(ticketId, note) {
      await callHelpdesk('Freshdesk', fetchImpl, `${base}/api/v2/tickets/${ticketId}/notes`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ body: note, private: true }),
      });
    },
  };
}
