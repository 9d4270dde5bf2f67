// The script tag on hostile host pages (playwright-core + Chromium, the built bundle from a local server).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { ReceiverControl, STRICT_CSP, fillHandoff, useHarness, waitFor } from './harness.js';
import { decodePng, differingPixels, type Image } from './png.js';

type Hostile = {
  hostile: { violations: string[]; errors: string[] };
  HandoffPanel: { version: string; open(o?: object): void; config: { endpoint?: string } };
};

async function load(page: Page, url: string): Promise<string[]> {
  const console: string[] = [];
  page.on('console', (m) => console.push(`${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => console.push(`pageerror: ${e.message}`));
  await page.goto(url);
  await page.waitForFunction(
    () => customElements.get('handoff-panel') && (window as unknown as Hostile).HandoffPanel?.version,
  );
  return console;
}

const problems = (page: Page) => page.evaluate(() => (window as unknown as Hostile).hostile);

/** Fills the panel's required fields by label, sends it, and waits for the delivery. */
async function completeHandoff(page: Page): Promise<void> {
  const panel = page.locator('handoff-panel');
  await fillHandoff(panel);
  await panel.getByRole('button', { name: 'Send handoff' }).click();
  await waitFor(async () => (await panel.locator('[part="status"]').innerText()) === 'Delivered.', 'the delivery');
}

describe('hostile host pages (Chromium)', () => {
  const h = useHarness();

  it('aggressive global CSS: the panel looks exactly as on a clean page, and works', async () => {
    const shots: Buffer[] = [];
    for (const file of ['clean', 'css']) {
      const page = await h.current.browser.newPage({ viewport: { width: 900, height: 900 } });
      await load(page, `${h.current.origin}/e2e/hostile/${file}.html`);
      const panel = page.locator('handoff-panel');
      await panel.getByLabel('Summary').waitFor();
      shots.push(await panel.screenshot());
      if (file === 'css') {
        const receiver = new ReceiverControl(h.current.origin);
        await page.evaluate(
          (endpoint) =>
            (window as unknown as { HandoffPanel: (m: string, c: object) => void }).HandoffPanel('configure', {
              endpoint,
            }),
          `/r/${receiver.ns}/handoffs`,
        );
        await completeHandoff(page);
        assert.equal((await receiver.stats()).distinctIds, 1);
        assert.deepEqual((await problems(page)).errors, []);
      }
      await page.close();
    }
    // Any leak (a font, a colour, spacing, uppercase, a hidden button) changes thousands of pixels by far
    // more than 24 of 255; sub-pixel anti-aliasing and the page's own background showing through the
    // panel's fractional bottom edge stay under it.
    const [clean, hostile] = shots.map(decodePng) as [Image, Image];
    const differing = differingPixels(clean, hostile, 24);
    if (differing) {
      writeFileSync('test-results-clean.png', shots[0]!);
      writeFileSync('test-results-hostile.png', shots[1]!);
    }
    assert.equal(differing, 0, 'the panel renders differently under the hostile CSS (see test-results-*.png)');
  });

  it('strict CSP and Trusted Types: open, fill, send and watch the outbox with no violation', async () => {
    const receiver = new ReceiverControl(h.current.origin);
    const page = await h.current.browser.newPage();
    const console = await load(page, `${h.current.origin}/e2e/hostile/csp.html?ns=${receiver.ns}`);
    const csp = await page.evaluate(async () => (await fetch(location.href)).headers.get('content-security-policy'));
    assert.equal(csp, STRICT_CSP);
    await page.evaluate(() => (window as unknown as Hostile).HandoffPanel.open());
    await completeHandoff(page);
    await waitFor(
      async () => (await page.locator('handoff-outbox-status [part="counts"]').innerText()) === 'All handoffs sent',
      'the status',
    );
    assert.deepEqual(await problems(page), { violations: [], errors: [] });
    assert.deepEqual(
      console.filter((line) => /Content Security Policy|Trusted Type|TrustedHTML|pageerror|error:/i.test(line)),
      [],
    );
    await page.close();
  });

  it('high z-index sticky headers and overlays: the popover is above them and takes clicks', async () => {
    const page = await h.current.browser.newPage({ viewport: { width: 1000, height: 700 } });
    await load(page, `${h.current.origin}/e2e/hostile/zindex.html`);
    await page.evaluate(() => (window as unknown as Hostile).HandoffPanel.open());
    const summary = page.locator('handoff-panel').getByLabel('Summary');
    await summary.waitFor();
    await summary.scrollIntoViewIfNeeded();
    const box = (await summary.boundingBox())!;
    const topmost = await page.evaluate(
      ([x, y]) => document.elementFromPoint(x!, y!)?.tagName,
      [box.x + box.width / 2, box.y + box.height / 2],
    );
    assert.equal(topmost, 'HANDOFF-PANEL');
    await summary.click(); // Playwright refuses if anything else would receive the click
    await summary.fill('typed above every overlay');
    await page.close();
  });

  it("the case stays readable: a sentence copied from the page goes into the open panel's summary", async () => {
    const context = await h.current.browser.newContext();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: h.current.origin });
    const page = await context.newPage();
    await load(page, `${h.current.origin}/e2e/hostile/case.html`);
    await page.locator('handoff-launcher').getByRole('button', { name: 'Hand off' }).click();
    const summary = page.locator('handoff-panel').getByLabel('Summary');
    await summary.waitFor();
    // A real triple click on the page behind the open panel (Playwright refuses if a backdrop took it).
    await page.locator('#customer-line').click({ clickCount: 3 });
    await page.keyboard.press('ControlOrMeta+C');
    await summary.click();
    await page.keyboard.press('ControlOrMeta+V');
    assert.equal((await summary.inputValue()).trim(), 'The router drops the connection every evening at about nine.');
    assert.equal(await page.locator('handoff-launcher').getAttribute('open'), '', 'the panel stayed open');
    await context.close();
  });

  it('an AMD loader, a patched fetch, a polyfilled registry and foreign globals: nothing breaks', async () => {
    const receiver = new ReceiverControl(h.current.origin);
    const page = await h.current.browser.newPage();
    const console = await load(page, `${h.current.origin}/e2e/hostile/globals.html?ns=${receiver.ns}`);
    const state = await page.evaluate(() => ({
      amd: (window as unknown as { amdDefined?: number }).amdDefined ?? 0,
      widget: document.querySelector('x-crm-widget')!.textContent,
      global: typeof (window as unknown as Hostile).HandoffPanel,
      lit: (window as unknown as { Lit: unknown }).Lit,
    }));
    assert.deepEqual(state, { amd: 0, widget: 'CRM widget', global: 'function', lit: { notOurs: true } });
    await page.evaluate(() => (window as unknown as Hostile).HandoffPanel.open());
    await completeHandoff(page);
    assert.ok(
      (await page.evaluate(() => (window as unknown as { fetchCalls: number }).fetchCalls)) >= 1,
      'the patched fetch was bypassed',
    );
    assert.deepEqual((await problems(page)).errors, []);
    assert.deepEqual(
      console.filter((line) => /error/i.test(line)),
      [],
    );
    await page.close();
  });

  it("calls made before the script loaded are replayed in order, and the tag's data-* configure it", async () => {
    const receiver = new ReceiverControl(h.current.origin);
    const page = await h.current.browser.newPage();
    await load(page, `${h.current.origin}/e2e/hostile/stub.html?ns=${receiver.ns}`);
    const launcher = page.locator('handoff-launcher');
    await waitFor(async () => (await launcher.getAttribute('open')) !== null, 'the queued open()');
    assert.equal(await page.locator('handoff-panel').getByLabel('Case id').inputValue(), 'C-77');
    assert.equal(await page.locator('handoff-panel').getByLabel('Customer name').inputValue(), 'Queued Customer');
    const accent = await page.evaluate(() =>
      getComputedStyle(document.documentElement).getPropertyValue('--handoff-color-accent').trim(),
    );
    assert.equal(accent, 'rgb(0, 110, 70)');
    assert.equal(
      await page.evaluate(() => (window as unknown as Hostile).HandoffPanel.config.endpoint),
      `/r/${receiver.ns}/handoffs`,
    );
    await page.close();
  });

  it('loaded twice, and a second version: no error, one warning, the first copy stays', async () => {
    const bundle = readFileSync('dist/handoff-panel.js', 'utf8');
    const version = JSON.parse(readFileSync('package.json', 'utf8')).version as string;
    writeFileSync('dist/e2e-other-version.js', bundle.replaceAll(`"${version}"`, '"9.9.9-other"'));
    const page = await h.current.browser.newPage();
    const console = await load(page, `${h.current.origin}/e2e/hostile/twice.html`);
    assert.equal(await page.evaluate(() => (window as unknown as Hostile).HandoffPanel.version), version);
    const warnings = console.filter((line) => line.startsWith('warning:'));
    assert.equal(warnings.length, 2, warnings.join('\n'));
    assert.match(
      warnings[0]!,
      new RegExp(`handoff-panel ${version}: handoff-panel ${version} is already on this page`),
    );
    assert.match(
      warnings[1]!,
      new RegExp(`handoff-panel 9.9.9-other: handoff-panel ${version} is already on this page`),
    );
    assert.deepEqual(
      console.filter((line) => /error/i.test(line)),
      [],
    );
    // The page's own configure() call (queued by page.js) comes after, and wins over, the tag's data-*.
    assert.equal(
      await page.evaluate(() => (window as unknown as Hostile).HandoffPanel.config.endpoint),
      '/r/hostile/handoffs',
    );
    await page.close();
  });
});
