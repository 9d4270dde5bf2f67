// Real design systems as host pages: their CSS unmodified from their npm packages, the launcher in the
// framework's own toolbar markup, the framework's top layers (tooltips, popovers, toasts) where the
// popover opens.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { useHarness } from './harness.js';
import { decodePng, differingPixels, type Image } from './png.js';

const SYSTEMS = ['slds', 'bootstrap3', 'bootstrap5'];

/**
 * A screenshot of the inline panel; with `at`, the panel is moved to that (fractional) position first, so
 * that anti-aliasing matches a panel the framework's layout put there.
 */
async function panelShot(page: Page, url: string, at?: { x: number; y: number }) {
  await page.goto(url);
  const panel = page.locator('handoff-panel#panel');
  await panel.getByLabel('Summary').waitFor();
  if (at)
    await panel.evaluate(
      (el, { x, y }) => Object.assign(el.style, { position: 'absolute', left: `${x}px`, top: `${y}px` }),
      at,
    );
  return { shot: await panel.screenshot(), box: (await panel.boundingBox())! };
}

describe('design-system host pages (Chromium)', () => {
  const h = useHarness();

  for (const system of SYSTEMS) {
    it(`${system}: the inline panel looks as on a clean page`, async () => {
      const page = await h.current.browser.newPage({ viewport: { width: 900, height: 900 } });
      const { shot: hosted, box } = await panelShot(page, `${h.current.origin}/e2e/ds/${system}.html`);
      const { shot: clean } = await panelShot(page, `${h.current.origin}/e2e/hostile/clean.html`, box);
      const differing = differingPixels(decodePng(clean) as Image, decodePng(hosted) as Image, 24);
      if (differing) {
        writeFileSync(`test-results-${system}-clean.png`, clean);
        writeFileSync(`test-results-${system}.png`, hosted);
      }
      assert.equal(differing, 0, `the panel renders differently under ${system} (see test-results-${system}*.png)`);
      await page.close();
    });

    it(`${system}: the popover opens beside its toolbar button, above the framework's layers; focus goes in and back`, async () => {
      const page = await h.current.browser.newPage({ viewport: { width: 1100, height: 800 } });
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`${h.current.origin}/e2e/ds/${system}.html`);
      await page.evaluate(() => document.body.classList.add('layers'));
      const launcher = page.locator('handoff-launcher#launcher');
      const button = launcher.getByRole('button', { name: 'Hand off' });
      await button.click();
      const summary = launcher.locator('handoff-panel').getByLabel('Summary');
      await summary.waitFor();
      // Measured where it comes to rest, after its opening animation.
      await launcher
        .locator('[part="popover"]')
        .evaluate((el) => Promise.all(el.getAnimations().map((animation) => animation.finished)));
      const popover = (await launcher.locator('[part="popover"]').boundingBox())!;
      const anchor = (await button.boundingBox())!;
      assert.ok(popover.x >= 0 && popover.y >= 0, `inside the viewport: ${JSON.stringify(popover)}`);
      assert.ok(popover.x + popover.width <= 1100 && popover.y + popover.height <= 800);
      assert.ok(Math.abs(popover.y - (anchor.y + anchor.height + 8)) < 3, 'just below its button');
      assert.ok(popover.x < anchor.x + anchor.width && popover.x + popover.width > anchor.x, 'beside its button');
      // Over the framework's tooltip/popover/toast layers: the panel is what a click there reaches.
      const layers = await page.locator('.layer').count();
      assert.ok(layers >= 2, 'the page has framework layers over the popover area');
      const reason = launcher.locator('handoff-panel').getByLabel('Reason', { exact: true });
      const box = (await reason.boundingBox())!;
      const topmost = await page.evaluate(
        ([x, y]) => document.elementFromPoint(x!, y!)?.closest('handoff-launcher, .layer')?.tagName ?? 'none',
        [box.x + box.width / 2, box.y + box.height / 2],
      );
      assert.equal(topmost, 'HANDOFF-LAUNCHER');
      const focused = await page.evaluate(() => {
        let active = document.activeElement;
        while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
        return active?.id;
      });
      assert.equal(focused, 'f-reason-code', 'focus is on the first control of the panel');
      await page.keyboard.press('Escape');
      await launcher.locator('[part="popover"]').waitFor({ state: 'hidden' });
      assert.equal(
        await page.evaluate(() => document.querySelector('handoff-launcher')!.shadowRoot!.activeElement?.id),
        'launch',
        'focus is back on the button',
      );
      assert.deepEqual(errors, []);
      await page.close();
    });
  }
});
