// Zendesk: an internal note is a ticket update with `comment.public: false`
// (PUT /api/v2/tickets/{id}.json); the ticket's comments (GET /api/v2/tickets/{id}/comments.json)
// tell whether this handoff's note is already there. Auth: "{email}/token:{api_token}".
import {
  basicAuth,
  callHelpdesk,
  carriesMarker,
  numericTicketId,
  requireOptions,
  sameOrigin,
} from './helpdesk-http.mjs';

/**
 * @param {{ baseUrl: string, email: string, apiToken: string, fetch?: typeof fetch }} options
 *   `baseUrl` such as https://acme.zendesk.com
 */
export function zendeskAdapter(options) {
  requireOptions('Zendesk', options, ['baseUrl', 'email', 'apiToken']);
  const base = options.baseUrl.replace(/\/$/, '');
  const fetchImpl = options.fetch ?? fetch;
  const headers = {
    Authorization: basicAuth(`${options.email}/token`, options.apiToken),
    'Content-Type': 'application/json',
    Accept: 'application/json',
  };
  return {
    name: 'Zendesk',
    format: 'html',
    // Zendesk documents no comment length; 64 KiB keeps a note readable and well inside its request limit.
    limit: 65_536,
    ticketId: numericTicketId,
    async hasNote(ticketId, marker) {
      let url = `${base}/api/v2/tickets/${ticketId}/comments.json`;
      while (url) {
        const page = await callHelpdesk('Zendesk', fetchImpl, url, { headers });
        if (
          (page?.comments ?? []).some(
            (c) =>
              c.public === false &&
              (carriesMarker(c.html_body, marker) || carriesMarker(c.plain_body ?? c.body, marker)),
          )
        )
          return true;
        url = sameOrigin(page?.next_page, base);
      }
      return false;
    },
    async addNote(ticketId, note) {
      await callHelpdesk('Zendesk', fetchImpl, `${base}/api/v2/tickets/${ticketId}.json`, {
        method: 'PUT',
        headers,
        body: JSON.stringify({ ticket: { comment: { html_body: note, public: false } } }),
      });
    },
  };
}
