// Small HTTP pieces the reference receiver is built from: JSON answers, bounded body reading,
// bounded error lists, safe URL decoding, server-sent events.

/** Answers JSON that no browser will sniff as something else and no cache keeps. */
export function sendJson(res, status, body, headers = {}) {
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...headers,
  });
  res.end(JSON.stringify(body));
}

/** An answer to send later: `{ status, body, headers }`. */
export const answer = (status, body, headers = {}) => ({ status, body, headers });

export class BodyTooLarge extends Error {
  status = 413;
}

/** Beyond this much, an oversized upload is cut off rather than read to its end. */
const DRAIN_LIMIT = 16 * 1024 * 1024;

/**
 * Reads a request body of at most `max` bytes. An oversized body is still read to its end (up to a
 * limit) without keeping it, so that the client sees the 413 rather than a reset connection.
 */
export function readBody(req, max) {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (declared > DRAIN_LIMIT) {
      reject(new BodyTooLarge());
      return;
    }
    const chunks = [];
    let size = 0;
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size <= max) chunks.push(chunk);
      else if (size > DRAIN_LIMIT) req.destroy();
    });
    req.on('end', () => (size > max ? reject(new BodyTooLarge()) : resolve(Buffer.concat(chunks))));
    req.on('error', reject);
    req.on('close', () => {
      if (size > max) reject(new BodyTooLarge());
    });
  });
}

/**
 * Reads a request body to its end without keeping it: a connection closed with the body unread is
 * reset, and a client or balancer then sees a broken connection instead of the answer.
 */
export const discardBody = (req) =>
  readBody(req, 0).then(
    () => {},
    () => {},
  );

const FIELD_ERRORS_SHOWN = 20;

/** ajv's errors as `{ path, message, keyword }`, at most 20 of them: an answer never grows with the input. */
export function fieldErrors(errors = []) {
  const fields = errors.slice(0, FIELD_ERRORS_SHOWN).map((e) => ({
    path:
      e.instancePath
        .replace(/^\//, '')
        .replace(/\/(\d+)/g, '[$1]')
        .replace(/\//g, '.') || '(root)',
    message: e.message,
    keyword: e.keyword,
  }));
  return errors.length > FIELD_ERRORS_SHOWN ? { fields, moreFields: errors.length - FIELD_ERRORS_SHOWN } : { fields };
}

/** decodeURIComponent that answers undefined instead of throwing on a bad escape such as `%ZZ`. */
export function safeDecode(text) {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

/** A subscriber that has this much unsent is too slow: it is cut off and reconnects. */
const MAX_BUFFERED = 1024 * 1024;

/** Writes one server-sent event (with its id, if any); a subscriber that cannot keep up is disconnected instead. */
export function writeEvent(res, event, data, id) {
  // A stream a shutdown ended may still be replaying its history.
  if (res.writableEnded || res.destroyed) return;
  if (res.writableLength > MAX_BUFFERED) {
    res.destroy();
    return;
  }
  res.write(`${id === undefined ? '' : `id: ${id}\n`}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
}
