// The panel's keyboard shortcuts: Ctrl/⌘+Enter sends, Alt+Shift+A adds an action, Alt+Shift+N goes to the
// next problem; none of them reaches the CRM page's own key handlers.
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { HandoffV1 } from '../../src/payload/index.js';
import { shortcutFor } from '../../src/ui/handoff-panel/shortcuts.controller.js';
import { control, expectAccessible, fillValid, nextEvent, realKeyboard, root, usePanels } from './helpers.js';

const HOST = { 'case-id': 'C-10442', 'agent-id': 'agent-17', 'agent-name': 'Sam Lee', 'customer-name': 'Amara Okafor' };

function press(target: Element, init: KeyboardEventInit): KeyboardEvent {
  const event = new KeyboardEvent('keydown', { bubbles: true, composed: true, cancelable: true, ...init });
  target.dispatchEvent(event);
  return event;
}
const altShift = (code: string) => ({ key: code.slice(3), code, altKey: true, shiftKey: true });

describe('<handoff-panel>: keyboard shortcuts', () => {
  const pageKeys: KeyboardEvent[] = [];
  const onPageKey = (e: Event) => pageKeys.push(e as KeyboardEvent);
  const mountOne = usePanels(HOST);
  const mount = () => mountOne();

  beforeEach(() => {
    pageKeys.length = 0;
    document.addEventListener('keydown', onPageKey);
  });
  afterEach(() => document.removeEventListener('keydown', onPageKey));

  it('Ctrl+Enter (or ⌘+Enter) sends from any field, and the CRM page never hears it', async () => {
    const panel = await mount();
    fillValid(panel);
    const queued = nextEvent<CustomEvent<{ payload: HandoffV1 }>>(panel, 'handoff-queued');
    const event = press(control(panel, 'Summary'), { key: 'Enter', ctrlKey: true });
    expect((await queued).detail.payload.recap.summary).to.equal('Charged twice for November.');
    expect(event.defaultPrevented).to.equal(true);
    expect(pageKeys).to.deep.equal([]);
    fillValid(panel);
    const again = nextEvent(panel, 'handoff-queued');
    press(control(panel, 'Receiver team'), { key: 'Enter', metaKey: true });
    await again;
  });

  it('Alt+Shift+A adds an action and puts the focus in its text; Alt+A alone does nothing', async () => {
    const panel = await mount();
    press(control(panel, 'Summary'), { key: 'a', code: 'KeyA', altKey: true });
    await panel.updateComplete;
    // The first action's row is shown before there is an action.
    expect(panel.value.actions).to.have.length(0);
    press(control(panel, 'Summary'), altShift('KeyA'));
    await panel.updateComplete;
    expect(panel.value.actions).to.have.length(1);
    expect(root(panel).activeElement?.id).to.equal('f-actions-0-text');
    // A held key repeats: one new action, not one per repeat.
    press(control(panel, 'Summary'), { ...altShift('KeyA'), repeat: true });
    press(control(panel, 'Summary'), { ...altShift('KeyA'), isComposing: true });
    await panel.updateComplete;
    expect(panel.value.actions).to.have.length(1);
    expect(root(panel).querySelector('[data-path="actions.1.text"]') === null).to.equal(true);
  });

  it('on a Mac, Ctrl+Shift with the letter, as Option+Shift types characters there (Å, Ń)', () => {
    const mac = (init: KeyboardEventInit) => shortcutFor(new KeyboardEvent('keydown', init), true);
    expect(mac({ key: 'Å', code: 'KeyA', altKey: true, shiftKey: true })).to.equal(undefined);
    expect(mac({ key: 'A', code: 'KeyA', ctrlKey: true, shiftKey: true })).to.equal('add-action');
    expect(mac({ key: 'N', code: 'KeyN', ctrlKey: true, shiftKey: true })).to.equal('next-problem');
    expect(mac({ key: 'Enter', metaKey: true })).to.equal('send');
    // Windows' AltGr is Ctrl+Alt: AltGr+Shift+A types, never a shortcut.
    const pc = (init: KeyboardEventInit) => shortcutFor(new KeyboardEvent('keydown', init), false);
    expect(pc({ key: 'Ą', code: 'KeyA', ctrlKey: true, altKey: true, shiftKey: true })).to.equal(undefined);
    expect(pc({ key: 'A', code: 'KeyA', altKey: true, shiftKey: true })).to.equal('add-action');
  });

  it('Alt+Shift+N goes through the fields with errors in form order, wrapping round', async () => {
    const panel = await mount();
    const invalid = nextEvent(panel, 'handoff-invalid');
    press(control(panel, 'Summary'), { key: 'Enter', ctrlKey: true });
    await invalid;
    await panel.updateComplete;
    const errors = [...root(panel).querySelectorAll<HTMLElement>('[aria-invalid="true"]')].map((el) => el.id);
    expect(errors.length).to.be.above(2);
    const visited: string[] = [];
    for (let i = 0; i < errors.length + 1; i++) {
      press(root(panel).activeElement ?? panel, altShift('KeyN'));
      visited.push(root(panel).activeElement!.id);
    }
    // The send put the focus on the first error: the next is the second, and round to the first.
    expect(visited).to.deep.equal([...errors.slice(1), errors[0], errors[1]]);
  });

  it('without errors, Alt+Shift+N goes to what the quality checklist asks for', async () => {
    const panel = await mount();
    fillValid(panel);
    await panel.updateComplete;
    control(panel, 'Reason').focus();
    press(control(panel, 'Reason'), altShift('KeyN'));
    const pointed = [...root(panel).querySelectorAll<HTMLAnchorElement>('[part="quality"] a')].map((a) =>
      a.hash.slice(1),
    );
    expect(pointed.length).to.be.above(0);
    expect(pointed).to.include(root(panel).activeElement!.id);
  });

  it('shows the keys under "Send handoff", accessibly', async () => {
    const panel = await mount();
    const hint = root(panel).querySelector('[part="shortcuts"]')!;
    expect(hint.textContent!.replace(/\s+/g, ' ')).to.match(
      /(Ctrl|⌘)\+Enter sends · (Alt|⌃)\+Shift\+A adds an action · (Alt|⌃)\+Shift\+N goes to the next problem/,
    );
    await expectAccessible(panel);
  });

  it('with a real keyboard: Control+Enter sends', async function () {
    if (!realKeyboard || /Mac/.test(navigator.platform)) this.skip();
    const panel = await mount();
    fillValid(panel);
    control(panel, 'Summary').focus();
    const queued = nextEvent(panel, 'handoff-queued');
    await sendKeys({ down: 'Control' });
    await sendKeys({ press: 'Enter' });
    await sendKeys({ up: 'Control' });
    await queued;
  });
});
