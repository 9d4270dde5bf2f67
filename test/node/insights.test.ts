// The insights' arithmetic on hand-made records (days in a time zone, teams as people write them, time to
// acknowledge), and the page the reference receiver serves for them.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { assessQuality } from '../../src/payload/quality.js';
import { FULL_PAYLOAD, clone } from '../fixtures/handoffs.js';
// @ts-expect-error: the receiver is plain JavaScript
import { computeInsights, insightsQuery } from '../../receiver/insights.mjs';
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { startReceiver } from './receiver-helpers.js';

const openapi = JSON.parse(readFileSync(new URL('../../schema/openapi.json', import.meta.url), 'utf8'));
const ajv = new Ajv2020({ allErrors: true, strict: false });
(addFormats as unknown as (a: Ajv2020) => void)(ajv);
const insightsValid = ajv.compile(openapi.components.schemas.Insights);

const NOW = new Date('2026-11-30T12:00:00Z');
const record = (receivedAt: string, change: Record<string, unknown> = {}, acks: unknown[] = []) => ({
  ...clone(FULL_PAYLOAD),
  id: crypto.randomUUID(),
  receivedAt,
  acks,
  ...change,
});
const run = (records: unknown[], url = '/insights?days=7&timeZone=UTC') =>
  computeInsights(records, insightsQuery(url, NOW), assessQuality);

describe('insights arithmetic', () => {
  it('buckets by the day in the asked time zone', () => {
    const late = record('2026-11-29T23:30:00Z');
    assert.deepEqual(run([late]).byReason.escalation.slice(-2), [1, 0]);
    assert.deepEqual(run([late], '/insights?days=7&timeZone=Asia/Tokyo').byReason.escalation.slice(-2), [0, 1]);
    assert.equal(run([late]).labels.at(-1), '2026-11-30');
    assert.equal(run([record('2026-11-01T10:00:00Z')]).handoffs, 0, 'outside the period');
  });

  it('counts calendar days across a change of clocks: no day missing, none twice', () => {
    const spring = insightsQuery('/insights?days=3&timeZone=America/New_York', new Date('2025-03-10T04:30:00Z'));
    assert.deepEqual(spring.labels, ['2025-03-08', '2025-03-09', '2025-03-10']);
    const autumn = insightsQuery('/insights?days=3&timeZone=America/New_York', new Date('2025-11-03T04:30:00Z'));
    assert.deepEqual(autumn.labels, ['2025-10-31', '2025-11-01', '2025-11-02']);
  });

  it('never shows a team twice nor drops one, whatever order they came in', () => {
    const names = ['Zeta', 'A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'];
    const byTeam = run(names.map((team) => record('2026-11-30T09:00:00Z', { to: { team } }))).byTeam;
    const shown = byTeam.filter((t: { team: string | null }) => t.team).map((t: { team: string }) => t.team);
    assert.equal(new Set(shown).size, shown.length);
    assert.equal(shown.length + byTeam.at(-1).teams, names.length);
  });

  it('counts a reason code it does not know instead of failing', () => {
    const odd = record('2026-11-30T09:00:00Z', {
      reason: { code: 'complaint', detail: 'A reason code from a newer SDK.' },
    });
    assert.equal(run([odd]).byReason.complaint.at(-1), 1);
  });

  it('one team however its case and spacing vary; past eight teams the rest are counted together', () => {
    const teams = ['Billing  supervisors', 'billing supervisors', ...Array.from({ length: 9 }, (_, i) => `Team ${i}`)];
    const records = teams.map((team) => record('2026-11-30T09:00:00Z', { to: { team } }));
    const byTeam = run(records).byTeam;
    assert.deepEqual(byTeam[0], { team: 'Billing  supervisors', total: 2, byDay: [0, 0, 0, 0, 0, 0, 2] });
    assert.equal(byTeam.length, 9);
    assert.deepEqual(
      { team: byTeam[8].team, teams: byTeam[8].teams, total: byTeam[8].total },
      { team: null, teams: 2, total: 2 },
    );
  });

  it('times the first acknowledgement from delivery, in buckets, with the median and p90', () => {
    const acked = (minutes: number) =>
      record('2026-11-30T09:00:00Z', {}, [
        {
          payload: { accepted: true, at: '2026-11-30T09:00:00Z', by: { name: 'D' } },
          receivedAt: new Date(Date.parse('2026-11-30T09:00:00Z') + minutes * 60_000).toISOString(),
        },
      ]);
    const t = run([acked(0.5), acked(3), acked(3), acked(30), acked(600)]).timeToAck;
    assert.deepEqual(
      t.buckets.map((b: { count: number }) => b.count),
      [1, 2, 0, 1, 0, 1],
    );
    assert.equal(t.medianSeconds, 180);
    assert.equal(t.p90Seconds, 36_000);
  });

  it('answers what schema/openapi.json says, for a busy month too', () => {
    const records = Array.from({ length: 40 }, (_, i) =>
      record(new Date(NOW.getTime() - i * 3_600_000 * 5).toISOString(), {}, [
        { payload: { accepted: i % 3 !== 0, declineReason: 'Busy', at: NOW.toISOString(), by: { name: 'D' } } },
      ]),
    );
    const insights = run(records, '/insights?days=28&timeZone=Europe/Madrid');
    assert.ok(insightsValid({ ...insights, truncated: false }), JSON.stringify(insightsValid.errors));
  });

  it('an empty period answers zeros, not NaN', () => {
    const empty = run([]);
    assert.equal(empty.handoffs, 0);
    assert.equal(empty.quality.mean, null);
    assert.equal(empty.priorityLane.share, 0);
    assert.equal(JSON.stringify(empty).includes('NaN'), false);
  });
});

