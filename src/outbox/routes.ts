/**
 * Every URL shape the SDK uses, in one place: the endpoint handoffs are POSTed to, one handoff under
 * it (`GET` for its acknowledgements), its acknowledgement route and its event stream.
 */

/**
 * An endpoint as an absolute URL without trailing slashes. Stored records keep absolute URLs, so a
 * queued item goes where it was meant to whichever page of the origin delivers it.
 */
export function absoluteEndpoint(endpoint: string): string {
  let url: URL;
  try {
    url = new URL(endpoint, globalThis.location?.href);
  } catch {
    throw new TypeError(
      `The endpoint "${endpoint}" is not a URL; give an absolute URL or, in a page, a path such as "/api/handoffs".`,
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new TypeError(`The endpoint "${endpoint}" must be an http(s) URL.`);
  }
  url.hash = '';
  return url.href.replace(/\/+$/, '');
}

/** `<endpoint>/<id>`: one handoff, as the reference receiver serves it with its acknowledgements. */
export function handoffUrl(endpoint: string, handoffId: string): string {
  return `${endpoint.replace(/\/+$/, '')}/${encodeURIComponent(handoffId)}`;
}

/** `<endpoint>/<id>/ack`: where an acknowledgement of that handoff is POSTed by default. */
export const ackUrl = (endpoint: string, handoffId: string): string => `${handoffUrl(endpoint, handoffId)}/ack`;

/** `<endpoint>/<id>/events`: that handoff's acknowledgements as server-sent events. */
export const ackEventsUrl = (endpoint: string, handoffId: string): string =>
  `${handoffUrl(endpoint, handoffId)}/events`;

/** The origin of a URL, resolved against the page; undefined for something that is not a URL. */
export function originOf(url: string): string | undefined {
  try {
    return new URL(url, globalThis.location?.href).origin;
  } catch {
    return undefined;
  }
}
