import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { HandoffLauncher } from '../../src/ui/handoff-launcher/handoff-launcher.js';
import '../../src/ui/handoff-launcher/handoff-launcher.js';
import { cleanup } from '../outbox/helpers.js';
import { MANY_KEYS_TIMEOUT, control, expectAccessible, labelOf, realKeyboard, root, typeInto } from './helpers.js';

describe('<handoff-launcher>', () => {
  let container: HTMLElement;

  interface MountOptions {
    style?: string;
    modal?: boolean;
    placement?: string;
  }

  async function mount({ style = '', modal = false, placement }: MountOptions = {}): Promise<HandoffLauncher> {
    container = document.createElement('div');
    container.setAttribute('style', style);
    container.innerHTML = '<p>Case C-1</p>';
    const launcher = document.createElement('handoff-launcher');
    launcher.modal = modal;
    if (placement) launcher.setAttribute('placement', placement);
    const panel = document.createElement('handoff-panel');
    panel.setAttribute('case-id', `C-${crypto.randomUUID().slice(0, 6)}`);
    panel.config = {
      drafts: { name: `test-drafts-${crypto.randomUUID()}`, debounceMs: 0 },
      outbox: { endpoint: '/r/launcher/handoffs', name: `test-outbox-${crypto.randomUUID()}` },
    };
    launcher.append(panel);
    container.append(launcher);
    container.insertAdjacentHTML('beforeend', '<input id="after-launcher" aria-label="After the launcher">');
    document.body.append(container);
    await launcher.updateComplete;
    return launcher;
  }

  const popover = (l: HandoffLauncher) => l.shadowRoot!.querySelector<HTMLElement>('[part="popover"]')!;
  const button = (l: HandoffLauncher) => l.shadowRoot!.querySelector<HTMLButtonElement>('#launch')!;
  const guard = (l: HandoffLauncher) => l.shadowRoot!.querySelector('[part="guard"]');
  const isShown = (l: HandoffLauncher) => popover(l).matches(':popover-open, dialog[open]');
  async function opened(l: HandoffLauncher) {
    button(l).click();
    await l.updateComplete;
    await l.positioned;
    await l.updateComplete;
    // The opening animation moves the box by a few pixels; measure where it comes to rest.
    for (const animation of popover(l).getAnimations()) animation.finish();
  }
  async function pressEscape(l: HandoffLauncher) {
    if (realKeyboard) await sendKeys({ press: 'Escape' });
    else popover(l).dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    await l.updateComplete;
  }
  const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  function expectBeside(l: HandoffLauncher, tolerance = 3) {
    const box = popover(l).getBoundingClientRect();
    const anchor = button(l).getBoundingClientRect();
    const below = Math.abs(box.top - (anchor.bottom + 8)) < tolerance;
    const above = Math.abs(box.bottom - (anchor.top - 8)) < tolerance;
    expect(below || above, `popover ${JSON.stringify(box)} not beside button ${JSON.stringify(anchor)}`).to.equal(true);
    return { box, anchor, below, above };
  }

  /** A popover narrower than the test viewport, so that alignment (not shifting) decides where it goes. */
  function narrowPopover() {
    const style = document.createElement('style');
    style.textContent = 'handoff-launcher::part(popover) { inline-size: 320px }';
    container.append(style);
  }

  afterEach(async () => {
    container.remove();
    document.documentElement.removeAttribute('dir');
    await cleanup();
  });

  it('opens the panel beside the button in the top layer, not modal: the page stays usable', async () => {
    const launcher = await mount();
    expect(button(launcher).textContent!.trim()).to.equal('Hand off');
    await opened(launcher);
    expect(popover(launcher).matches(':popover-open')).to.equal(true);
    expect(popover(launcher).matches(':modal')).to.equal(false);
    expect(popover(launcher).getAttribute('role')).to.equal('dialog');
    expect(button(launcher).getAttribute('aria-expanded')).to.equal('true');
    expect(labelOf(root(launcher.panel).activeElement)).to.equal('Reason');
    const { box, anchor } = expectBeside(launcher);
    expect(box.top).to.be.closeTo(anchor.bottom + 8, 2);
    // The page is not inert: what is outside the popover can be clicked and focused.
    const outside = container.querySelector<HTMLInputElement>('#after-launcher')!;
    outside.focus();
    expect(document.activeElement).to.equal(outside);
    expect(isShown(launcher), 'focus on the page leaves the popover open').to.equal(true);
    await expectAccessible(launcher);
  });

  it('Esc closes it when nothing was typed, and focus returns to the button', async () => {
    const launcher = await mount();
    await opened(launcher);
    await pressEscape(launcher);
    expect(isShown(launcher)).to.equal(false);
    expect(launcher.open).to.equal(false);
    expect(launcher.shadowRoot!.activeElement === button(launcher), 'focus back on the button').to.equal(true);
  });

  it('closing while the agent types in the page does not take their focus away', async () => {
    const launcher = await mount();
    await opened(launcher);
    const outside = container.querySelector<HTMLInputElement>('#after-launcher')!;
    outside.focus();
    launcher.hide();
    await launcher.updateComplete;
    expect(isShown(launcher)).to.equal(false);
    expect(document.activeElement).to.equal(outside);
  });

  it('asks before closing over an unsent draft; "Keep editing" goes back, "Close" closes and keeps the draft', async () => {
    const launcher = await mount();
    await opened(launcher);
    typeInto(launcher.panel, 'Summary', 'Half-written recap');
    await pressEscape(launcher);
    expect(isShown(launcher)).to.equal(true);
    expect(guard(launcher)!.textContent).to.contain(
      'This handoff is not sent yet. It stays saved as a draft; close anyway?',
    );
    expect(launcher.shadowRoot!.activeElement?.textContent).to.equal('Keep editing');
    await expectAccessible(launcher);

    launcher.shadowRoot!.querySelector<HTMLButtonElement>('#keep')!.click();
    await launcher.updateComplete;
    expect(guard(launcher)).to.equal(null);
    expect(launcher.contains(document.activeElement)).to.equal(true);

    // The popover's own close button asks too.
    launcher.shadowRoot!.querySelector<HTMLButtonElement>('[part="close"]')!.click();
    await launcher.updateComplete;
    expect(guard(launcher)).not.to.equal(null);
    [...launcher.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent === 'Close')!.click();
    await launcher.updateComplete;
    expect(isShown(launcher)).to.equal(false);
    await opened(launcher);
    expect(control(launcher.panel, 'Summary').value).to.equal('Half-written recap');
  });

  it('a click outside does not close the popover (the agent is reading the case)', async () => {
    const launcher = await mount();
    await opened(launcher);
    container.querySelector('p')!.click();
    document.body.click();
    await launcher.updateComplete;
    expect(isShown(launcher)).to.equal(true);
  });

  it('Tab leaves the popover in page order: on to what follows the launcher, Shift+Tab back to its button', async function () {
    if (!realKeyboard) this.skip();
    this.timeout(MANY_KEYS_TIMEOUT);
    const launcher = await mount();
    await opened(launcher);
    let left: Element | null = null;
    for (let i = 0; i < 90 && !left; i++) {
      await sendKeys({ press: 'Tab' });
      const active = document.activeElement;
      if (active !== launcher && !launcher.contains(active)) left = active;
    }
    expect(left?.id, 'after the panel, Tab reaches the next control on the page').to.equal('after-launcher');
    expect(isShown(launcher), 'leaving by Tab does not close it').to.equal(true);

    // Puppeteer's Firefox session drops when a modifier is held (sendKeys down/up): Shift+Tab is checked
    // in Chromium.
    if (/Firefox/.test(navigator.userAgent)) return;
    launcher.panel.focus();
    await sendKeys({ down: 'Shift' });
    try {
      await sendKeys({ press: 'Tab' });
      expect(launcher.shadowRoot!.activeElement?.getAttribute('part')).to.equal('close');
      await sendKeys({ press: 'Tab' });
      expect(launcher.shadowRoot!.activeElement).to.equal(button(launcher));
    } finally {
      await sendKeys({ up: 'Shift' });
    }
  });

  it('stays in the viewport, beside its button, inside a scrolling and transformed parent', async () => {
    const launcher = await mount({
      style:
        'transform: translate(40px, 30px) scale(0.98); overflow: auto; height: 160px; width: 300px; margin-left: 200px',
    });
    container.insertAdjacentHTML('afterbegin', '<div style="height: 100px"></div>');
    container.scrollTop = 60;
    await opened(launcher);
    const { box, anchor } = expectBeside(launcher);
    expect(box.left).to.be.at.least(0);
    expect(box.right).to.be.at.most(window.innerWidth + 1);
    expect(box.top).to.be.at.least(0);
    expect(box.bottom).to.be.at.most(window.innerHeight + 1);
    expect(box.right > anchor.left && box.left < anchor.right).to.equal(true);
  });

  it('follows its button when a scrolling parent scrolls, and flips above it near the bottom of the viewport', async () => {
    const launcher = await mount({ style: 'overflow: auto; height: 200px' });
    container.insertAdjacentHTML('beforeend', '<div style="height: 2000px"></div>');
    container.insertAdjacentHTML('afterbegin', `<div style="height: ${window.innerHeight}px"></div>`);
    container.scrollTop = window.innerHeight - 40;
    await opened(launcher);
    expect(popover(launcher).getBoundingClientRect().top).to.be.closeTo(
      button(launcher).getBoundingClientRect().bottom + 8,
      2,
    );

    container.scrollTop -= 60; // the button moves down, 60 px nearer the bottom
    await nextFrame();
    const { anchor, above } = expectBeside(launcher, 2);
    if (anchor.top > window.innerHeight - anchor.bottom) expect(above, 'more room above: flipped').to.equal(true);
    launcher.hide(true);
  });

  it('follows its button inside a shadow root that scrolls', async () => {
    container = document.createElement('div');
    const host = document.createElement('div');
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML =
      '<div id="scroller" style="overflow: auto; height: 300px"><div style="height: 120px"></div></div>';
    const scroller = shadow.querySelector<HTMLElement>('#scroller')!;
    const launcher = document.createElement('handoff-launcher');
    launcher.config = { outbox: { endpoint: '/r/launcher/handoffs', name: `test-outbox-${crypto.randomUUID()}` } };
    scroller.append(launcher);
    scroller.insertAdjacentHTML('beforeend', '<div style="height: 2000px"></div>');
    container.append(host);
    document.body.append(container);
    await launcher.updateComplete;
    await opened(launcher);
    const before = expectBeside(launcher).box.top;
    scroller.scrollTop = 50;
    await nextFrame();
    expect(expectBeside(launcher).box.top).to.be.closeTo(before - 50, 2);
    launcher.hide(true);
  });

  it('aligns its end edge with the button in right-to-left pages too (bottom-end is on the left there)', async () => {
    const ltr = await mount({ style: 'display: flex; justify-content: flex-end; padding-top: 40px' });
    narrowPopover();
    await opened(ltr);
    expect(popover(ltr).getBoundingClientRect().right).to.be.closeTo(button(ltr).getBoundingClientRect().right, 2);
    ltr.hide(true);
    container.remove();

    document.documentElement.setAttribute('dir', 'rtl');
    const rtl = await mount({ style: 'display: flex; justify-content: flex-end; padding-top: 40px' });
    narrowPopover();
    await opened(rtl);
    expect(popover(rtl).getBoundingClientRect().left).to.be.closeTo(button(rtl).getBoundingClientRect().left, 2);
    rtl.hide(true);
  });

  it('places it left or right of the button when asked, and shifts it into the viewport near an edge', async () => {
    const launcher = await mount({ placement: 'right-start', style: 'padding: 40px 0 0 8px' });
    narrowPopover();
    await opened(launcher);
    const box = popover(launcher).getBoundingClientRect();
    const anchor = button(launcher).getBoundingClientRect();
    expect(box.left).to.be.closeTo(anchor.right + 8, 2);
    // Taller than the room below the button's top: shifted up, never off the screen.
    expect(box.top).to.be.within(7, anchor.top + 1);
    expect(box.bottom).to.be.at.most(innerHeight - 7);
    launcher.hide(true);
    container.remove();

    // bottom-start near the right edge: shifted left to stay 8 px inside the viewport.
    const edge = await mount({ placement: 'bottom-start', style: 'display: flex; justify-content: flex-end' });
    await opened(edge);
    expect(popover(edge).getBoundingClientRect().right).to.be.at.most(document.documentElement.clientWidth - 7);
    edge.hide(true);
  });

  it('rejects an unknown placement with what to write instead, and uses bottom-end', async () => {
    const logged: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => logged.push(...args);
    let launcher: HandoffLauncher;
    try {
      launcher = await mount({ placement: 'below' });
    } finally {
      console.error = original;
    }
    expect(logged.map(String).join(' ')).to.contain('placement="below" is not one of top, bottom, left, right');
    await opened(launcher);
    expect(popover(launcher).getBoundingClientRect().top).to.be.closeTo(
      button(launcher).getBoundingClientRect().bottom + 8,
      2,
    );
  });

  it('stays open when reopened at once after closing (the late "toggle" event is ignored)', async () => {
    const launcher = await mount();
    for (let i = 0; i < 3; i++) {
      launcher.show();
      await launcher.updateComplete;
      launcher.hide(true);
      await launcher.updateComplete;
    }
    launcher.show();
    await launcher.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 50)); // let any stale "toggle" events arrive
    await launcher.updateComplete;
    expect(launcher.open).to.equal(true);
    expect(isShown(launcher)).to.equal(true);
  });

  it('creates its own panel when none is slotted, passing on its endpoint', async () => {
    container = document.createElement('div');
    const launcher = document.createElement('handoff-launcher');
    launcher.endpoint = '/r/own/handoffs';
    container.append(launcher);
    document.body.append(container);
    await launcher.updateComplete;
    await opened(launcher);
    expect(launcher.panel.endpoint).to.equal('/r/own/handoffs');
    expect(launcher.querySelectorAll('handoff-panel')).to.have.length(1);
    launcher.hide(true);
  });

  it('a panel slotted after the launcher made its own (a framework rendering late) replaces it', async () => {
    container = document.createElement('div');
    const launcher = document.createElement('handoff-launcher');
    launcher.endpoint = '/r/own/handoffs';
    container.append(launcher);
    document.body.append(container);
    await launcher.updateComplete;
    const made = launcher.panel; // what the idle prerender does
    const slotted = document.createElement('handoff-panel');
    slotted.setAttribute('case-id', 'C-LATE');
    launcher.append(slotted);
    await new Promise((resolve) => setTimeout(resolve)); // slotchange is dispatched as a task
    expect(made.isConnected, 'the made panel is gone').to.equal(false);
    expect(launcher.panel).to.equal(slotted);
    await opened(launcher);
    expect(launcher.querySelectorAll('handoff-panel')).to.have.length(1);
    expect(control(launcher.panel, 'Case id').value).to.equal('C-LATE');
    launcher.hide(true);
  });

  describe('with modal', () => {
    it('opens a modal dialog: the page is inert, Tab stays inside, a click outside closes it', async function () {
      const launcher = await mount({ modal: true });
      await opened(launcher);
      const dialog = popover(launcher) as HTMLDialogElement;
      expect(dialog.tagName).to.equal('DIALOG');
      expect(dialog.matches(':modal')).to.equal(true);
      expect(labelOf(root(launcher.panel).activeElement)).to.equal('Reason');
      expectBeside(launcher);
      await expectAccessible(launcher);

      if (realKeyboard) {
        this.timeout(MANY_KEYS_TIMEOUT);
        for (let i = 0; i < 70; i++) {
          await sendKeys({ press: 'Tab' });
          const active = document.activeElement;
          expect(active === launcher || launcher.contains(active), `Tab ${i + 1} left the dialog`).to.equal(true);
        }
      }

      const box = dialog.getBoundingClientRect();
      dialog.dispatchEvent(new MouseEvent('click', { bubbles: true, clientX: box.left + 10, clientY: box.top + 10 }));
      await launcher.updateComplete;
      expect(dialog.open).to.equal(true);
      dialog.dispatchEvent(
        new MouseEvent('click', {
          bubbles: true,
          clientX: Math.max(0, box.left - 5),
          clientY: Math.max(0, box.top - 5),
        }),
      );
      await launcher.updateComplete;
      expect(dialog.open).to.equal(false);
      expect(launcher.shadowRoot!.activeElement === button(launcher), 'focus back on the button').to.equal(true);
    });

    it('Esc and the unsent-draft question work as without it', async () => {
      const launcher = await mount({ modal: true });
      await opened(launcher);
      typeInto(launcher.panel, 'Summary', 'Half-written recap');
      await pressEscape(launcher);
      expect(guard(launcher)).not.to.equal(null);
      await pressEscape(launcher); // Esc on the question keeps editing
      expect(guard(launcher)).to.equal(null);
      launcher.hide(true);
      await launcher.updateComplete;
      expect((popover(launcher) as HTMLDialogElement).open).to.equal(false);
    });
  });
});
