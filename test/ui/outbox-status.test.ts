import { expect } from '@open-wc/testing';
import type { HandoffOutboxStatus } from '../../src/ui/handoff-outbox-status/handoff-outbox-status.js';
import { sharedOutbox } from '../../src/ui/shared/outbox-registry.js';
import { TestReceiver, cleanup, handoff, restoreOnline, setOnline, until } from '../outbox/helpers.js';
import { expectAccessible } from './helpers.js';

describe('<handoff-outbox-status>', () => {
  let receiver: TestReceiver;
  let element: HandoffOutboxStatus;
  const name = () => `test-outbox-${crypto.randomUUID()}`;

  beforeEach(() => {
    receiver = new TestReceiver();
  });
  afterEach(async () => {
    restoreOnline();
    element.remove();
    await cleanup();
  });

  async function mount(outboxName: string): Promise<HandoffOutboxStatus> {
    element = document.createElement('handoff-outbox-status');
    element.config = { outbox: { name: outboxName, endpoint: receiver.endpoint } };
    document.body.append(element);
    await element.updateComplete;
    return element;
  }
  const text = () => element.shadowRoot!.querySelector('[part="counts"]')!.textContent!.trim();

  it('counts what waits, across tabs, and says when all is sent', async () => {
    const outboxName = name();
    await mount(outboxName);
    await until(() => text() === 'All handoffs sent', 'the empty state');
    // Another "tab" (a separate Outbox on the same database) queues two handoffs while offline.
    setOnline(false);
    const { Outbox } = await import('../../src/outbox/index.js');
    const otherTab = new Outbox({ endpoint: receiver.endpoint, name: outboxName });
    await otherTab.enqueue(handoff());
    await otherTab.enqueue(handoff());
    await until(() => text() === '2 waiting to send', 'the count from the other tab');
    await otherTab.close();
    setOnline(true);
    await until(() => text() === 'All handoffs sent', 'the deliveries to show');
    await expectAccessible(element);
  });

  it('lists dead-letter items with retry and discard', async () => {
    const outboxName = name();
    await receiver.faults({ status: 422, message: 'bad' }, { status: 400, message: 'worse' });
    const outbox = sharedOutbox({ endpoint: receiver.endpoint, name: outboxName });
    await mount(outboxName);
    const a = handoff();
    const b = handoff();
    await outbox.enqueue(a);
    await outbox.enqueue(b);
    await until(() => text() === '2 need attention', 'two dead items');
    const items = [...element.shadowRoot!.querySelectorAll('li')];
    expect(items.map((li) => li.querySelector('span')!.textContent)).to.have.members([
      'Rejected (422)',
      'Rejected (400)',
    ]);
    await expectAccessible(element);

    const buttons = (id: string) =>
      [...element.shadowRoot!.querySelectorAll('button')].filter((btn) =>
        btn.getAttribute('aria-label')!.endsWith(id.slice(0, 8)),
      );
    buttons(a.id)
      .find((btn) => btn.textContent === 'Retry')!
      .click();
    buttons(b.id)
      .find((btn) => btn.textContent === 'Discard')!
      .click();
    await until(() => text() === 'All handoffs sent', 'retry delivered and discard removed');
    await receiver.expectExactlyOnce([a.id]);
  });
});
