// The team lead's view on the reference receiver: `GET /insights` (JSON, behind the receiver's token like
// every route) and `/insights.html` with its script (no data of their own; served under a strict CSP).
import { readFile } from 'node:fs/promises';
import { answer } from './http.mjs';
import { InsightsQueryError, MAX_INSIGHT_RECORDS, computeInsights, insightsQuery } from './insights.mjs';

const PAGE_FILES = {
  '/insights.html': [new URL('./insights/insights.html', import.meta.url), 'text/html; charset=utf-8'],
  '/insights.svg': [new URL('./insights/icon.svg', import.meta.url), 'image/svg+xml'],
  '/insights.css': [new URL('./insights/insights.css', import.meta.url), 'text/css; charset=utf-8'],
  '/insights.js': [new URL('../dist/handoff-insights.js', import.meta.url), 'text/javascript; charset=utf-8'],
};

/** The page may load only itself and ask only this receiver; nothing inline, no frames. */
export const INSIGHTS_PAGE_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; " +
  "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

let scoring;
/** The SDK's own quality rule, from the build (as the helpdesk notes use the SDK's toNote). */
async function qualityRule() {
  scoring ??= import('../dist/esm/payload/quality.js').then(
    (m) => m.assessQuality,
    () => undefined,
  );
  return scoring;
}

/** Serves the page or its script for a GET of their path; false for any other request. */
export async function serveInsightsPage(req, res, pathname) {
  const file = PAGE_FILES[pathname];
  if (!file || (req.method !== 'GET' && req.method !== 'HEAD')) return false;
  const body = await readFile(file[0]).catch(() => undefined);
  if (!body) {
    res.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8', 'Retry-After': '5' });
    res.end('The insights page is part of the SDK build: run `npm run build`.\n');
    return true;
  }
  res.writeHead(200, {
    'Content-Type': file[1],
    'Cache-Control': 'no-cache',
    'Content-Security-Policy': INSIGHTS_PAGE_CSP,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
  });
  res.end(req.method === 'HEAD' ? undefined : body);
  return true;
}

/** The answer to `GET /insights?days=&timeZone=&training=` over an inbox. */
export async function insightsAnswer(inbox, req, now = new Date()) {
  if (req.method !== 'GET') return answer(405, { error: `${req.method} is not supported here.` }, { Allow: 'GET' });
  let query;
  try {
    query = insightsQuery(req.url ?? '/', now);
  } catch (error) {
    if (error instanceof InsightsQueryError) return answer(400, { error: error.message });
    throw error;
  }
  const assessQuality = await qualityRule();
  if (!assessQuality)
    return answer(
      503,
      { error: 'Insights score handoffs with the SDK build: run `npm run build`.' },
      { 'Retry-After': '5' },
    );
  const records = (await inbox?.receivedSince({ since: query.since, limit: MAX_INSIGHT_RECORDS + 1 })) ?? [];
  const truncated = records.length > MAX_INSIGHT_RECORDS;
  const insights = computeInsights(records.slice(0, MAX_INSIGHT_RECORDS), query, assessQuality);
  return answer(200, { ...insights, truncated }, { 'Cache-Control': 'no-store' });
}
