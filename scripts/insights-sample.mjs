// A month of made-up but plausible handoffs for the insights screenshot: the six demo scenarios' model
// answers, each day a few of them with the slips agents make (no deadline, no expectation, a secret
// typed), acknowledged after a while or declined, read-backs that miss a fact. Deterministic (seeded),
// written as the reference receiver's JSON-lines log so that each record keeps its own day.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';

const SCENARIOS = new URL('../demo/scenarios/', import.meta.url);
const DAY = 86_400_000;

/** A small seeded generator (mulberry32): the same sample every run. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SLIPS = [
  (d) => d.actions.forEach((a) => delete a.due),
  (d) => delete d.recap.expectation,
  (d) => (d.script.managingUp = 'They will help you.'),
  (d) => (d.recap.summary = `${d.recap.summary} Card 4539 1488 0343 6467.`),
  (d) => (d.reason.detail = 'Not mine.'),
];
const DECLINES = ['Not our team: try Privacy.', 'No capacity before tomorrow.', 'Needs a supervisor, not us.'];
const FACTS = ['deadline', 'expectation', 'verification', 'fallback', 'amount'];

/** JSON lines of `days` days of handoffs and acks up to `now`, built with the SDK's own `buildHandoff`. */
export function sampleLog({ buildHandoff, now = new Date(), days = 28, seed = 7 }) {
  const next = random(seed);
  const models = readdirSync(SCENARIOS)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(new URL(f, SCENARIOS), 'utf8')).model);
  const lines = [];
  const record = (kind, payload, receivedAt) => {
    const body = JSON.stringify(payload);
    const key = payload.id;
    const hash = createHash('sha256').update(body).digest('hex');
    const response = { id: payload.id, status: 'accepted', receivedAt };
    lines.push(JSON.stringify({ kind, key, hash, payload, response, receivedAt }));
  };
  for (let day = days - 1; day >= 0; day--) {
    const count = 3 + Math.floor(next() * 6) + (day % 7 < 2 ? -2 : 0);
    for (let i = 0; i < count; i++) {
      const draft = structuredClone(models[Math.floor(next() * models.length)]);
      if (next() < 0.45) SLIPS[Math.floor(next() * SLIPS.length)](draft);
      if (next() < 0.15) draft.transfer = { count: 2 + Math.floor(next() * 2) };
      const at = new Date(now.getTime() - day * DAY - (8 + next() * 9) * 3_600_000);
      const built = buildHandoff(draft, { now: () => at, id: crypto.randomUUID() });
      if (!built.ok) throw new Error(JSON.stringify(built.errors));
      record('handoff', built.payload, at.toISOString());
      if (next() < 0.1 && day > 0) continue; // never acknowledged
      const ackAt = new Date(at.getTime() + Math.round(30 + (next() ** 2 * 3 * 3_600_000) / 1000) * 1000);
      const declined = next() < 0.12;
      const missing = next() < 0.4 ? [FACTS[Math.floor(next() * FACTS.length)]] : [];
      record(
        'ack',
        {
          schema: 'handoff-ack/v1',
          id: crypto.randomUUID(),
          handoffId: built.payload.id,
          at: ackAt.toISOString(),
          by: { agentId: 'sup-3', name: 'Dana Whitfield' },
          readBack: 'Read back in the receiver’s own words.',
          accepted: !declined,
          ...(declined ? { declineReason: DECLINES[Math.floor(next() * DECLINES.length)] } : {}),
          readBackCheck: {
            found: [],
            missing: missing.map((kind) => ({ kind, field: kind === 'fallback' ? 'contingency' : 'recap' })),
            dismissed: [],
          },
        },
        ackAt.toISOString(),
      );
    }
  }
  return `${lines.join('\n')}\n`;
}
