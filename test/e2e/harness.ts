// End-to-end harness: the demo server with the reference receiver and the test pages, and Chromium
// through playwright-core.
import { after, before } from 'node:test';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
// @ts-expect-error: plain JavaScript modules without type declarations
import { createDemoServer } from '../../demo/server.mjs';
// @ts-expect-error: plain JavaScript modules without type declarations
import { createReceiver } from '../../receiver/receiver.mjs';
import { prismRoutedReceiver } from './prism-route.js';
// @ts-expect-error: plain JavaScript modules without type declarations
import { serveReceiver } from '../../receiver/server.mjs';
// @ts-expect-error: plain JavaScript modules without type declarations
import { startPrism } from '../../scripts/prism.mjs';
// @ts-expect-error: plain JavaScript modules without type declarations
import { BROWSER_REQUIREMENTS, CHROMIUM_ARGS } from '../../scripts/browsers.mjs';

/** The strict page: the CSP from the issue, with Trusted Types enforced. */
export const STRICT_CSP = "script-src 'self'; style-src 'self'; object-src 'none'; require-trusted-types-for 'script'";

/** The strict page with a list of allowed policy names, without 'allow-duplicates'. */
export const POLICY_LIST_CSP = `${STRICT_CSP}; trusted-types lit-html handoff-panel`;

function hostileHeaders(pathname: string): Record<string, string> {
  if (pathname.startsWith('/e2e/hostile/csp')) return { 'Content-Security-Policy': STRICT_CSP };
  if (pathname.startsWith('/e2e/hostile/tt-list')) return { 'Content-Security-Policy': POLICY_LIST_CSP };
  return {};
}

/**
 * What the test pages load besides the demo's mounts: their own files, the SDK under a CDN-like path
 * (not the page's), and real design systems' CSS, unmodified, from their npm packages.
 */
const TEST_MOUNTS = {
  '/e2e/': 'test/e2e/pages',
  '/cdn/handoff-panel/0.1.0/': 'dist',
  '/vendor/slds/': 'node_modules/@salesforce-ux/design-system/assets',
  '/vendor/bootstrap3/': 'node_modules/bootstrap3/dist',
  '/vendor/bootstrap5/': 'node_modules/bootstrap/dist',
};

export interface Harness {
  origin: string;
  browser: Browser;
  close(): Promise<void>;
}

/**
 * The reference receiver, or, with PRISM_REPORT (scripts/prism-e2e.mjs), a receiver of this file's own
 * behind Prism's validating proxy, with the delivery routes sent through it.
 */
async function harnessReceiver() {
  const receiver = await createReceiver({ testControls: true });
  if (!process.env.PRISM_REPORT) return { receiver, stop: async () => {} };
  const upstream = serveReceiver(receiver);
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  const upstreamUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
  const prism = await startPrism(upstreamUrl);
  return {
    receiver: prismRoutedReceiver({ prismUrl: prism.url, upstreamUrl, report: process.env.PRISM_REPORT }),
    async stop() {
      prism.stop();
      await upstream.stop({ graceMs: 1000 });
    },
  };
}

export async function startHarness(): Promise<Harness> {
  const { receiver, stop } = await harnessReceiver();
  const server: Server = createDemoServer({
    receiver,
    extraMounts: TEST_MOUNTS,
    extraHeaders: hostileHeaders,
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({
    executablePath: BROWSER_REQUIREMENTS.chromium.path(),
    args: CHROMIUM_ARGS,
    headless: true,
  });
  return {
    origin,
    browser,
    async close() {
      await browser.close();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await stop();
    },
  };
}

/** Starts the harness before a suite's tests and closes it after; read `.current` inside tests. */
export function useHarness(): { current: Harness } {
  const ref = {} as { current: Harness };
  before(async () => {
    ref.current = await startHarness();
  });
  after(async () => {
    await ref.current.close();
  });
  return ref;
}

export interface ReceiverStats {
  requests: number;
  faults: number;
  applied: number;
  replays: number;
  conflicts: number;
  duplicatesApplied: number;
  maxConcurrentPerKey: number;
  distinctIds: number;
  ids: string[];
  posts: Record<string, number>;
  auth: Record<string, (string | null)[]>;
}

export class ReceiverControl {
  readonly ns = `e2e${Math.random().toString(36).slice(2, 10)}`;
  constructor(private readonly origin: string) {}
  private url(action: string) {
    return `${this.origin}/r/${this.ns}/__receiver/${action}`;
  }
  async faults(...faults: object[]) {
    await fetch(this.url('faults'), { method: 'POST', body: JSON.stringify(faults) });
  }
  async chaos(rate: number, faults: object[]) {
    await fetch(this.url('chaos'), { method: 'POST', body: JSON.stringify({ rate, faults }) });
  }
  async stats(): Promise<ReceiverStats> {
    return (await fetch(this.url('stats'))).json() as Promise<ReceiverStats>;
  }
}

/** Opens the outbox test page as a new tab of `context`, on the receiver's namespace. */
export async function openTab(context: BrowserContext, origin: string, ns: string, query = ''): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${origin}/e2e/outbox.html?ns=${ns}${query}`);
  await page.waitForFunction(() => document.getElementById('status')?.textContent === 'ready');
  return page;
}

export async function waitFor(check: () => Promise<boolean>, what: string, ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export type E2EWindow = {
  e2e: {
    enqueue(id: string, n: number): Promise<string>;
    counts(): Promise<{ pending: number; sending: number; delivered: number; dead: number }>;
    flush(): Promise<void>;
    events: { type: string; id: string; remote: boolean }[];
  };
};

export interface HandoffFields {
  reason?: string;
  detail?: string;
  mode?: 'Blind' | 'Warm (I stay on until they take over)';
  channel?: string;
  summary?: string;
  team?: string;
}

/** Fills a panel's required fields by their visible labels, as an integrator's test would. */
export async function fillHandoff(panel: Locator, fields: HandoffFields = {}): Promise<void> {
  await panel.getByLabel('Reason', { exact: true }).selectOption(fields.reason ?? 'specialist');
  await panel.getByLabel("Why I can't resolve it").fill(fields.detail ?? 'Needs the router team.');
  await panel.getByLabel(fields.mode ?? 'Blind').check();
  await panel.getByLabel('Channel').selectOption(fields.channel ?? 'chat');
  await panel.getByLabel('Summary').fill(fields.summary ?? 'Wi-Fi drops every evening.');
  await panel.getByLabel('Receiver team').fill(fields.team ?? 'Network');
}
