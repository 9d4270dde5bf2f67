// The receiver directory in the panel: the combobox (ARIA list autocomplete, keyboard and pointer), what a
// pick fills, the notice and proposals when the receiver is closed or away, and what the payload records.
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { DirectoryEntry } from '../../src/directory/index.js';
import type { HandoffV1 } from '../../src/payload/index.js';
import type { HandoffPanel } from '../../src/ui/handoff-panel/handoff-panel.js';
import {
  control,
  expectAccessible,
  fillValid,
  nextEvent,
  realKeyboard,
  root,
  typeInto,
  usePanels,
  waitFor,
} from './helpers.js';

const HOST = { 'case-id': 'C-20117', 'agent-id': 'agent-17', 'agent-name': 'Sam Lee', 'customer-name': 'Amara Okafor' };
const ALWAYS = {
  timeZone: 'UTC',
  weekly: Object.fromEntries(['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'].map((d) => [d, ['00:00-24:00']])),
};

/** Closed today; open 09:00–17:00 tomorrow, on the receiver's clock in `timeZone`. */
function openTomorrow(timeZone = 'UTC'): DirectoryEntry['hours'] {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
    .formatToParts(Date.now() + 86_400_000)
    .reduce<Record<string, string>>((bag, p) => ({ ...bag, [p.type]: p.value }), {});
  const tomorrow = `${parts.year}-${parts.month}-${parts.day}`;
  return { timeZone, weekly: {}, exceptions: { [tomorrow]: ['09:00-17:00'] } };
}

const dana = (over: Partial<DirectoryEntry> = {}): DirectoryEntry => ({
  name: 'Dana Whitfield',
  team: 'Billing supervisors',
  expertise: 'refunds and disputed charges',
  fallback: { phone: '+44 20 7946 0100', name: 'Billing supervisors desk' },
  ifUnavailable: 'callback',
  hours: ALWAYS,
  ...over,
});
const nightDesk: DirectoryEntry = {
  team: 'Billing night desk',
  expertise: 'refunds and disputed charges',
  fallback: { phone: '+44 20 7946 0199' },
  hours: ALWAYS,
};
const ines: DirectoryEntry = {
  name: 'Inés Moreau',
  team: 'Building Materials',
  expertise: 'sub-floors and framing',
  fallback: { phone: '+1 404 555 0190' },
};

const combobox = (panel: HandoffPanel) => root(panel).querySelector<HTMLInputElement>('[role="combobox"]')!;
const options = (panel: HandoffPanel) => [...root(panel).querySelectorAll<HTMLElement>('[role="option"]')];
const listbox = (panel: HandoffPanel) => root(panel).querySelector<HTMLElement>('[role="listbox"]')!;
const notice = (panel: HandoffPanel) =>
  root(panel).querySelector('[part="availability"]')!.textContent!.replace(/\s+/g, ' ').trim();
const proposal = (panel: HandoffPanel, text: string) =>
  [...root(panel).querySelectorAll<HTMLButtonElement>('[part="availability"] button')].find((b) =>
    b.textContent!.includes(text),
  );

function key(target: Element, init: KeyboardEventInit): KeyboardEvent {
  const event = new KeyboardEvent('keydown', { bubbles: true, composed: true, cancelable: true, ...init });
  target.dispatchEvent(event);
  return event;
}

async function search(panel: HandoffPanel, text: string): Promise<void> {
  const input = combobox(panel);
  input.focus();
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await panel.updateComplete;
}

