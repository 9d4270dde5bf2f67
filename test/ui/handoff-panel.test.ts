import { expect } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import { DraftStore } from '../../src/drafts/draft-store.js';
import { validateHandoff, type HandoffV1 } from '../../src/payload/index.js';
import { es } from '../../src/locales/es.js';
import type { HandoffPanel } from '../../src/ui/handoff-panel/handoff-panel.js';
import { TestReceiver, cleanup as cleanupOutboxes, restoreOnline, setOnline, until } from '../outbox/helpers.js';
import {
  MANY_KEYS_TIMEOUT,
  control,
  errorText,
  expectAccessible,
  fillValid,
  labelOf,
  mountPanel,
  nextEvent,
  realKeyboard,
  root,
  statusText,
  tabTo,
  tick,
  typeInto,
} from './helpers.js';

const HOST = { 'case-id': 'C-10442', 'agent-id': 'agent-17', 'agent-name': 'Sam Lee', 'customer-name': 'Amara Okafor' };

function send(panel: HandoffPanel): void {
  (root(panel).querySelector('button[type="submit"]') as HTMLButtonElement).click();
}

describe('<handoff-panel>', () => {
  let receiver: TestReceiver;
  let panels: HandoffPanel[] = [];
  const mount = async (attrs: Record<string, string> = HOST, config: HandoffPanel['config'] = {}) => {
    const panel = await mountPanel(
      { ...attrs },
      {
        outbox: {
          endpoint: receiver.endpoint,
          name: `test-outbox-${crypto.randomUUID()}`,
          backoff: { baseMs: 10, capMs: 50 },
        },
        ...config,
      },
    );
    panels.push(panel);
    return panel;
  };

  beforeEach(() => {
    receiver = new TestReceiver();
  });
  afterEach(async () => {
    restoreOnline();
    for (const panel of panels) panel.remove();
    panels = [];
    await cleanupOutboxes();
  });

  it('shows every move with the visible labels integrators rely on', async () => {
    const panel = await mount();
    for (const label of [
      'Reason',
      "Why I can't resolve it",
      'Summary',
      'What has been tried',
      'Customer name',
      'Verified',
      'Receiver name',
      'Receiver team',
      'Managing-up script',
      'Fallback contact number',
      'Your callback number',
      'Customer informed',
      'Apology given',
      'Details confirmed',
    ]) {
      expect(control(panel, label), label).to.exist;
    }
    expect(root(panel).querySelector('button[type="submit"]')!.textContent!.trim()).to.equal('Send handoff');
    expect((control(panel, 'Customer name') as HTMLInputElement).value).to.equal('Amara Okafor');
  });

  it('completes a full handoff by keyboard alone, producing a valid payload that is delivered', async function () {
    if (!realKeyboard) this.skip();
    this.timeout(MANY_KEYS_TIMEOUT);
    const panel = await mount({ ...HOST, 'transfer-count': '1' });
    const before = document.createElement('button');
    before.textContent = 'host toolbar';
    panel.before(before);
    before.focus();
    const submitted = nextEvent<CustomEvent<HandoffV1>>(panel, 'handoff-submit');
    const delivered = nextEvent<CustomEvent<{ id: string }>>(panel, 'handoff-delivered');

    // Each step: Tab to the control with this label, then these keys (type-ahead picks select options).
    const steps: [string, Parameters<typeof sendKeys>[0]][] = [
      ['Reason', { type: 'Spec' }],
      ["Why I can't resolve it", { type: 'Router firmware is outside tier 1.' }],
      ['Warm (I stay on until they take over)', { type: ' ' }],
      ['Channel', { type: 'Chat' }],
      ['Summary', { type: 'Wi-Fi drops every evening.' }],
      ['Receiver team', { type: 'Network specialists' }],
      ['Customer informed', { type: ' ' }],
      ['Send handoff', { press: 'Enter' }],
    ];
    for (const [label, keys] of steps) {
      await tabTo(panel, label);
      await sendKeys(keys);
    }

    const payload = (await submitted).detail;
    expect(validateHandoff(payload)).to.deep.equal([]);
    expect(payload).to.deep.include({
      mode: 'warm',
      channel: 'chat',
      reason: { code: 'specialist', detail: 'Router firmware is outside tier 1.' },
    });
    expect(payload.recap.summary).to.equal('Wi-Fi drops every evening.');
    expect(payload.script.customerInformed).to.equal(true);
    expect(payload.script.managingUp).to.contain('Network specialists');
    expect((await delivered).detail.id).to.equal(payload.id);
    await receiver.expectExactlyOnce([payload.id]);
    before.remove();
  });

  it('does not send on Enter in a one-line field', async function () {
    if (!realKeyboard) this.skip();
    const panel = await mount();
    fillValid(panel);
    let submitted = false;
    panel.addEventListener('handoff-submit', () => (submitted = true));
    control(panel, 'Receiver team').focus();
    await sendKeys({ press: 'Enter' });
    expect(submitted).to.equal(false);
  });

  it('shows every validation error at its field, in a summary, and focuses the first', async () => {
    const panel = await mount({ 'case-id': 'C-1' });
    panel.prefill({
      channel: 'phone',
      customer: { contact: { phone: '020 7946 0958', email: 'not-an-email' }, verification: { status: 'verified' } },
      from: { callback: '+44 20 7946 0000 ext 12' },
      recap: { summary: 'x'.repeat(4001) },
      actions: [{ text: 'Call back', owner: 'sender', due: 'tomorrow' }],
    });
    await panel.updateComplete;
    const invalid = nextEvent<CustomEvent<{ errors: { path: string; message: string }[] }>>(panel, 'handoff-invalid');
    send(panel);
    const { errors } = (await invalid).detail;
    await panel.updateComplete;

    expect(errors.map((e) => e.path)).to.include.members([
      'reason.code',
      'reason.detail',
      'recap.summary',
      'customer.name',
      'customer.contact.phone',
      'customer.contact.email',
      'customer.verification.method',
      'actions[0].due',
      'to.team',
      'contingency.fallback.phone',
      'contingency.ifUnavailable',
      'from.callback',
      'from.name',
      'from.agentId',
    ]);
    for (const error of errors) {
      const id = `f-${error.path.replace(/\[(\d+)\]/g, '.$1').replace(/\./g, '-')}`;
      const field = root(panel).getElementById(id);
      expect(field, `a control for ${error.path}`).to.exist;
      expect(root(panel).getElementById(`${id}-error`)?.textContent?.trim(), error.path).to.equal(error.message);
    }
    expect(errorText(panel, control(panel, 'Summary'))).to.equal(
      'Summary is too long: 4001 characters, the limit is 4000.',
    );
    expect(control(panel, 'Summary').getAttribute('aria-invalid')).to.equal('true');
    expect(errorText(panel, control(panel, 'Customer phone'))).to.equal(
      'Customer phone needs its country code, like +44 20 7946 0958.',
    );
    const summary = root(panel).querySelector('[role="alert"]')!;
    expect(summary.textContent).to.contain(`Fix ${errors.length} problems before sending:`);
    expect(summary.querySelectorAll('li')).to.have.length(errors.length);
    expect(labelOf(root(panel).activeElement)).to.equal('Reason');

    // Fixing a field clears its error at once.
    typeInto(panel, 'Receiver team', 'Billing');
    await panel.updateComplete;
    expect(errorText(panel, control(panel, 'Receiver team'))).to.equal(undefined);
  });

  it('masks a card number as the agent leaves the field, says so, and lists it in the payload', async () => {
    const panel = await mount();
    fillValid(panel);
    const summary = typeInto(panel, 'Summary', 'She read out 4111 1111 1111 1111 twice.');
    await panel.updateComplete;
    expect(summary.value).to.equal('She read out •••• •••• •••• 1111 twice.');
    const note = root(panel).getElementById(`${summary.id}-masked`)!;
    expect(note.textContent).to.equal('Card number masked: only the last 4 digits are kept.');
    expect(summary.getAttribute('aria-describedby')).to.contain(note.id);
    expect(statusText(panel)).to.equal('Sensitive details were masked before saving; the field says what.');

    const submitted = nextEvent<CustomEvent<HandoffV1>>(panel, 'handoff-submit');
    send(panel);
    const payload = (await submitted).detail;
    expect(payload.recap.summary).to.equal('She read out •••• •••• •••• 1111 twice.');
    expect(payload.redactions).to.deep.equal([{ field: 'recap.summary', kind: 'card-number' }]);
  });

  it('says at the field each kind of secret it masked, in any text field, before the agent sends', async () => {
    const panel = await mount();
    fillValid(panel);
    const name = typeInto(panel, 'Customer name', 'Ana Ruiz');
    const steps = typeInto(panel, 'Agreed next steps', 'Card 5555 5555 5555 4444 exp 12/27 CVV 123, code 739204');
    await panel.updateComplete;
    expect(steps.value).to.equal('Card •••• •••• •••• 4444 exp ••/•• CVV •••, code ••••••');
    expect(root(panel).getElementById(`${steps.id}-masked`)!.textContent).to.equal(
      'Card number masked: only the last 4 digits are kept. Card expiry date masked: it is never stored or sent. ' +
        'Card security code masked: it is never stored or sent. One-time code masked: it is never stored or sent.',
    );
    expect(root(panel).getElementById(`${name.id}-masked`)).to.equal(null);
    const team = typeInto(panel, 'Receiver team', 'Billing, password: hunter2');
    await panel.updateComplete;
    expect(team.value).to.equal('Billing, password: •••••');
    expect(root(panel).getElementById(`${team.id}-masked`)!.textContent).to.equal(
      'Password masked: it is never stored or sent.',
    );

    const submitted = nextEvent<CustomEvent<HandoffV1>>(panel, 'handoff-submit');
    send(panel);
    const payload = (await submitted).detail;
    expect(payload.redactions).to.deep.include.members([
      { field: 'to.team', kind: 'password' },
      { field: 'nextSteps', kind: 'card-number' },
      { field: 'nextSteps', kind: 'one-time-code' },
    ]);
  });

  it('masks a card number split over two lines of "what has been tried" as one', async () => {
    const panel = await mount();
    fillValid(panel);
    const tried = typeInto(panel, 'What has been tried', 'Customer read 4111 1111\n1111 1111 twice');
    await panel.updateComplete;
    expect(tried.value).to.equal('Customer read •••• ••••\n•••• 1111 twice');
    const submitted = nextEvent<CustomEvent<HandoffV1>>(panel, 'handoff-submit');
    send(panel);
    const payload = (await submitted).detail;
    expect(payload.recap.tried).to.deep.equal(['Customer read •••• ••••', '•••• 1111 twice']);
    expect(payload.redactions).to.deep.equal([{ field: 'recap.tried[0]', kind: 'card-number' }]);
  });

  it('refuses a card number in an id at the field, keeping what was typed for the agent to fix', async () => {
    const panel = await mount();
    const caseId = typeInto(panel, 'Case id', '4111111111111111');
    await panel.updateComplete;
    expect(caseId.value).to.equal('4111111111111111');
    expect(errorText(panel, caseId)).to.equal(
      'Case id looks like a payment card number, and a handoff never carries one. Use the reference itself, without the card number.',
    );
    expect(caseId.getAttribute('aria-invalid')).to.equal('true');
    typeInto(panel, 'Case id', 'C-1042');
    await panel.updateComplete;
    expect(errorText(panel, caseId)).to.equal(undefined);
  });

  it('asks how the customer was verified as a choice, and for "other" what it was', async () => {
    const panel = await mount();
    fillValid(panel);
    tick(panel, 'Verified');
    await panel.updateComplete;
    const method = control(panel, 'Verification method') as unknown as HTMLSelectElement;
    expect(method.tagName).to.equal('SELECT');
    expect([...method.options].map((o) => o.textContent)).to.deep.equal([
      '—',
      'Security questions',
      'One-time code',
      'ID document',
      'Voice biometrics',
      'Callback to a number on file',
      'Other',
    ]);
    typeInto(panel, 'Verification method', 'other');
    await panel.updateComplete;
    typeInto(panel, 'Which other method', 'Date of birth, code 739204');
    await panel.updateComplete;
    const submitted = nextEvent<CustomEvent<HandoffV1>>(panel, 'handoff-submit');
    send(panel);
    expect((await submitted).detail.customer.verification).to.include({
      status: 'verified',
      method: 'other',
      methodDetail: 'Date of birth, code ••••••',
    });
  });

  it('never stores a card number in a draft, even before the field is left', async () => {
    const panel = await mount();
    const summary = control(panel, 'Summary');
    summary.value = 'card 5555 5555 5555 4444';
    summary.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    const store = new DraftStore((panel.config.drafts as { name: string }).name);
    await until(async () => (await store.load('C-10442'))?.draft.recap?.summary !== undefined, 'the draft to be saved');
    const saved = await store.load('C-10442');
    store.close();
    expect(saved!.draft.recap!.summary).to.equal('card •••• •••• •••• 4444');
  });

  it('restores the draft after a reload (a new panel for the same case)', async () => {
    const drafts = { name: `test-drafts-${crypto.randomUUID()}`, debounceMs: 0 };
    const first = await mount(HOST, { drafts });
    typeInto(first, 'Summary', 'Router drops every evening.');
    typeInto(first, 'Receiver team', 'Network');
    tick(first, 'Apology given');
    const store = new DraftStore(drafts.name);
    await until(async () => (await store.load('C-10442'))?.draft.to?.team === 'Network', 'the draft to be saved');
    store.close();
    first.remove();

    const second = await mount(HOST, { drafts });
    await until(() => (control(second, 'Summary') as HTMLTextAreaElement).value !== '', 'the draft to come back');
    expect(control(second, 'Summary').value).to.equal('Router drops every evening.');
    expect(control(second, 'Receiver team').value).to.equal('Network');
    expect((control(second, 'Apology given') as HTMLInputElement).checked).to.equal(true);
    expect(statusText(second)).to.equal('Draft restored.');

    // Another case has its own (empty) draft.
    const other = await mount({ ...HOST, 'case-id': 'C-99' }, { drafts });
    expect(control(other, 'Summary').value).to.equal('');
  });

  it('a sent handoff clears its draft and the form (after it is durably saved)', async () => {
    const drafts = { name: `test-drafts-${crypto.randomUUID()}`, debounceMs: 0 };
    const panel = await mount(HOST, { drafts });
    fillValid(panel);
    const queued = nextEvent<CustomEvent<{ payload: HandoffV1 }>>(panel, 'handoff-queued');
    send(panel);
    const { payload } = (await queued).detail;
    await panel.updateComplete;
    expect(control(panel, 'Summary').value).to.equal('');
    expect(control(panel, 'Customer name').value).to.equal('Amara Okafor'); // the host's prefill stays
    const store = new DraftStore(drafts.name);
    expect(await store.load('C-10442')).to.equal(undefined);
    store.close();
    expect(payload.customer.name).to.equal('Amara Okafor');
  });

  it('offline: shows "queued", then "delivered" once back online', async () => {
    const panel = await mount();
    fillValid(panel);
    setOnline(false);
    const queued = nextEvent(panel, 'handoff-queued');
    send(panel);
    await queued;
    await until(() => statusText(panel).startsWith("Saved. You're offline"), 'the offline status');
    expect(statusText(panel)).to.equal("Saved. You're offline: it will be sent when you're back online.");
    const delivered = nextEvent(panel, 'handoff-delivered');
    setOnline(true);
    await delivered;
    await panel.updateComplete;
    expect(statusText(panel)).to.equal('Delivered.');
    expect(root(panel).querySelector('[role="status"]')!.getAttribute('aria-live')).to.equal('polite');
  });

  it('lets the host veto a handoff by cancelling handoff-submit', async () => {
    const panel = await mount();
    fillValid(panel);
    document.body.addEventListener('handoff-submit', (e) => e.preventDefault(), { once: true });
    send(panel);
    await panel.updateComplete;
    expect(statusText(panel)).to.equal('Not sent: the page cancelled it.');
    expect(control(panel, 'Summary').value).to.equal('Charged twice for November.');
    expect((await receiver.stats()).requests).to.equal(0);
  });

  it('keeps the text and offers a copy when the handoff cannot be saved', async () => {
    const panel = await mount();
    fillValid(panel);
    const failed = nextEvent<CustomEvent<{ reason: string; message: string }>>(panel, 'handoff-failed');
    const originalAdd = IDBObjectStore.prototype.add;
    IDBObjectStore.prototype.add = function () {
      throw new DOMException('full', 'QuotaExceededError');
    };
    try {
      send(panel);
      expect((await failed).detail.reason).to.equal('storage');
    } finally {
      IDBObjectStore.prototype.add = originalAdd;
    }
    await panel.updateComplete;
    expect(statusText(panel)).to.match(/^Not saved: The browser has no storage space left/);
    expect(control(panel, 'Summary').value).to.equal('Charged twice for November.');
    expect([...root(panel).querySelectorAll('button')].map((b) => b.textContent!.trim())).to.include(
      'Copy handoff as text',
    );
  });

  it("takes a prefill in the payload's shape, and names unknown fields", async () => {
    const panel = await mount({});
    panel.prefill({
      case: { id: 'C-1' },
      from: { agentId: 'a-9', name: 'Kim', callback: '+1 415 555 0100' },
      customer: { name: 'Ada', contact: { email: 'ada@example.com' } },
      transfer: { count: 2 },
    });
    await panel.updateComplete;
    expect(control(panel, 'Case id').value).to.equal('C-1');
    expect(control(panel, 'Your name').value).to.equal('Kim');
    expect(control(panel, 'Your callback number').value).to.equal('+1 415 555 0100');
    expect(control(panel, 'Customer email').value).to.equal('ada@example.com');
    expect(root(panel).querySelector('[part="transfer"]')!.textContent).to.equal(
      'Transfer 2: this contact is flagged for the priority lane.',
    );
    expect(() => panel.prefill({ custmer: { name: 'x' } } as never)).to.throw(
      TypeError,
      '"custmer" is not a field of a handoff',
    );
  });

  it('ignores new-but-equal objects from a re-rendering framework: typed text stays, delivery is still heard', async () => {
    const panel = await mount({ ...HOST, 'case-id': 'C-R' });
    const config = panel.config;
    panel.customer = { name: 'Ada' };
    await panel.updateComplete;
    fillValid(panel);
    typeInto(panel, 'Customer name', 'Ada Lovelace');
    const delivered = nextEvent(panel, 'handoff-delivered');
    const queued = nextEvent(panel, 'handoff-queued');
    send(panel);
    await queued;
    // What React does on every render: equal values, new objects.
    panel.customer = { name: 'Ada' };
    panel.config = { ...config, outbox: { ...config.outbox } };
    await panel.updateComplete;
    await delivered;
    typeInto(panel, 'Customer name', 'Grace');
    panel.customer = { name: 'Ada' };
    await panel.updateComplete;
    expect(control(panel, 'Customer name').value).to.equal('Grace');
  });

  it("suggests a managing-up script from the receiver, and keeps the agent's own edits", async () => {
    const panel = await mount();
    typeInto(panel, 'Reason', 'specialist');
    typeInto(panel, 'Receiver name', 'Dana');
    typeInto(panel, 'Receiver team', 'Billing');
    await panel.updateComplete;
    expect(control(panel, 'Managing-up script').value).to.equal(
      "Amara Okafor, Dana in Billing is our specialist and has solved problems like this many times. They'll take good care of you.",
    );
    expect(root(panel).querySelector('[part="script"]')!.textContent).to.contain(
      "I'm going to transfer you to Dana in Billing",
    );
    typeInto(panel, 'Managing-up script', 'Dana is brilliant.');
    typeInto(panel, 'Receiver name', 'Lee');
    await panel.updateComplete;
    expect(control(panel, 'Managing-up script').value).to.equal('Dana is brilliant.');
  });

  it('adds and removes action rows', async () => {
    const panel = await mount();
    const add = root(panel).getElementById('add-action') as HTMLButtonElement;
    add.click();
    add.click();
    await panel.updateComplete;
    expect(root(panel).activeElement?.id).to.equal('f-actions-1-text');
    typeInto(panel, 'Action 1', 'Refund');
    typeInto(panel, 'Action 2', 'Email confirmation');
    [...root(panel).querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Remove action 1')!.click();
    await panel.updateComplete;
    expect(control(panel, 'Action 1').value).to.equal('Email confirmation');
    expect(() => control(panel, 'Action 2')).to.throw();
  });

  it('does not re-render the form while the agent types a summary', async () => {
    const panel = await mount();
    await panel.updateComplete;
    let renders = 0;
    const render = (panel as unknown as { render(): unknown }).render.bind(panel);
    (panel as unknown as { render(): unknown }).render = () => {
      renders++;
      return render();
    };
    const summary = control(panel, 'Summary');
    for (const text of ['W', 'Wi', 'Wi-', 'Wi-F', 'Wi-Fi']) {
      summary.value = text;
      summary.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    }
    await panel.updateComplete;
    expect(renders).to.equal(0);
  });

  it('speaks Spanish with the shipped es catalogue: labels, errors and scripts', async () => {
    const panel = await mount(HOST, { messages: es });
    expect(control(panel, 'Resumen')).to.exist;
    expect(root(panel).querySelector('button[type="submit"]')!.textContent!.trim()).to.equal('Enviar transferencia');
    typeInto(panel, 'Equipo del receptor', 'Facturación');
    send(panel);
    await panel.updateComplete;
    expect(errorText(panel, control(panel, 'Resumen'))).to.equal('«Resumen» es obligatorio.');
    expect(control(panel, 'Guion de presentación del receptor').value).to.contain('Facturación');
  });

  it('follows lang="es" on the page once the catalogue is registered', async () => {
    const { registerLocale } = await import('../../src/ui/messages/catalogue.js');
    registerLocale(es);
    const wrapper = document.createElement('div');
    wrapper.lang = 'es-MX';
    document.body.append(wrapper);
    const panel = await mount();
    wrapper.append(panel);
    panel.requestUpdate();
    await panel.updateComplete;
    expect(control(panel, 'Nombre del cliente')).to.exist;
    wrapper.remove();
  });

  describe('accessibility', () => {
    it('has no axe violations (WCAG 2.2 AA), empty and with errors shown', async () => {
      const panel = await mount();
      await expectAccessible(panel);
      send(panel);
      await panel.updateComplete;
      await expectAccessible(panel);
    });

    it('has no axe violations in dark mode', async function () {
      try {
        await emulateMedia({ colorScheme: 'dark' });
      } catch {
        this.skip(); // media emulation is not available through WebDriver
      }
      try {
        const panel = await mount();
        expect(getComputedStyle(root(panel).querySelector('form')!).colorScheme).to.equal('dark');
        send(panel);
        await panel.updateComplete;
        await expectAccessible(panel);
      } finally {
        await emulateMedia({ colorScheme: 'light' });
      }
    });

    it('has no axe violations right to left, and lays out from the right', async () => {
      const wrapper = document.createElement('div');
      wrapper.dir = 'rtl';
      document.body.append(wrapper);
      const panel = await mount();
      wrapper.append(panel);
      await panel.updateComplete;
      const form = root(panel).querySelector('form')!;
      expect(getComputedStyle(form).direction).to.equal('rtl');
      const summary = control(panel, 'Summary').getBoundingClientRect();
      const label = root(panel).querySelector('label[for="f-recap-summary"]')!.getBoundingClientRect();
      expect(label.right).to.be.closeTo(summary.right, 2);
      await expectAccessible(panel);
      wrapper.remove();
    });

    it('is usable at 320 px wide: nothing overflows sideways', async () => {
      const wrapper = document.createElement('div');
      wrapper.style.width = '320px';
      document.body.append(wrapper);
      const panel = await mount();
      wrapper.append(panel);
      await panel.updateComplete;
      expect(panel.scrollWidth).to.be.at.most(320);
      for (const el of root(panel).querySelectorAll('input, select, textarea, button')) {
        expect(el.getBoundingClientRect().right, (el as HTMLElement).id).to.be.at.most(
          panel.getBoundingClientRect().right + 1,
        );
      }
      wrapper.remove();
    });
  });
});
