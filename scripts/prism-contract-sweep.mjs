// Every answer schema/openapi.json documents, produced by the real reference receiver (with a token)
// and checked by Prism: the 201 and its replay, 400 with field errors, 400 for a key that is not the
// payload's id, 401, 404, 415, 422, 413, the inbox's 400 and 404, the acks', and the insights' 200 and
// 400; then, with a commit held, the 409 with Retry-After, and, shut down, the 503. The end-to-end tests
// only ever see the happy answers; this is where the error answers meet the document. A request that is
// wrong on purpose may be reported as such; its answer must still match.
import { FULL_PAYLOAD, VALID_ACKS } from '../test/fixtures/handoffs.ts';

const fresh = () => ({ ...structuredClone(FULL_PAYLOAD), id: crypto.randomUUID() });

/** Sends one request through Prism; returns its status and every violation Prism reported. */
export async function exchange(prismUrl, method, path, { body, headers = {}, token } = {}) {
  const res = await fetch(`${prismUrl}${path}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  await res.arrayBuffer();
  const violations = JSON.parse(res.headers.get('sl-violations') ?? '[]');
  return { status: res.status, violations };
}

/**
 * Resolves the problems found: a status other than expected, or an answer not as documented.
 * `receiver.holdCommits()` makes commits wait (`held(n)`, `release()`); `receiver.shutdown()` starts a
 * graceful shutdown of what Prism forwards to. The sweep ends with the shutdown.
 */
export async function sweepContract(prismUrl, token, receiver) {
  const handoff = fresh();
  const ack = { ...structuredClone(VALID_ACKS[0]), id: crypto.randomUUID(), handoffId: handoff.id };
  const key = (payload) => ({ 'Idempotency-Key': payload.id });
  const invalid = { ...fresh(), priority: 'whenever' };
  const otherKey = fresh();
  const stray = { ...ack, id: crypto.randomUUID(), handoffId: crypto.randomUUID() };
  const cases = [
    ['a new handoff', 201, 'POST', '/handoffs', { body: handoff, headers: key(handoff) }],
    ['its retry (replayed)', 201, 'POST', '/handoffs', { body: handoff, headers: key(handoff) }],
    [
      'its key with another body',
      422,
      'POST',
      '/handoffs',
      { body: { ...handoff, priority: 'low' }, headers: key(handoff) },
    ],
    ['an invalid handoff', 400, 'POST', '/handoffs', { body: invalid, headers: key(invalid) }],
    [
      'a key that is not the id',
      400,
      'POST',
      '/handoffs',
      { body: otherKey, headers: { 'Idempotency-Key': crypto.randomUUID() } },
    ],
    ['no token', 401, 'POST', '/handoffs', { body: fresh(), headers: key(fresh()), token: null }],
    [
      'a text body',
      415,
      'POST',
      '/handoffs',
      { body: 'hello', headers: { 'Content-Type': 'text/plain', ...key(handoff) } },
    ],
    [
      'a body over 1 MiB',
      413,
      'POST',
      '/handoffs',
      { body: `{"x":"${'a'.repeat(1024 * 1024 + 10)}"}`, headers: key(handoff) },
    ],
    ['the inbox', 200, 'GET', '/handoffs', {}],
    ['the inbox with a bad limit', 400, 'GET', '/handoffs?limit=0', {}],
    ['one handoff', 200, 'GET', `/handoffs/${handoff.id}`, {}],
    ['an unknown handoff', 404, 'GET', `/handoffs/${crypto.randomUUID()}`, {}],
    ['an ack', 201, 'POST', `/handoffs/${handoff.id}/ack`, { body: ack, headers: key(ack) }],
    ['the insights', 200, 'GET', '/insights?days=7&timeZone=Europe/London&training=include', {}],
    ['the insights with a bad period', 400, 'GET', '/insights?days=0', {}],
    [
      'an ack of an unknown handoff',
      404,
      'POST',
      `/handoffs/${stray.handoffId}/ack`,
      { body: stray, headers: key(stray) },
    ],
  ];
  const problems = [];
  const statuses = new Set();
  const check = async (what, expected, method, path, options) => {
    const { status, violations } = await exchange(prismUrl, method, path, {
      ...options,
      token: options.token === null ? undefined : token,
    });
    statuses.add(status);
    if (status !== expected) problems.push(`${what}: expected ${expected}, got ${status}`);
    const answerViolations = violations.filter((v) => v.location[0] === 'response');
    if (answerViolations.length) problems.push(`${what} (${status}): ${JSON.stringify(answerViolations)}`);
  };
  for (const test of cases) await check(...test);

  // The answers only timing brings: a retry while the first request commits, and an instance going away.
  const slow = fresh();
  const hold = await receiver.holdCommits();
  const first = check('a handoff whose commit was held', 201, 'POST', '/handoffs', { body: slow, headers: key(slow) });
  try {
    await hold.held(1);
    await check('its retry while it commits', 409, 'POST', '/handoffs', { body: slow, headers: key(slow) });
  } finally {
    await hold.release();
  }
  await first;
  await receiver.shutdown();
  const late = fresh();
  await check('a handoff sent to an instance shutting down', 503, 'POST', '/handoffs', {
    body: late,
    headers: key(late),
  });
  return { problems, statuses: [...statuses].sort() };
}
