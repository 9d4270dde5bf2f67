// `npm run screenshots`: the panel in light, dark and narrow (320 px) views, and the insights page over a
// month of sample handoffs, to docs/ (after a build).
import { chromium } from 'playwright-core';
import { createDemoServer } from '../demo/server.mjs';
import { createReceiver } from '../receiver/receiver.mjs';
import { BROWSER_REQUIREMENTS, CHROMIUM_ARGS } from './browsers.mjs';

const VIEWS = [
  { file: 'docs/panel-light.png', width: 960, colorScheme: 'light' },
  { file: 'docs/panel-dark.png', width: 960, colorScheme: 'dark' },
  { file: 'docs/panel-narrow.png', width: 320, colorScheme: 'light' },
];

const PREFILL = {
  mode: 'warm',
  channel: 'phone',
  reason: { code: 'escalation', detail: 'Refunds over $500 need a supervisor; I cannot approve them.' },
  recap: {
    summary: 'Charged twice for the November plan (£54.99 each). Wants the duplicate refunded before rent is due.',
    tried: ['Confirmed both charges', 'No pending reversal'],
  },
  to: { name: 'Dana Whitfield', expertise: 'disputed charges' }, // no team: the shot shows its error
  contingency: { fallback: { phone: '+44 20 7946 0100' }, ifUnavailable: 'callback' },
  actions: [{ text: 'Approve and issue the refund', owner: 'receiver' }],
};

const receiver = await createReceiver({ testControls: true });
const server = createDemoServer({ receiver, extraMounts: { '/e2e/': 'test/e2e/pages' } });
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const browser = await chromium.launch({ executablePath: BROWSER_REQUIREMENTS.chromium.path(), args: CHROMIUM_ARGS });
try {
  for (const view of VIEWS) {
    const page = await browser.newPage({
      viewport: { width: view.width, height: 800 },
      colorScheme: view.colorScheme,
      deviceScaleFactor: 1,
    });
    await page.goto(
      `http://127.0.0.1:${server.address().port}/e2e/panel.html?ns=screenshot-${view.colorScheme}-${view.width}`,
    );
    await page.locator('handoff-panel').getByLabel('Summary').waitFor();
    await page.evaluate((prefill) => {
      // eslint-disable-next-line no-undef -- this callback runs in the page
      const panel = document.querySelector('handoff-panel');
      panel.prefill(prefill);
      return panel.updateComplete;
    }, PREFILL);
    // Show a validation error too, as an agent would see it.
    await page.locator('handoff-panel').getByLabel('Customer informed').focus();
    await page.locator('handoff-panel').getByRole('button', { name: 'Send handoff' }).click();
    await page.locator('handoff-panel').screenshot({ path: view.file });
    console.log(`wrote ${view.file}`);
    await page.close();
  }
  await insightsShot(browser);
} finally {
  await browser.close();
  server.close();
}

/** The team lead's view over a month of sample handoffs (scripts/insights-sample.mjs). */
async function insightsShot(chromiumBrowser) {
  const { mkdtemp, rm, writeFile } = await import('node:fs/promises');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const { sampleLog } = await import('./insights-sample.mjs');
  const { buildHandoff } = await import('../dist/esm/payload/index.js');
  const dir = await mkdtemp(join(tmpdir(), 'insights-'));
  const dataFile = join(dir, 'sample.jsonl');
  await writeFile(dataFile, sampleLog({ buildHandoff }));
  const sampleReceiver = await createReceiver({ dataFile });
  const sampleServer = createDemoServer({ receiver: sampleReceiver });
  await new Promise((resolve) => sampleServer.listen(0, '127.0.0.1', resolve));
  try {
    const page = await chromiumBrowser.newPage({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 });
    await page.goto(`http://127.0.0.1:${sampleServer.address().port}/insights.html`);
    await page.locator('handoff-insights figure').first().waitFor();
    await page.screenshot({ path: 'docs/insights.png', fullPage: true });
    console.log('wrote docs/insights.png');
  } finally {
    sampleServer.close();
    await sampleReceiver.close();
    await rm(dir, { recursive: true, force: true });
  }
}

// The demo's views (CRM page, trainer score, inspector, receiver view, receipt): the end-to-end story
// test writes them as it goes.
const { spawnSync } = await import('node:child_process');
const story = spawnSync(
  process.execPath,
  ['--import', './scripts/ts-register.mjs', '--test', 'test/e2e/demo.test.ts'],
  {
    stdio: 'inherit',
    env: { ...process.env, UPDATE_SCREENSHOTS: '1' },
  },
);
if (story.status !== 0) process.exit(story.status ?? 1);
console.log('wrote docs/demo-*.png');
