// A team lead's view of where handoffs fail, from the stored handoffs and their acks (`GET /insights`,
// drawn by /insights.html). Training and demo traffic is left out unless asked for. Quality is scored
// again here from each payload (the same rule as the SDK's `assessQuality`): a score a client sent is
// never trusted. Documented in schema/openapi.json (`Insights`).

/** The most handoffs one answer reads: a bound on memory and time (a year at ~130 handoffs a day). */
export const MAX_INSIGHT_RECORDS = 50_000;
export const DEFAULT_DAYS = 28;
const MAX_DAYS = 366;
/** Receiving teams shown by name; the rest are counted together. */
const TOP_TEAMS = 8;
const TOP_DECLINES = 10;
/** Time from delivery to the first acknowledgement, in buckets a team lead reads at a glance. */
export const ACK_BUCKETS_SECONDS = [60, 5 * 60, 15 * 60, 60 * 60, 4 * 60 * 60, Infinity];
const REASONS = ['escalation', 'specialist', 'shift-change', 'absence-cover', 'other'];
const FACT_KINDS = ['amount', 'deadline', 'expectation', 'verification', 'fallback'];

export class InsightsQueryError extends Error {}

/** Reads `?days=`, `?timeZone=` and `?training=include` of a request URL; throws what to fix. */
export function insightsQuery(url, now = new Date()) {
  const params = new URL(url, 'http://receiver').searchParams;
  const daysText = params.get('days');
  const days = daysText === null ? DEFAULT_DAYS : Number(daysText);
  if (!Number.isInteger(days) || days < 1 || days > MAX_DAYS)
    throw new InsightsQueryError(`days must be a whole number from 1 to ${MAX_DAYS}.`);
  const timeZone = params.get('timeZone') ?? 'UTC';
  try {
    new Intl.DateTimeFormat('en', { timeZone });
  } catch {
    throw new InsightsQueryError(`timeZone must be an IANA time zone such as Europe/London, not "${timeZone}".`);
  }
  const training = params.get('training');
  if (training !== null && training !== 'include' && training !== 'exclude')
    throw new InsightsQueryError('training must be "include" or "exclude".');
  // Calendar days counted back from today in that zone (not 24-hour steps, which a DST change breaks).
  const [year, month, day] = dayKeyIn(timeZone)(now).split('-').map(Number);
  const labels = Array.from({ length: days }, (_, i) =>
    new Date(Date.UTC(year, month - 1, day - (days - 1 - i))).toISOString().slice(0, 10),
  );
  // Read from a day before the first day's start anywhere; the per-day filter below is exact.
  const since = new Date(Date.UTC(year, month - 1, day - days) - 86_400_000).toISOString();
  return { days, timeZone, includeTraining: training === 'include', labels, since, now };
}

/** `YYYY-MM-DD` of an instant in a time zone. */
function dayKeyIn(timeZone) {
  const format = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  return (date) => {
    const parts = Object.fromEntries(format.formatToParts(date).map((p) => [p.type, p.value]));
    return `${parts.year}-${parts.month}-${parts.day}`;
  };
}

const ackOf = (entry) => entry?.payload ?? entry;

/** Counts of a key, biggest first, as `{ [name]: key, count }`. */
function ranked(counts, name, top = Infinity) {
  return [...counts]
    .sort((a, b) => b[1] - a[1] || String(a[0]).localeCompare(String(b[0])))
    .slice(0, top)
    .map(([key, count]) => ({ [name]: key, count }));
}

const bump = (map, key, by = 1) => map.set(key, (map.get(key) ?? 0) + by);

/** The nearest-rank quantile of a sorted list. */
function quantile(sorted, q) {
  if (!sorted.length) return null;
  return sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)];
}

/** The receiving team as people write it: one team however its case and spacing vary. */
const teamKey = (team) => team.trim().replace(/\s+/g, ' ').toLocaleLowerCase();

/**
 * The insights over `records` (stored handoffs with `receivedAt` and `acks`), for the days of `query`.
 * `assessQuality` is the SDK's own scoring rule.
 */
