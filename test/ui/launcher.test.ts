import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { HandoffLauncher } from '../../src/ui/handoff-launcher/handoff-launcher.js';
import '../../src/ui/handoff-launcher/handoff-launcher.js';
import { cleanup } from '../outbox/helpers.js';
import { MANY_KEYS_TIMEOUT, control, expectAccessible, labelOf, realKeyboard, root, typeInto } from './helpers.js';

describe('<handoff-launcher>', () => {
  let container: HTMLElement;

  async function mount(wrapperStyle = ''): Promise<HandoffLauncher> {
    container = document.createElement('div');
    container.setAttribute('style', wrapperStyle);
    container.innerHTML = '<p>Case C-1</p>';
    const launcher = document.createElement('handoff-launcher');
    const panel = document.createElement('handoff-panel');
    panel.setAttribute('case-id', `C-${crypto.randomUUID().slice(0, 6)}`);
    panel.config = {
      drafts: { name: `test-drafts-${crypto.randomUUID()}`, debounceMs: 0 },
      outbox: { endpoint: '/r/launcher/handoffs', name: `test-outbox-${crypto.randomUUID()}` },
    };
    launcher.append(panel);
    container.append(launcher);
    document.body.append(container);
    await launcher.updateComplete;
    return launcher;
  }

  const dialog = (l: HandoffLauncher) => l.shadowRoot!.querySelector('dialog')!;
  const button = (l: HandoffLauncher) => l.shadowRoot!.querySelector<HTMLButtonElement>('#launch')!;
  const guard = (l: HandoffLauncher) => l.shadowRoot!.querySelector('[part="guard"]');
  async function opened(l: HandoffLauncher) {
    button(l).click();
    await l.updateComplete;
    await l.panel.updateComplete;
    await l.positioned;
    // The opening animation moves the box by a few pixels; measure where it comes to rest.
    for (const animation of l.shadowRoot!.querySelector('dialog')!.getAnimations()) animation.finish();
  }
  async function pressEscape(l: HandoffLauncher) {
    if (realKeyboard) await sendKeys({ press: 'Escape' });
    else dialog(l).dispatchEvent(new Event('cancel', { cancelable: true }));
    await l.updateComplete;
  }

  afterEach(async () => {
    container.remove();
    await cleanup();
  });

  it('opens the panel in a modal dialog beside the button, and moves focus into it', async () => {
    const launcher = await mount();
    expect(button(launcher).textContent!.trim()).to.equal('Hand off');
    await opened(launcher);
    expect(dialog(launcher).open).to.equal(true);
    expect(dialog(launcher).matches(':modal')).to.equal(true);
    expect(button(launcher).getAttribute('aria-expanded')).to.equal('true');
    expect(labelOf(root(launcher.panel).activeElement)).to.equal('Reason');
    const box = dialog(launcher).getBoundingClientRect();
    const anchor = button(launcher).getBoundingClientRect();
    expect(box.top).to.be.closeTo(anchor.bottom + 8, 2);
    await expectAccessible(launcher);
  });

  it('Esc closes it when nothing was typed, and focus returns to the button', async () => {
    const launcher = await mount();
    await opened(launcher);
    await pressEscape(launcher);
    expect(dialog(launcher).open).to.equal(false);
    expect(launcher.open).to.equal(false);
    expect(launcher.shadowRoot!.activeElement === button(launcher), 'focus back on the button').to.equal(true);
  });

  it('asks before closing over an unsent draft; "Keep editing" goes back, "Close" closes and keeps the draft', async () => {
    const launcher = await mount();
    await opened(launcher);
    typeInto(launcher.panel, 'Summary', 'Half-written recap');
    await pressEscape(launcher);
    expect(dialog(launcher).open).to.equal(true);
    expect(guard(launcher)!.textContent).to.contain(
      'This handoff is not sent yet. It stays saved as a draft; close anyway?',
    );
    expect(launcher.shadowRoot!.activeElement?.textContent).to.equal('Keep editing');
    await expectAccessible(launcher);

    (launcher.shadowRoot!.activeElement as HTMLButtonElement).click();
    await launcher.updateComplete;
    expect(guard(launcher)).to.equal(null);
    expect(launcher.contains(document.activeElement)).to.equal(true);

    await pressEscape(launcher);
    [...launcher.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent === 'Close')!.click();
    await launcher.updateComplete;
    expect(dialog(launcher).open).to.equal(false);
    await opened(launcher);
    expect(control(launcher.panel, 'Summary').value).to.equal('Half-written recap');
  });

  it('a click outside the dialog closes it (a click inside does not)', async () => {
    const launcher = await mount();
    await opened(launcher);
    const box = dialog(launcher).getBoundingClientRect();
    dialog(launcher).dispatchEvent(
      new MouseEvent('click', { bubbles: true, clientX: box.left + 10, clientY: box.top + 10 }),
    );
    await launcher.updateComplete;
    expect(dialog(launcher).open).to.equal(true);
    dialog(launcher).dispatchEvent(
      new MouseEvent('click', { bubbles: true, clientX: Math.max(0, box.left - 5), clientY: Math.max(0, box.top - 5) }),
    );
    await launcher.updateComplete;
    expect(dialog(launcher).open).to.equal(false);
  });

  it('keeps Tab inside the open dialog', async function () {
    if (!realKeyboard) this.skip();
    this.timeout(MANY_KEYS_TIMEOUT);
    const launcher = await mount();
    await opened(launcher);
    for (let i = 0; i < 70; i++) {
      await sendKeys({ press: 'Tab' });
      const active = document.activeElement;
      expect(
        active === launcher || launcher.contains(active),
        `Tab ${i + 1} left the dialog for ${active?.tagName}`,
      ).to.equal(true);
    }
  });

  it('stays in the viewport, beside its button, inside a scrolling and transformed parent', async () => {
    const launcher = await mount(
      'transform: translate(40px, 30px) scale(0.98); overflow: auto; height: 160px; width: 300px; margin-left: 200px',
    );
    container.insertAdjacentHTML('afterbegin', '<div style="height: 100px"></div>');
    container.scrollTop = 60;
    await opened(launcher);
    const box = dialog(launcher).getBoundingClientRect();
    const anchor = button(launcher).getBoundingClientRect();
    expect(box.left).to.be.at.least(0);
    expect(box.right).to.be.at.most(window.innerWidth + 1);
    expect(box.top).to.be.at.least(0);
    expect(box.bottom).to.be.at.most(window.innerHeight + 1);
    // Anchored: below the button (or flipped above it) and overlapping it horizontally.
    const below = Math.abs(box.top - (anchor.bottom + 8)) < 3;
    const above = Math.abs(box.bottom - (anchor.top - 8)) < 3;
    expect(below || above, `dialog ${JSON.stringify(box)} not beside button ${JSON.stringify(anchor)}`).to.equal(true);
    expect(box.right > anchor.left && box.left < anchor.right).to.equal(true);
  });

  it('follows its button when a scrolling parent scrolls, and flips above it near the bottom of the viewport', async () => {
    const launcher = await mount('overflow: auto; height: 200px');
    container.insertAdjacentHTML('beforeend', '<div style="height: 2000px"></div>');
    container.insertAdjacentHTML('afterbegin', `<div style="height: ${window.innerHeight}px"></div>`);
    container.scrollTop = window.innerHeight - 40;
    await opened(launcher);
    expect(dialog(launcher).getBoundingClientRect().top).to.be.closeTo(
      button(launcher).getBoundingClientRect().bottom + 8,
      2,
    );

    container.scrollTop -= 60; // the button moves down, 60 px nearer the bottom
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    const anchor = button(launcher).getBoundingClientRect();
    const box = dialog(launcher).getBoundingClientRect();
    const below = Math.abs(box.top - (anchor.bottom + 8)) < 2;
    const above = Math.abs(box.bottom - (anchor.top - 8)) < 2;
    expect(
      below || above,
      `dialog ${JSON.stringify(box)} not beside the moved button ${JSON.stringify(anchor)}`,
    ).to.equal(true);
    if (anchor.top > window.innerHeight - anchor.bottom) expect(above, 'more room above: flipped').to.equal(true);
    launcher.hide(true);
  });

  it('stays open when reopened at once after closing (the late "close" event is ignored)', async () => {
    const launcher = await mount();
    for (let i = 0; i < 3; i++) {
      launcher.show();
      await launcher.updateComplete;
      launcher.hide(true);
      await launcher.updateComplete;
    }
    launcher.show();
    await launcher.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 50)); // let any stale "close" events arrive
    await launcher.updateComplete;
    expect(launcher.open).to.equal(true);
    expect(dialog(launcher).open).to.equal(true);
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
});
