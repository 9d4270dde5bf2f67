// The script tags in a real page: the two-step build (a first file, the panel's file on demand), the
// one-file build, one global, and a second copy harmless.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { POLICY_LIST_CSP, ReceiverControl, fillHandoff, useHarness, waitFor } from './harness.js';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));

type Api = {
  version: string;
  load(): Promise<unknown>;
  open(o?: object): Promise<void>;
  configure(o: object): void;
  buildHandoff?: unknown;
};
type Hostile = { hostile: { violations: string[]; errors: string[] }; HandoffPanel: Api };

/** Adds a script tag for `src` to the page and waits for it to run; returns the globals it added. */
async function addScript(page: Page, src: string) {
  return page.evaluate(async (url) => {
    const before = new Set(Object.getOwnPropertyNames(window));
    await new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = url;
      script.onload = resolve;
      script.onerror = reject;
      document.head.append(script);
    });
    return Object.getOwnPropertyNames(window).filter((k) => !before.has(k));
  }, src);
}

/** The SDK's script files the page requested, in order. */
function scriptRequests(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script' && /handoff-(panel|receipt)/.test(r.url())) seen.push(new URL(r.url()).pathname);
  });
  return seen;
}

/** A page where the browser is never idle: what loads at idle time does not load at all. */
async function neverIdle(page: Page): Promise<void> {
  await page.addInitScript(() => {
    window.requestIdleCallback = () => 0;
  });
}

const defined = (page: Page, tag: string) => page.evaluate((t) => Boolean(customElements.get(t)), tag);
const LIT_GLOBALS = ['litPropertyMetadata', 'reactiveElementVersions', 'litHtmlVersions', 'litElementVersions'];