describe('<handoff-panel>: the receiver directory', () => {
  const pageKeys: KeyboardEvent[] = [];
  const onPageKey = (e: Event) => pageKeys.push(e as KeyboardEvent);
  const mountOne = usePanels(HOST);
  const mount = async (config: HandoffPanel['config']) => {
    const panel = await mountOne(config);
    // The directory's code is loaded the first time a panel is given one.
    if (config.directory)
      await waitFor(() => root(panel).querySelector('[role="combobox"], .config-error') !== null, panel);
    return panel;
  };

  beforeEach(() => {
    pageKeys.length = 0;
    document.addEventListener('keydown', onPageKey);
  });
  afterEach(() => document.removeEventListener('keydown', onPageKey));

  it('has no combobox without a directory', async () => {
    const panel = await mount({});
    expect(root(panel).querySelector('[role="combobox"]')).to.equal(null);
  });

  it('filters as the agent types; arrows move the active option; Enter picks and fills, never sends', async () => {
    const panel = await mount({ directory: [dana(), nightDesk, ines] });
    const input = combobox(panel);
    expect(input.getAttribute('aria-expanded')).to.equal('false');
    expect(input.labels![0]!.textContent).to.equal('Who can help');
    await search(panel, 'refu');
    expect(input.getAttribute('aria-expanded')).to.equal('true');
    expect(options(panel).map((o) => o.querySelector('.who')!.textContent)).to.deep.equal([
      'Dana Whitfield · Billing supervisors',
      'Billing night desk',
    ]);
    expect(input.getAttribute('aria-controls')).to.equal(listbox(panel).id);
    key(input, { key: 'ArrowDown' });
    await panel.updateComplete;
    key(input, { key: 'ArrowDown' });
    key(input, { key: 'ArrowDown' });
    await panel.updateComplete;
    expect(input.getAttribute('aria-activedescendant')).to.equal(options(panel)[0]!.id);
    expect(options(panel)[0]!.getAttribute('aria-selected')).to.equal('true');
    let sent = false;
    panel.addEventListener('handoff-invalid', () => (sent = true));
    panel.addEventListener('handoff-queued', () => (sent = true));
    const enter = key(input, { key: 'Enter' });
    await panel.updateComplete;
    expect(enter.defaultPrevented).to.equal(true);
    expect(sent).to.equal(false);
    expect(input.getAttribute('aria-expanded')).to.equal('false');
    expect(input.value).to.equal('Dana Whitfield, Billing supervisors');
    expect(control(panel, 'Receiver name').value).to.equal('Dana Whitfield');
    expect(control(panel, 'Receiver team').value).to.equal('Billing supervisors');
    expect(control(panel, 'Receiver expertise').value).to.equal('refunds and disputed charges');
    expect(control(panel, 'Fallback contact number').value).to.equal('+44 20 7946 0100');
    expect(control(panel, 'Fallback contact name').value).to.equal('Billing supervisors desk');
    expect(control(panel, 'If the receiver is unavailable').value).to.equal('callback');
    expect(panel.value.to).to.include({ name: 'Dana Whitfield', team: 'Billing supervisors' });
  });

  it('a click on an option picks it; a receiver typed by hand who is not in the directory is sent as typed', async () => {
    const panel = await mount({ directory: [dana(), ines] });
    await search(panel, '');
    options(panel)[1]!.click();
    await panel.updateComplete;
    expect(control(panel, 'Receiver team').value).to.equal('Building Materials');
    fillValid(panel);
    typeInto(panel, 'Receiver name', 'Jo Bloggs');
    typeInto(panel, 'Receiver team', 'Flooring');
    // Her entry has a fallback number but no "if unavailable": a contingency needs one, so the agent picks it.
    typeInto(panel, 'If the receiver is unavailable', 'requeue');
    await panel.updateComplete;
    const queued = nextEvent<CustomEvent<{ payload: HandoffV1 }>>(panel, 'handoff-queued');
    root(panel).querySelector<HTMLButtonElement>('[part="send-button"]')!.click();
    const { payload } = (await queued).detail;
    expect(payload.to).to.deep.include({ name: 'Jo Bloggs', team: 'Flooring' });
    expect(payload.to.availability).to.equal(undefined);
  });

  it('says when no one matches, and Escape closes the list, then clears it, without reaching the page', async () => {
    const panel = await mount({ directory: [dana()] });
    await search(panel, 'zzz');
    expect(options(panel)).to.have.length(0);
    expect(root(panel).querySelector('.directory')!.textContent).to.contain('No one in the directory matches');
    const first = key(combobox(panel), { key: 'Escape' });
    await panel.updateComplete;
    expect(combobox(panel).getAttribute('aria-expanded')).to.equal('false');
    key(combobox(panel), { key: 'Escape' });
    await panel.updateComplete;
    expect(combobox(panel).value).to.equal('');
    expect(first.defaultPrevented || pageKeys.length === 0).to.equal(true);
    expect(pageKeys).to.deep.equal([]);
  });

  it('a closed receiver: the notice with their hours, the customer told, proposals, and to.availability sent', async () => {
    const panel = await mount({ directory: [dana({ hours: openTomorrow() }), nightDesk] });
    await search(panel, 'dana');
    options(panel)[0]!.click();
    await panel.updateComplete;
    expect(notice(panel)).to.match(/^Dana Whitfield is closed until \w+ 0?9:00( AM)?\./);
    expect(root(panel).querySelector('[part="script"]')!.textContent).to.contain(
      'They may not be able to take your call straight away.',
    );
    expect(proposal(panel, 'Billing night desk instead (open now)')).to.not.equal(undefined);
    await expectAccessible(panel);
    proposal(panel, 'A callback at')!.click();
    await panel.updateComplete;
    expect(control(panel, 'If the receiver is unavailable').value).to.equal('callback');
    expect(control(panel, 'Follow-up time').value).to.match(/T\d\d:00$/);
    expect(proposal(panel, 'A callback at')!.getAttribute('aria-pressed')).to.equal('true');
    proposal(panel, 'Voicemail')!.click();
    await panel.updateComplete;
    expect(control(panel, 'If the receiver is unavailable').value).to.equal('voicemail');
    fillValid(panel);
    typeInto(panel, 'Receiver team', 'Billing supervisors');
    await panel.updateComplete;
    const queued = nextEvent<CustomEvent<{ payload: HandoffV1 }>>(panel, 'handoff-queued');
    root(panel).querySelector<HTMLButtonElement>('[part="send-button"]')!.click();
    const availability = (await queued).detail.payload.to.availability!;
    expect(availability.status).to.equal('closed');
    expect(availability.timeZone).to.equal('UTC');
    expect(availability.opensAt).to.match(/T09:00:00\.000Z$/);
    expect(Date.parse(availability.checkedAt)).to.be.closeTo(Date.now(), 60_000);
  });

  it('a second pick replaces the first one’s plan: its own "if unavailable", no callback proposed for the first', async () => {
    const panel = await mount({
      directory: [dana({ hours: openTomorrow() }), { ...nightDesk, ifUnavailable: undefined }],
    });
    await search(panel, 'dana');
    options(panel)[0]!.click();
    await panel.updateComplete;
    proposal(panel, 'A callback at')!.click();
    await panel.updateComplete;
    expect(control(panel, 'Follow-up time').value).to.not.equal('');
    proposal(panel, 'Billing night desk instead')!.click();
    await panel.updateComplete;
    expect(control(panel, 'If the receiver is unavailable').value).to.equal('');
    expect(control(panel, 'Follow-up time').value).to.equal('');
    expect(combobox(panel).value).to.equal('Billing night desk');
  });

  it('the combobox empties when the draft is sent or reset', async () => {
    const panel = await mount({ directory: [dana()] });
    await search(panel, 'dana');
    options(panel)[0]!.click();
    await panel.updateComplete;
    expect(combobox(panel).value).to.equal('Dana Whitfield, Billing supervisors');
    await panel.reset();
    await panel.updateComplete;
    expect(combobox(panel).value).to.equal('');
  });

  it('an alternative that is open now is picked from the notice', async () => {
    const panel = await mount({ directory: [dana({ hours: openTomorrow() }), nightDesk] });
    await search(panel, 'dana');
    options(panel)[0]!.click();
    await panel.updateComplete;
    proposal(panel, 'Billing night desk instead')!.click();
    await panel.updateComplete;
    expect(control(panel, 'Receiver team').value).to.equal('Billing night desk');
    expect(control(panel, 'Receiver name').value).to.equal('');
    expect(control(panel, 'Fallback contact number').value).to.equal('+44 20 7946 0199');
    expect(notice(panel)).to.equal('');
  });

  it('shows both clocks when the receiver is in another zone than the agent', async () => {
    const here = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const away = here === 'Pacific/Kiritimati' ? 'Pacific/Pago_Pago' : 'Pacific/Kiritimati';
    const panel = await mount({ directory: [dana({ hours: openTomorrow(away) })] });
    await search(panel, 'dana');
    options(panel)[0]!.click();
    await panel.updateComplete;
    expect(notice(panel)).to.match(/closed until \w+ 0?9:00( AM)? their time \(.+ yours\)\./);
  });

  it('asks the host’s presence hook: away in hours makes them unavailable; a hook that throws is ignored', async () => {
    let answer: () => unknown = () => 'away';
    const asked: string[] = [];
    const panel = await mount({
      directory: [dana()],
      availability: (entry) => {
        asked.push(entry.team);
        return answer() as 'away';
      },
    });
    await search(panel, 'dana');
    options(panel)[0]!.click();
    await panel.updateComplete;
    await new Promise((r) => setTimeout(r));
    await panel.updateComplete;
    expect(asked).to.include('Billing supervisors');
    expect(notice(panel)).to.equal(
      'Dana Whitfield cannot take a transfer now (Away). Before you transfer, tell the customer and offer: Voicemail Back in the queue',
    );
    fillValid(panel);
    typeInto(panel, 'Receiver team', 'Billing supervisors');
    await panel.updateComplete;
    const queued = nextEvent<CustomEvent<{ payload: HandoffV1 }>>(panel, 'handoff-queued');
    root(panel).querySelector<HTMLButtonElement>('[part="send-button"]')!.click();
    expect((await queued).detail.payload.to.availability).to.include({ status: 'unavailable', presence: 'away' });

    answer = () => {
      throw new Error('presence service down');
    };
    const other = await mount({ directory: [dana()], availability: () => answer() as 'away' });
    await search(other, 'dana');
    options(other)[0]!.click();
    await other.updateComplete;
    await new Promise((r) => setTimeout(r));
    expect(notice(other)).to.equal('');
  });

  it('reports broken entries with what to fix, and uses the rest', async () => {
    const broken = { team: 'Privacy', fallback: { phone: 'ask reception' } } as DirectoryEntry;
    const panel = await mount({ directory: [dana(), broken] });
    const alert = root(panel).querySelector('.config-error[role="alert"]')!.textContent!;
    expect(alert).to.contain('directory[1].fallback.phone: expected a phone number in international form');
    await search(panel, '');
    expect(options(panel)).to.have.length(1);
  });

  it('loads a directory from a URL (once per page); an HTML answer is reported, not used', async () => {
    const url = `data:application/json,${encodeURIComponent(JSON.stringify({ entries: [dana(), ines] }))}`;
    const panel = await mount({ directory: url });
    await waitFor(() => combobox(panel) !== null, panel);
    await search(panel, 'ines');
    expect(options(panel)).to.have.length(1);
    const html = await mount({ directory: 'data:text/html,<h1>Sign in</h1>' });
    await waitFor(() => root(html).querySelector('.config-error') !== null, html);
    expect(root(html).querySelector('.config-error')!.textContent).to.contain('not JSON');
  });

  it('the keyboard path: Tab to the combobox, type, arrow, Enter; axe clean with the list open', async function () {
    if (!realKeyboard) this.skip();
    const panel = await mount({ directory: [dana(), nightDesk, ines] });
    control(panel, 'Managing-up script').focus();
    await sendKeys({ down: 'Shift' });
    for (let i = 0; i < 4 && root(panel).activeElement !== combobox(panel); i++) await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    expect(root(panel).activeElement).to.equal(combobox(panel));
    await sendKeys({ type: 'bill' });
    await panel.updateComplete;
    expect(options(panel)).to.have.length(2);
    await expectAccessible(panel);
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    await panel.updateComplete;
    expect(control(panel, 'Receiver team').value).to.equal('Billing night desk');
    expect(root(panel).activeElement).to.equal(combobox(panel));
  });
});

/** Waits for the panel to show something that arrives asynchronously (a file, a fetch), 20 s at most. */
