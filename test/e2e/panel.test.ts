// <handoff-panel> in a real page served with the script-tag bundle: the controls are found by their
// visible labels (as integrators' tests do), a real reload restores the draft, real offline queues.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { ReceiverControl, fillHandoff, useHarness, waitFor, type Harness } from './harness.js';

async function openPanel(harness: Harness, page: Page, ns: string) {
  await page.goto(`${harness.origin}/e2e/panel.html?ns=${ns}`);
  await page.locator('handoff-panel').getByLabel('Summary').waitFor();
}

describe('<handoff-panel> end to end (Chromium)', () => {
  const h = useHarness();

  it('restores a draft after a real reload, then sends it offline-first: queued, then delivered', async () => {
    const receiver = new ReceiverControl(h.current.origin);
    const context = await h.current.browser.newContext();
    const page = await context.newPage();
    await openPanel(h.current, page, receiver.ns);
    const panel = page.locator('handoff-panel');

    await panel.getByLabel('Reason', { exact: true }).selectOption('escalation');
    await panel.getByLabel("Why I can't resolve it").fill('Refunds over $500 need a supervisor.');
    await panel.getByLabel('Warm (I stay on until they take over)').check();
    await panel.getByLabel('Channel').selectOption('phone');
    await panel.getByLabel('Summary').fill('Charged twice; card 4111 1111 1111 1111.');
    await panel.getByLabel('What has been tried').fill('Checked billing history\nLooked for a reversal');
    await panel.getByLabel('Receiver name').fill('Dana Whitfield');
    await panel.getByLabel('Receiver team').fill('Billing supervisors');
    await panel.getByLabel('Fallback contact number').fill('+44 20 7946 0100');
    await panel.getByLabel('If the receiver is unavailable').selectOption('callback');
    // The callback number is in a folded group of optional fields: the agent opens it.
    await panel.getByText('Your callback number and a note').click();
    await panel.getByLabel('Your callback number').fill('020 7946 0000'.replace(/^0/, '+44 '));
    await panel.getByLabel('Customer informed').check();
    await panel.getByLabel('Apology given').check();
    await panel.getByLabel('Details confirmed').check();
    // Leaving the summary masks the card number, visibly.
    await panel.getByLabel('Receiver team').focus();
    assert.equal(await panel.getByLabel('Summary').inputValue(), 'Charged twice; card •••• •••• •••• 1111.');

    await page.waitForTimeout(600); // the autosave debounce (400 ms) — the one real wait: a crash is a crash
    await page.reload();
    await page.locator('handoff-panel').getByLabel('Summary').waitFor();
    await waitFor(async () => (await panel.getByLabel('Summary').inputValue()) !== '', 'the restored draft');
    assert.equal(await panel.getByLabel('Summary').inputValue(), 'Charged twice; card •••• •••• •••• 1111.');
    assert.equal(await panel.getByLabel('Receiver team').inputValue(), 'Billing supervisors');
    assert.equal(await panel.getByLabel('Channel').inputValue(), 'phone');
    assert.equal(await panel.getByLabel('Apology given').isChecked(), true);
    assert.match(await panel.getByRole('status').first().innerText(), /Draft restored/);

    await context.setOffline(true);
    await panel.getByRole('button', { name: 'Send handoff' }).click();
    await waitFor(
      async () => /offline/.test(await panel.locator('[part="status"]').innerText()),
      'the queued-offline status',
    );
    assert.equal(await panel.getByLabel('Summary').inputValue(), '', 'the form clears once saved');
    await waitFor(
      async () => (await page.locator('handoff-outbox-status [part="counts"]').innerText()) === '1 waiting to send',
      'the outbox status',
    );

    await context.setOffline(false);
    await waitFor(
      async () => (await panel.locator('[part="status"]').innerText()) === 'Delivered.',
      'delivery after going online',
    );
    await waitFor(
      async () => (await page.locator('handoff-outbox-status [part="counts"]').innerText()) === 'All handoffs sent',
      'the outbox status to clear',
    );
    const stats = await receiver.stats();
    assert.equal(stats.distinctIds, 1);
    const stored = await (await fetch(`${h.current.origin}/r/${receiver.ns}/handoffs/${stats.ids[0]}`)).json();
    assert.equal(stored.recap.summary, 'Charged twice; card •••• •••• •••• 1111.');
    assert.deepEqual(stored.recap.tried, ['Checked billing history', 'Looked for a reversal']);
    assert.deepEqual(stored.redactions, [{ field: 'recap.summary', kind: 'card-number' }]);
    assert.equal(stored.transfer.flagged, true);
    assert.equal(stored.contingency.fallback.phone, '+442079460100');
    await context.close();
  });

  it('a CRM page reopened with only a <handoff-panel> (no status element, no API call) delivers what waited', async () => {
    const receiver = new ReceiverControl(h.current.origin);
    const context = await h.current.browser.newContext();
    const first = await context.newPage();
    await first.goto(`${h.current.origin}/e2e/only-panel.html?ns=${receiver.ns}`);
    const panel = first.locator('handoff-panel');
    await panel.getByLabel('Summary').waitFor();
    await context.setOffline(true);
    await fillHandoff(panel);
    await panel.getByRole('button', { name: 'Send handoff' }).click();
    await waitFor(
      async () => /offline/.test(await panel.locator('[part="status"]').innerText()),
      'the queued-offline status',
    );
    await first.close();

    await context.setOffline(false);
    const again = await context.newPage();
    await again.goto(`${h.current.origin}/e2e/only-panel.html?ns=${receiver.ns}`);
    await waitFor(async () => (await receiver.stats()).distinctIds === 1, 'the queued handoff to be delivered on load');
    // And the reopened panel says what became of the case's handoff.
    await waitFor(
      async () => /Delivered/.test(await again.locator('handoff-panel [part="history"]').innerText()),
      'the history line',
    );
    await context.close();
  });

  it('data-endpoint on the tag and a queued configure({ headers }): every POST carries the token', async () => {
    const receiver = new ReceiverControl(h.current.origin);
    const context = await h.current.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${h.current.origin}/e2e/only-panel.html?ns=${receiver.ns}&token=e2e-token`);
    const panel = page.locator('handoff-panel');
    await fillHandoff(panel);
    await panel.getByRole('button', { name: 'Send handoff' }).click();
    await waitFor(async () => (await panel.locator('[part="status"]').innerText()) === 'Delivered.', 'the delivery');
    const stats = await receiver.stats();
    assert.deepEqual(Object.values(stats.auth), [['Bearer e2e-token']]);
    await context.close();
  });
});