describe('script tags (Chromium)', () => {
  const h = useHarness();

  it('two steps: the first file adds one global and the launcher and status; the panel comes at idle time', async () => {
    const page = await h.current.browser.newPage();
    const messages: string[] = [];
    page.on('console', (m) => messages.push(`${m.type()}: ${m.text()}`));
    const scripts = scriptRequests(page);
    await page.goto(`${h.current.origin}/e2e/blank.html`);
    const added = await addScript(page, '/dist/handoff-panel.js');
    // Lit keeps version registries (to warn about duplicate copies) and its decorator metadata on window.
    assert.deepEqual(
      added.filter((k) => !LIT_GLOBALS.includes(k)),
      ['HandoffPanel'],
    );
    assert.equal(await page.evaluate(() => (window as unknown as Hostile).HandoffPanel.version), pkg.version);
    assert.ok((await defined(page, 'handoff-launcher')) && (await defined(page, 'handoff-outbox-status')));
    await page.waitForFunction(() => customElements.get('handoff-panel'));
    assert.equal(scripts.length, 2, scripts.join(' '));
    assert.match(scripts[1]!, /^\/dist\/handoff-panel\.lazy-[\w-]+\.js$/);
    const api = await page.evaluate(async () => {
      const loaded = (await (window as unknown as Hostile).HandoffPanel.load()) as Api;
      return { buildHandoff: typeof loaded.buildHandoff, same: loaded === (window as unknown as Hostile).HandoffPanel };
    });
    assert.deepEqual(api, { buildHandoff: 'function', same: true });
    assert.equal(scripts.length, 2, 'load() after the idle prefetch downloads nothing more');
    assert.deepEqual(messages, []);
    await page.close();
  });

  it('a page with a <handoff-panel> gets it at once; without one, the first open loads it', async () => {
    for (const withPanel of [true, false]) {
      const page = await h.current.browser.newPage();
      await neverIdle(page);
      const scripts = scriptRequests(page);
      await page.goto(`${h.current.origin}/e2e/blank.html`);
      if (withPanel) await page.evaluate(() => document.body.append(document.createElement('handoff-panel')));
      await addScript(page, '/dist/handoff-panel.js');
      if (withPanel) {
        await page.waitForFunction(() => customElements.get('handoff-panel'));
      } else {
        await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 100)));
        assert.equal(await defined(page, 'handoff-panel'), false, 'nothing needs the panel yet');
        assert.equal(scripts.length, 1);
        await page.evaluate(() => (window as unknown as Hostile).HandoffPanel.open());
        await page.locator('handoff-panel').getByLabel('Summary').waitFor();
      }
      assert.equal(scripts.length, 2);
      await page.close();
    }
  });

  it('the directory comes in a third file, only to a panel given one, and its combobox works', async () => {
    const page = await h.current.browser.newPage();
    const messages: string[] = [];
    page.on('console', (m) => messages.push(`${m.type()}: ${m.text()}`));
    const scripts = scriptRequests(page);
    await page.goto(`${h.current.origin}/e2e/blank.html`);
    await page.evaluate(() => document.body.append(document.createElement('handoff-panel')));
    await addScript(page, '/dist/handoff-panel.js');
    const panel = page.locator('handoff-panel');
    await panel.getByLabel('Summary').waitFor();
    assert.equal(scripts.length, 2, 'no directory, no directory file');
    await page.evaluate(() =>
      (window as unknown as Hostile).HandoffPanel.configure({
        directory: [{ name: 'Dana Whitfield', team: 'Billing supervisors', fallback: { phone: '+44 20 7946 0100' } }],
      }),
    );
    await panel.getByRole('combobox', { name: 'Who can help' }).fill('dana');
    await panel.locator('[role="listbox"] [role="option"]').first().click();
    assert.equal(await panel.getByLabel('Receiver team').inputValue(), 'Billing supervisors');
    assert.equal(scripts.length, 3, scripts.join(' '));
    assert.match(scripts[2]!, /^\/dist\/handoff-panel\.directory-[\w-]+\.js$/);
    assert.deepEqual(messages, []);
    await page.close();
  });

  it("the panel's file fails to load: the popover says so, nothing is lost, and Try again loads it", async () => {
    const page = await h.current.browser.newPage();
    await neverIdle(page);
    let blocked = true;
    await page.route(/handoff-panel\.lazy-/, (route) => (blocked ? route.abort() : route.continue()));
    await page.goto(`${h.current.origin}/e2e/blank.html`);
    await page.evaluate(() => document.body.append(document.createElement('handoff-launcher')));
    await addScript(page, '/dist/handoff-panel.js');
    await page.locator('handoff-launcher').getByRole('button', { name: 'Hand off' }).click();
    const alert = page.locator('handoff-launcher').getByRole('alert');
    await alert.waitFor();
    assert.match(
      await alert.innerText(),
      /The handoff form could not be loaded \(handoff-panel: .*could not be loaded/,
    );
    blocked = false;
    await page.locator('handoff-launcher').getByRole('button', { name: 'Try again' }).click();
    await page.locator('handoff-panel').getByLabel('Summary').waitFor();
    assert.equal(await alert.count(), 0);
    await page.close();
  });

  it('the one-file build: everything at once, in one request', async () => {
    const page = await h.current.browser.newPage();
    await neverIdle(page);
    const scripts = scriptRequests(page);
    await page.goto(`${h.current.origin}/e2e/blank.html`);
    const added = await addScript(page, '/dist/handoff-panel.all.js');
    assert.deepEqual(
      added.filter((k) => !LIT_GLOBALS.includes(k)),
      ['HandoffPanel'],
    );
    assert.ok(await defined(page, 'handoff-panel'));
    assert.equal(
      await page.evaluate(
        async () => typeof ((await (window as unknown as Hostile).HandoffPanel.load()) as Api).buildHandoff,
      ),
      'function',
    );
    assert.deepEqual(scripts, ['/dist/handoff-panel.all.js']);
    await page.close();
  });

  it('from a CDN path, under Trusted Types with a policy list and no duplicates allowed, beside the receipt tag', async () => {
    const receiver = new ReceiverControl(h.current.origin);
    const page = await h.current.browser.newPage();
    const messages: string[] = [];
    page.on('console', (m) => messages.push(`${m.type()}: ${m.text()}`));
    page.on('pageerror', (e) => messages.push(`pageerror: ${e.message}`));
    const scripts = scriptRequests(page);
    await page.goto(`${h.current.origin}/e2e/hostile/tt-list.html?ns=${receiver.ns}`);
    const csp = await page.evaluate(async () => (await fetch(location.href)).headers.get('content-security-policy'));
    assert.equal(csp, POLICY_LIST_CSP);
    await page.waitForFunction(() => customElements.get('handoff-receipt') && customElements.get('handoff-launcher'));
    await page.locator('handoff-launcher').getByRole('button', { name: 'Hand off' }).click();
    const panel = page.locator('handoff-panel');
    await fillHandoff(panel);
    await panel.getByRole('button', { name: 'Send handoff' }).click();
    await waitFor(async () => (await panel.locator('[part="status"]').innerText()) === 'Delivered.', 'the delivery');
    assert.ok(
      scripts.every((path) => path.startsWith('/cdn/handoff-panel/0.1.0/')),
      `every file from the CDN path: ${scripts.join(' ')}`,
    );
    assert.ok(scripts.some((path) => /handoff-panel\.lazy-/.test(path)));
    assert.deepEqual(await page.evaluate(() => (window as unknown as Hostile).hostile), { violations: [], errors: [] });
    assert.deepEqual(
      messages.filter((line) => /Content Security Policy|Trusted Type|pageerror|error:/i.test(line)),
      [],
    );
    await page.close();
  });
});