describe('the insights page', () => {
  it('needs the team leads’ token when there is one, not the agents’; and can be left to the host app', async () => {
    const server = await startReceiver({
      token: 'the-agents-token-1234',
      insightsToken: 'the-team-leads-token-1234',
      insightsPage: false,
      corsOrigins: '*',
    });
    try {
      const asked = (token: string) =>
        fetch(`${server.url}/insights`, { headers: { Authorization: `Bearer ${token}` } }).then((r) => r.status);
      assert.equal(await asked('the-agents-token-1234'), 401);
      assert.equal(await asked('the-team-leads-token-1234'), 200);
      assert.equal((await fetch(`${server.url}/insights.html`)).status, 404);
    } finally {
      await server.stop();
    }
  });

  it('is served with a strict CSP, its script and style beside it, no data in it', async () => {
    const server = await startReceiver({ token: 'a-long-enough-test-token', corsOrigins: '*' });
    try {
      const page = await fetch(`${server.url}/insights.html`);
      assert.equal(page.status, 200);
      const csp = page.headers.get('content-security-policy') ?? '';
      assert.match(csp, /default-src 'none'/);
      assert.match(csp, /script-src 'self'/);
      assert.doesNotMatch(csp, /unsafe/);
      assert.match(await page.text(), /<handoff-insights src="\/insights">/);
      assert.equal((await fetch(`${server.url}/insights.js`)).status, 200);
      assert.equal((await fetch(`${server.url}/insights.css`)).status, 200);
      // The data itself is behind the token, like every route.
      assert.equal((await fetch(`${server.url}/insights`)).status, 401);
      const authorized = await fetch(`${server.url}/insights`, {
        headers: { Authorization: 'Bearer a-long-enough-test-token', Origin: 'https://crm.example.com' },
      });
      assert.equal(authorized.status, 200);
      assert.equal(authorized.headers.get('access-control-allow-origin'), null, 'no other page may read it');
      assert.ok(insightsValid(await authorized.json()), JSON.stringify(insightsValid.errors));
    } finally {
      await server.stop();
    }
  });
});