export function computeInsights(records, query, assessQuality) {
  const dayKey = dayKeyIn(query.timeZone);
  const dayIndex = new Map(query.labels.map((label, i) => [label, i]));
  const perDay = () => query.labels.map(() => 0);
  const byReason = Object.fromEntries(REASONS.map((r) => [r, perDay()]));
  const teams = new Map();
  const flaggedByDay = perDay();
  const declines = new Map();
  const ackSeconds = [];
  const scoreCounts = new Map();
  const missingChecks = new Map();
  const missedFacts = new Map();
  const acks = { acknowledged: 0, declined: 0, pending: 0 };
  const readBack = { checked: 0, complete: 0 };
  let handoffs = 0;
  let trainingLeftOut = 0;
  let flagged = 0;
  let scoreSum = 0;

  for (const record of records) {
    const day = dayIndex.get(dayKey(new Date(record.receivedAt)));
    if (day === undefined) continue;
    if (record.training && !query.includeTraining) {
      trainingLeftOut++;
      continue;
    }
    handoffs++;
    (byReason[record.reason.code] ??= perDay())[day]++;
    const team = teams.get(teamKey(record.to.team)) ?? { team: record.to.team.trim(), byDay: perDay(), total: 0 };
    team.byDay[day]++;
    team.total++;
    teams.set(teamKey(record.to.team), team);
    if (record.transfer.flagged) {
      flagged++;
      flaggedByDay[day]++;
    }
    const quality = assessQuality(record);
    scoreSum += quality.score;
    bump(scoreCounts, quality.score);
    for (const check of new Set(quality.missing.map((m) => m.check))) bump(missingChecks, check);

    const first = (record.acks ?? []).map((entry) => ({ ack: ackOf(entry), receivedAt: entry.receivedAt }))[0];
    if (!first) acks.pending++;
    else {
      if (first.ack.accepted) acks.acknowledged++;
      else {
        acks.declined++;
        bump(declines, (first.ack.declineReason ?? '').trim().replace(/\s+/g, ' ').slice(0, 120));
      }
      const seconds = (Date.parse(first.receivedAt ?? first.ack.at) - Date.parse(record.receivedAt)) / 1000;
      if (Number.isFinite(seconds)) ackSeconds.push(Math.max(0, seconds));
      const check = first.ack.readBackCheck;
      if (check) {
        readBack.checked++;
        if (!check.missing.length) readBack.complete++;
        for (const kind of new Set(check.missing.map((f) => f.kind))) bump(missedFacts, kind);
      }
    }
  }

  const byTotal = [...teams.values()].sort((a, b) => b.total - a.total || a.team.localeCompare(b.team));
  const shownTeams = byTotal.slice(0, TOP_TEAMS);
  const otherTeams = byTotal.slice(TOP_TEAMS);
  ackSeconds.sort((a, b) => a - b);
  const max = assessQuality({}).max;
  return {
    generatedAt: query.now.toISOString(),
    range: { days: query.days, timeZone: query.timeZone, from: query.labels[0], to: query.labels.at(-1) },
    training: query.includeTraining ? 'included' : 'excluded',
    trainingLeftOut,
    handoffs,
    labels: query.labels,
    byReason,
    byTeam: [
      ...shownTeams.map(({ team, byDay, total }) => ({ team, total, byDay })),
      ...(otherTeams.length
        ? [
            {
              team: null,
              teams: otherTeams.length,
              total: otherTeams.reduce((sum, t) => sum + t.total, 0),
              byDay: perDay().map((_, i) => otherTeams.reduce((sum, t) => sum + t.byDay[i], 0)),
            },
          ]
        : []),
    ],
    priorityLane: { flagged, share: handoffs ? flagged / handoffs : 0, byDay: flaggedByDay },
    acks: { ...acks, declineReasons: ranked(declines, 'reason', TOP_DECLINES) },
    timeToAck: {
      count: ackSeconds.length,
      medianSeconds: quantile(ackSeconds, 0.5),
      p90Seconds: quantile(ackSeconds, 0.9),
      buckets: ACK_BUCKETS_SECONDS.map((upTo, i) => ({
        upToSeconds: Number.isFinite(upTo) ? upTo : null,
        count: ackSeconds.filter((s) => s <= upTo && (i === 0 || s > ACK_BUCKETS_SECONDS[i - 1])).length,
      })),
    },
    quality: {
      max,
      mean: handoffs ? scoreSum / handoffs : null,
      scores: Array.from({ length: max + 1 }, (_, score) => ({ score, count: scoreCounts.get(score) ?? 0 })),
      missing: ranked(missingChecks, 'check').map((m) => ({ ...m, share: m.count / handoffs })),
    },
    readBack: {
      ...readBack,
      missed: FACT_KINDS.map((kind) => ({ kind, count: missedFacts.get(kind) ?? 0 })),
    },
  };
}
