// Salesforce: a private case comment (POST /services/data/vXX.X/sobjects/CaseComment with
// `IsPublished: false`; CommentBody is plain text of at most 4,000 bytes); the case's comments (a SOQL
// query) tell whether it is already there. Auth: an OAuth access token as a Bearer token.
import { callHelpdesk, carriesMarker, requireOptions, sameOrigin } from './helpdesk-http.mjs';

const CASE_ID = /^500[A-Za-z0-9]{12}(?:[A-Za-z0-9]{3})?$/;

/**
 * @param {{ baseUrl: string, accessToken: string, apiVersion?: string, fetch?: typeof fetch }} options
 *   `baseUrl` the org's instance URL, such as https://acme.my.salesforce.com; `apiVersion` default "v61.0"
 */
export function salesforceAdapter(options) {
  requireOptions('Salesforce', options, ['baseUrl', 'accessToken']);
  const version = options.apiVersion ?? 'v61.0';
  if (!/^v\d+\.\d$/.test(version))
    throw new TypeError(`The Salesforce apiVersion looks like "v61.0"; got "${version}".`);
  const api = `${options.baseUrl.replace(/\/$/, '')}/services/data/${version}`;
  const fetchImpl = options.fetch ?? fetch;
  const headers = { Authorization: `Bearer ${options.accessToken}`, 'Content-Type': 'application/json' };
  // Salesforce answers 403 REQUEST_LIMIT_EXCEEDED once the org's rolling 24-hour API allowance is used
  // up: no retry within minutes helps, so it is reported (with that code) like any other refusal.
  return {
    name: 'Salesforce',
    format: 'text',
    limit: 4000,
    ticketId: (handoff) => (CASE_ID.test(handoff.case.id) ? handoff.case.id : undefined),
    async hasNote(caseId, marker) {
      const soql = `SELECT Id, CommentBody, IsPublished FROM CaseComment WHERE ParentId = '${caseId}'`;
      let url = `${api}/query?q=${encodeURIComponent(soql)}`;
      while (url) {
        const page = await callHelpdesk('Salesforce', fetchImpl, url, { headers });
        if ((page?.records ?? []).some((r) => r.IsPublished === false && carriesMarker(r.CommentBody, marker)))
          return true;
        url = page?.done === false ? sameOrigin(page.nextRecordsUrl, api) : undefined;
      }
      return false;
    },
    async addNote(caseId, note) {
      await callHelpdesk('Salesforce', fetchImpl, `${api}/sobjects/CaseComment`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ ParentId: caseId, CommentBody: note, IsPublished: false }),
      });
    },
  };
}
