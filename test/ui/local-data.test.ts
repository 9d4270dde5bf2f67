// What the panel leaves in this browser: nothing readable after a send and a draft save (IndexedDB read
// raw), and nothing at all after clearLocalData() on sign-out.
import { expect } from '@open-wc/testing';
import { DraftStore } from '../../src/drafts/draft-store.js';
import { clearLocalData } from '../../src/index.js';
import { Outbox } from '../../src/outbox/index.js';
import type { HandoffPanel } from '../../src/ui/handoff-panel/handoff-panel.js';
import { rawText } from '../fixtures/raw-idb.js';
import {
  TestReceiver,
  cleanup as cleanupOutboxes,
  handoff,
  restoreOnline,
  setOnline,
  until,
} from '../outbox/helpers.js';
import { control, fillValid, mountPanel, nextEvent, root, typeInto } from './helpers.js';

const HOST = {
  'case-id': 'C-SECRET-4471',
  'agent-id': 'agent-17',
  'agent-name': 'Sam Lee',
  'customer-name': 'Amara Okafor',
};

describe('local data', () => {
  let receiver: TestReceiver;
  let panels: HandoffPanel[] = [];
  const names = () => ({ drafts: `test-drafts-${crypto.randomUUID()}`, outbox: `test-outbox-${crypto.randomUUID()}` });
  const mount = async (n: ReturnType<typeof names>, debounceMs = 0) => {
    const panel = await mountPanel(HOST, {
      drafts: { name: n.drafts, debounceMs },
      outbox: { endpoint: receiver.endpoint, name: n.outbox },
    });
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

  it('after a send and a draft save, IndexedDB read raw holds none of what the agent typed', async () => {
    const n = names();
    const panel = await mount(n);
    setOnline(false);
    fillValid(panel);
    typeInto(panel, 'Summary', 'Wants the Zebra-Quartz refund before Friday.');
    typeInto(panel, 'Customer name', 'Philippa Wexford-Lyle');
    const queued = nextEvent(panel, 'handoff-queued');
    (root(panel).querySelector('button[type="submit"]') as HTMLButtonElement).click();
    await queued;
    typeInto(panel, 'Summary', 'Next one: Marmalade-Obelisk case, card 4111 1111 1111 1111');
    const store = new DraftStore(n.drafts);
    await until(
      async () => (await store.load('C-SECRET-4471'))?.draft.recap?.summary?.startsWith('Next') === true,
      'the draft saved',
    );
    const raw = (await rawText(n.outbox)) + (await rawText(n.drafts));
    for (const typed of [
      'Zebra-Quartz',
      'Wexford-Lyle',
      'Marmalade-Obelisk',
      'C-SECRET-4471',
      'Refunds over $500',
      'Billing supervisors',
      'Amara',
    ])
      expect(raw, typed).not.to.contain(typed);
  });

  it('clearLocalData() removes drafts and the sent log, keeps undelivered handoffs, and says how many', async () => {
    const n = names();
    const panel = await mount(n);
    setOnline(false);
    fillValid(panel);
    const queued = nextEvent(panel, 'handoff-queued');
    (root(panel).querySelector('button[type="submit"]') as HTMLButtonElement).click();
    await queued;
    typeInto(panel, 'Summary', 'a draft for later');
    const store = new DraftStore(n.drafts);
    await until(async () => (await store.load('C-SECRET-4471')) !== undefined, 'the draft saved');

    const cleared = await clearLocalData({ drafts: n.drafts, outbox: n.outbox });
    expect(cleared).to.deep.equal({ drafts: 1, sent: 1, undeliveredKept: 1, undeliveredDiscarded: 0 });
    expect(await store.load('C-SECRET-4471')).to.equal(undefined);
    const outbox = new Outbox({ endpoint: receiver.endpoint, name: n.outbox, autoStart: false });
    expect((await outbox.counts()).pending).to.equal(1);
    await outbox.close();
  });

  it('with undelivered: "discard", the outbox is emptied too', async () => {
    const n = names();
    setOnline(false);
    const outbox = new Outbox({ endpoint: receiver.endpoint, name: n.outbox });
    await outbox.enqueue(handoff());
    await outbox.enqueue(handoff());
    const cleared = await clearLocalData({ drafts: n.drafts, outbox: n.outbox, undelivered: 'discard' });
    expect(cleared).to.include({ undeliveredKept: 0, undeliveredDiscarded: 2 });
    expect(await outbox.counts()).to.deep.equal({ pending: 0, sending: 0, delivered: 0, dead: 0 });
    await outbox.close();
  });

  it('a save still pending when local data is cleared (then the page goes) writes nothing back', async () => {
    const n = names();
    const panel = await mount(n, 60_000);
    typeInto(panel, 'Summary', 'typed just before sign-out');
    const save = DraftStore.prototype.save;
    let saves = 0;
    DraftStore.prototype.save = function (...args) {
      saves++;
      return save.apply(this, args);
    };
    try {
      await clearLocalData({ drafts: n.drafts, outbox: n.outbox });
      window.dispatchEvent(new Event('pagehide'));
      panel.remove();
    } finally {
      DraftStore.prototype.save = save;
    }
    expect(saves).to.equal(0);
    expect(control(panel, 'Summary').value).to.equal('typed just before sign-out');
  });

  it('says what is wrong with a bad option', async () => {
    let error: Error | undefined;
    await clearLocalData({ undelivered: 'delete' as 'discard' }).catch((e: Error) => (error = e));
    expect(error?.message).to.equal(`clearLocalData(): undelivered must be 'keep' or 'discard', not "delete".`);
  });
});
