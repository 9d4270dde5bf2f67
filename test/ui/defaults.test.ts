// Fewer steps on a live call: what the panel preselects until the agent chooses otherwise.
import { expect } from '@open-wc/testing';
import type { HandoffV1 } from '../../src/payload/index.js';
import type { HandoffPanel } from '../../src/ui/handoff-panel/handoff-panel.js';
import { TestReceiver, cleanup as cleanupOutboxes } from '../outbox/helpers.js';
import { control, mountPanel, nextEvent, root, typeInto } from './helpers.js';

const HOST = { 'case-id': 'C-1', 'agent-id': 'agent-17', 'agent-name': 'Sam Lee', 'customer-name': 'Amara Okafor' };
const checkedMode = (panel: HandoffPanel) =>
  root(panel).querySelector<HTMLInputElement>('input[name="mode"]:checked')?.value;

describe('<handoff-panel>: preselected mode', () => {
  let receiver: TestReceiver;
  let panels: HandoffPanel[] = [];
  const mount = async (attrs: Record<string, string>) => {
    const outbox = { endpoint: receiver.endpoint, name: `test-outbox-${crypto.randomUUID()}` };
    const panel = await mountPanel({ ...HOST, ...attrs }, { outbox });
    panels.push(panel);
    return panel;
  };
  beforeEach(() => (receiver = new TestReceiver()));
  afterEach(async () => {
    for (const panel of panels) panel.remove();
    panels = [];
    await cleanupOutboxes();
  });

  it('is warm where the channel lets the agent stay on, blind for email, none without a channel', async () => {
    expect(checkedMode(await mount({ channel: 'phone' }))).to.equal('warm');
    expect(checkedMode(await mount({ channel: 'chat' }))).to.equal('warm');
    expect(checkedMode(await mount({ channel: 'in-person' }))).to.equal('warm');
    expect(checkedMode(await mount({ channel: 'email' }))).to.equal('blind');
    expect(checkedMode(await mount({}))).to.equal(undefined);
  });

  it('follows the channel until the agent picks a mode, then keeps the pick; the payload carries it', async () => {
    const panel = await mount({ channel: 'phone' });
    typeInto(panel, 'Channel', 'email');
    await panel.updateComplete;
    expect(checkedMode(panel)).to.equal('blind');
    root(panel).querySelector<HTMLInputElement>('input[name="mode"][value="warm"]')!.click();
    typeInto(panel, 'Channel', 'email');
    await panel.updateComplete;
    expect(checkedMode(panel)).to.equal('warm');
    expect(panel.hasUnsentDraft).to.equal(true);
    typeInto(panel, 'Reason', 'escalation');
    typeInto(panel, "Why I can't resolve it", 'Refunds over $500 need a supervisor.');
    typeInto(panel, 'Summary', 'Charged twice for November.');
    typeInto(panel, 'Receiver team', 'Billing supervisors');
    const queued = nextEvent<CustomEvent<{ payload: HandoffV1 }>>(panel, 'handoff-queued');
    root(panel).querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    expect((await queued).detail.payload.mode).to.equal('warm');
  });

  it('is blind when the agent is leaving (a shift change, absence cover), and the lines to read follow it', async () => {
    const panel = await mount({ channel: 'chat' });
    const informLine = () => root(panel).querySelector('[part="script"] dd')!.textContent!;
    expect(checkedMode(panel)).to.equal('warm');
    expect(informLine()).to.match(/stay on/i);
    typeInto(panel, 'Reason', 'shift-change');
    await panel.updateComplete;
    expect(checkedMode(panel)).to.equal('blind');
    expect(informLine()).not.to.match(/stay on/i);
    expect(panel.value.mode).to.equal('blind');
  });

  it('a preselection alone is not an unsent draft', async () => {
    const panel = await mount({ channel: 'phone' });
    expect(checkedMode(panel)).to.equal('warm');
    expect(panel.hasUnsentDraft).to.equal(false);
    expect(control(panel, 'Warm (I stay on until they take over)')).to.exist;
  });
});
