// The script-tag bundle in a real page: one global, the elements defined, and a second copy harmless.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { useHarness } from './harness.js';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));

describe('script-tag bundle (Chromium)', () => {
  const h = useHarness();

  it('adds exactly one global, HandoffPanel, defines the elements, and reports its version', async () => {
    const page = await h.current.browser.newPage();
    const warnings: string[] = [];
    page.on('console', (m) => warnings.push(`${m.type()}: ${m.text()}`));
    await page.goto(`${h.current.origin}/e2e/blank.html`);
    const result = await page.evaluate(async () => {
      const before = new Set(Object.getOwnPropertyNames(window));
      await new Promise((resolve, reject) => {
        const script = document.createElement('script');
        script.src = '/dist/handoff-panel.js';
        script.onload = resolve;
        script.onerror = reject;
        document.head.append(script);
      });
      const added = Object.getOwnPropertyNames(window).filter((k) => !before.has(k));
      const api = (window as unknown as { HandoffPanel: { version: string } }).HandoffPanel;
      return {
        added,
        version: api.version,
        panel: Boolean(customElements.get('handoff-panel')),
        status: Boolean(customElements.get('handoff-outbox-status')),
      };
    });
    // Lit keeps version registries (to warn about duplicate copies) and its decorator metadata on window.
    const LIT_GLOBALS = ['litPropertyMetadata', 'reactiveElementVersions', 'litHtmlVersions', 'litElementVersions'];
    assert.deepEqual(
      result.added.filter((k) => !LIT_GLOBALS.includes(k)),
      ['HandoffPanel'],
    );
    assert.deepEqual(result.added.filter((k) => LIT_GLOBALS.includes(k)).sort(), [...LIT_GLOBALS].sort());
    assert.equal(result.version, pkg.version);
    assert.ok(result.panel && result.status);
    assert.deepEqual(warnings, []);
    await page.close();
  });
});
