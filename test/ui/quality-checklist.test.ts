import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { es } from '../../src/locales/es.js';
import type { HandoffV1 } from '../../src/payload/index.js';
import type { HandoffPanel } from '../../src/ui/handoff-panel/handoff-panel.js';
import { registerLocale } from '../../src/ui/messages/catalogue.js';
import { control, expectAccessible, fillValid, nextEvent, realKeyboard, root, typeInto, usePanels } from './helpers.js';

const HOST = { 'case-id': 'C-10442', 'agent-id': 'agent-17', 'agent-name': 'Sam Lee', 'customer-name': 'Amara Okafor' };

const checklist = (panel: HandoffPanel) => root(panel).querySelector<HTMLElement>('[part="quality"]')!;
const items = (panel: HandoffPanel) =>
  [...checklist(panel).querySelectorAll('li')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim());
const checks = (panel: HandoffPanel) =>
  [...checklist(panel).querySelectorAll('li')].map((li) => (li as HTMLElement).dataset.check);
const score = (panel: HandoffPanel) => checklist(panel).querySelector('.score')!.textContent!.trim();

/** Everything a good chat handoff has, through the form, but the action's deadline. */
async function fillGood(panel: HandoffPanel): Promise<void> {
  fillValid(panel);
  typeInto(panel, 'Summary', 'Charged twice for November; the customer wants the duplicate refunded before rent day.');
  typeInto(panel, 'What the customer expects', 'Duplicate refunded by Friday');
  typeInto(panel, 'Receiver expertise', 'refunds and disputed charges');
  typeInto(panel, 'Customer email', 'amara.okafor@example.com');
  typeInto(panel, 'Fallback contact number', '+44 20 7946 0100');
  typeInto(panel, 'If the receiver is unavailable', 'callback');
  for (const label of ['Customer informed', 'Details confirmed']) {
    const box = control(panel, label) as HTMLInputElement;
    if (!box.checked) box.click();
  }
  root(panel).getElementById('add-action')!.click();
  await panel.updateComplete;
  typeInto(panel, 'Action 1', 'Approve and issue the duplicate refund to the original card');
  await panel.updateComplete;
}

describe('<handoff-panel>: the quality checklist', () => {
  const mount = usePanels(HOST);

  it('lists what an empty form lacks, with the score, and shrinks as the agent fills it', async () => {
    const panel = await mount();
    expect(checks(panel)).to.include.members(['reason-detail', 'recap-summary', 'actions-listed']);
    const before = Number(score(panel).split(' ')[0]);
    await fillGood(panel);
    expect(checks(panel)).to.deep.equal(['action-due']);
    expect(Number(score(panel).split(' ')[0])).to.be.above(before);
    expect(score(panel)).to.equal('15 of 16');
  });

  it('names the undated action by its first words, and the link moves the focus to its due time', async () => {
    const panel = await mount();
    await fillGood(panel);
    expect(items(panel)).to.deep.equal(['The action “Approve and issue the duplicate refund…” has no deadline.']);
    checklist(panel).querySelector('a')!.click();
    expect(root(panel).activeElement?.id).to.equal('f-actions-0-due');
    typeInto(panel, 'Due time of action 1', '2026-12-04T17:00');
    await panel.updateComplete;
    expect(items(panel)).to.deep.equal([]);
    expect(checklist(panel).textContent).to.contain('Every move of a good handoff is here.');
    expect(score(panel)).to.equal('16 of 16');
  });

  it('never blocks sending: the payload carries what the checklist showed', async () => {
    const panel = await mount();
    await fillGood(panel);
    const shown = checks(panel);
    const queued = nextEvent<CustomEvent<{ payload: HandoffV1 }>>(panel, 'handoff-queued');
    root(panel).querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    const { payload } = (await queued).detail;
    expect(payload.quality!.missing.map((m) => m.check)).to.deep.equal(shown);
    expect(payload.quality!.score).to.equal(15);
  });

  it('points at the field where a secret was typed and masked', async () => {
    const panel = await mount();
    await fillGood(panel);
    const tried = typeInto(panel, 'What has been tried', 'Took card 4111 1111 1111 1111 over the phone');
    tried.dispatchEvent(new FocusEvent('blur'));
    tried.dispatchEvent(new Event('focusout', { bubbles: true, composed: true }));
    await panel.updateComplete;
    expect(checks(panel)).to.include('no-secrets-typed');
    const link = [...checklist(panel).querySelectorAll('a')].find(
      (a) => a.closest('li')!.dataset.check === 'no-secrets-typed',
    )!;
    link.click();
    expect(root(panel).activeElement).to.equal(control(panel, 'What has been tried'));
  });

  it('counts a secret in the prefill, which only the build masks, as the payload will', async () => {
    const panel = await mount();
    await fillGood(panel);
    panel.prefill({
      recap: { summary: 'Paid with 4111 1111 1111 1111 and wants the money back before Friday please.' },
    });
    await panel.updateComplete;
    const shown = checks(panel);
    expect(shown).to.include('no-secrets-typed');
    const queued = nextEvent<CustomEvent<{ payload: HandoffV1 }>>(panel, 'handoff-queued');
    root(panel).querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    expect((await queued).detail.payload.quality!.missing.map((m) => m.check)).to.deep.equal(shown);
  });

  it('leaves quality out of the payload with config.quality false (an endpoint on the older schema); the checklist stays', async () => {
    const panel = await mount({ quality: false });
    await fillGood(panel);
    expect(checks(panel)).to.deep.equal(['action-due']);
    const queued = nextEvent<CustomEvent<{ payload: HandoffV1 }>>(panel, 'handoff-queued');
    root(panel).querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    expect((await queued).detail.payload).not.to.have.property('quality');
  });

  it('with no action yet, the link goes to "Add action"', async () => {
    const panel = await mount();
    const link = [...checklist(panel).querySelectorAll('a')].find(
      (a) => a.closest('li')!.dataset.check === 'actions-listed',
    )!;
    link.click();
    expect(root(panel).activeElement?.id).to.equal('add-action');
  });

  it('reaches the checklist links by keyboard, between the last step and "Send handoff"', async function () {
    if (!realKeyboard) this.skip();
    const panel = await mount();
    await fillGood(panel);
    control(panel, 'Details confirmed').focus();
    await sendKeys({ press: 'Tab' });
    expect(root(panel).activeElement?.closest('[part="quality"]')).to.equal(checklist(panel));
    await sendKeys({ press: 'Enter' });
    expect(root(panel).activeElement?.id).to.equal('f-actions-0-due');
  });

  it('speaks Spanish with the Spanish catalogue, and English where an older catalogue has no texts for it', async () => {
    registerLocale(es);
    const panel = await mount({ locale: 'es' });
    expect(checklist(panel).querySelector('h3')!.textContent).to.contain('Un buen traspaso');
    registerLocale({ ...es, locale: 'es-AR', ui: { ...es.ui, quality: undefined } });
    const older = await mount({ locale: 'es-AR' });
    expect(checklist(older).querySelector('h3')!.textContent).to.contain('A good handoff');
  });

  it('has no axe violations, with items and with none', async () => {
    const panel = await mount();
    await expectAccessible(checklist(panel));
    await fillGood(panel);
    typeInto(panel, 'Due time of action 1', '2026-12-04T17:00');
    await panel.updateComplete;
    await expectAccessible(panel);
  });
});
