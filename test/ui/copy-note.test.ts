// "Copy as note" on <handoff-receipt>: the handoff and its acknowledgements as an internal note on the
// clipboard, fitted to the helpdesk's limit; shown to copy by hand where the browser refuses.
import { expect } from '@open-wc/testing';
import '../../src/ui/handoff-receipt/handoff-receipt.js';
import type { HandoffReceipt, ReceivedHandoff } from '../../src/ui/handoff-receipt/handoff-receipt.js';
import { es } from '../../src/locales/es.js';
import { registerLocale } from '../../src/ui/messages/catalogue.js';
import { FULL_PAYLOAD, VALID_ACKS, clone } from '../fixtures/handoffs.js';
import { expectAccessible, nextEvent, root } from './helpers.js';

const bytes = (text: string) => new TextEncoder().encode(text).length;

describe('<handoff-receipt>: Copy as note', () => {
  let mounted: HandoffReceipt | undefined;
  let clipboard: string[] = [];

  /** The clipboard as the browser would answer: accepting the text, or refusing (no permission). */
  function stubClipboard(accept: boolean): void {
    clipboard = [];
    Object.defineProperty(navigator.clipboard, 'writeText', {
      configurable: true,
      value: (text: string) =>
        accept
          ? (clipboard.push(text), Promise.resolve())
          : Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError')),
    });
  }

  async function mount(change: (h: ReceivedHandoff) => void = () => undefined, config = {}): Promise<HandoffReceipt> {
    const id = crypto.randomUUID();
    const h: ReceivedHandoff = { ...clone(FULL_PAYLOAD), id, acks: [{ ...clone(VALID_ACKS[0]!), handoffId: id }] };
    change(h);
    const el = document.createElement('handoff-receipt');
    el.setAttribute('agent-id', 'sup-3');
    el.setAttribute('agent-name', 'Dana Whitfield');
    el.config = config;
    el.handoff = h;
    document.body.append(el);
    mounted = el;
    await el.updateComplete;
    return el;
  }

  const button = (el: HandoffReceipt) => root(el).querySelector<HTMLButtonElement>('[part="copy-note-button"]')!;
  const noteStatus = (el: HandoffReceipt) => root(el).querySelector('.note [role="status"]')!.textContent!.trim();

  afterEach(() => {
    mounted?.remove();
    mounted = undefined;
    delete (navigator.clipboard as { writeText?: unknown }).writeText;
    document.documentElement.lang = 'en';
  });

  it('puts the handoff and its acknowledgement on the clipboard and says how long it is', async () => {
    stubClipboard(true);
    const el = await mount();
    const copied = nextEvent<CustomEvent<{ handoffId: string; text: string }>>(el, 'handoff-note-copied');
    button(el).click();
    const { detail } = await copied;
    expect(detail.handoffId).to.equal(el.handoff!.id);
    expect(clipboard).to.deep.equal([detail.text]);
    expect(detail.text).to.contain(`Handoff id: ${el.handoff!.id}`);
    expect(detail.text).to.contain(`Read back: ${VALID_ACKS[0]!.readBack}`);
    await el.updateComplete;
    expect(noteStatus(el)).to.equal(
      `Copied as an internal note (${bytes(detail.text)} bytes): paste it into the ticket.`,
    );
  });

  it('fits the configured limit (Salesforce: 4000 bytes) without cutting a number', async () => {
    stubClipboard(true);
    const el = await mount((h) => (h.recap.summary = 'Charged £1,250.00 on 2026-11-03 twice. '.repeat(100).trim()), {
      note: { limit: 4000 },
    });
    const copied = nextEvent<CustomEvent<{ text: string }>>(el, 'handoff-note-copied');
    button(el).click();
    const { text } = (await copied).detail;
    expect(bytes(text)).to.be.at.most(4000);
    expect(text).to.contain('Shortened to fit');
    expect(text).not.to.match(/£1,2…|£1,25…|£1,250\.…|2026-1…/);
  });

  it('where the browser refuses the clipboard, shows the note selected-ready to copy by hand', async () => {
    stubClipboard(false);
    const el = await mount();
    button(el).click();
    await until(el, () => root(el).querySelector('textarea[part="note"]') !== null);
    const area = root(el).querySelector<HTMLTextAreaElement>('textarea[part="note"]')!;
    expect(area.readOnly).to.equal(true);
    expect(area.value).to.contain(`Handoff id: ${el.handoff!.id}`);
    expect(noteStatus(el)).to.equal('The browser did not allow copying: select the note below and copy it.');
    await until(el, () => el.shadowRoot!.activeElement === area);
    expect([area.selectionStart, area.selectionEnd]).to.deep.equal([0, area.value.length]);
    await expectAccessible(el);
  });

  it('a limit too small to hold what must stay whole is said, not copied', async () => {
    stubClipboard(true);
    const el = await mount(undefined, { note: { limit: 300 } });
    button(el).click();
    await until(el, () => noteStatus(el) !== '');
    expect(noteStatus(el)).to.match(/^Could not make the note: toNote: .*limit of 300 bytes is too small/);
    expect(clipboard).to.deep.equal([]);
  });

  it('another handoff forgets the last copy', async () => {
    stubClipboard(false);
    const el = await mount();
    button(el).click();
    await until(el, () => root(el).querySelector('textarea[part="note"]') !== null);
    el.handoff = { ...clone(FULL_PAYLOAD), id: crypto.randomUUID() };
    await el.updateComplete;
    expect(root(el).querySelector('textarea[part="note"]')).to.equal(null);
    expect(noteStatus(el)).to.equal('');
  });

  it('a clipboard answer that comes after the handoff changed is not shown for the new one', async () => {
    let answer!: () => void;
    Object.defineProperty(navigator.clipboard, 'writeText', {
      configurable: true,
      value: () => new Promise<void>((resolve) => (answer = resolve)),
    });
    const el = await mount();
    let copied = 0;
    el.addEventListener('handoff-note-copied', () => copied++);
    button(el).click();
    await until(el, () => answer !== undefined);
    el.handoff = { ...clone(FULL_PAYLOAD), id: crypto.randomUUID() };
    await el.updateComplete;
    answer();
    await new Promise((r) => setTimeout(r, 0));
    await el.updateComplete;
    expect(noteStatus(el)).to.equal('');
    expect(copied).to.equal(0);
  });

  it('a locale catalogue written before "Copy as note" existed still renders, in English there', async () => {
    const older: Partial<NonNullable<typeof es.receipt>> = { ...es.receipt! };
    delete older.note;
    registerLocale({ ...es, locale: 'es-MX', receipt: older as typeof es.receipt });
    document.documentElement.lang = 'es-MX';
    const el = await mount();
    expect(button(el).textContent!.trim()).to.equal('Copy as note');
    expect(root(el).textContent).to.contain(es.receipt!.sections.acks);
  });

  it('speaks Spanish with lang="es"', async () => {
    registerLocale(es);
    document.documentElement.lang = 'es';
    stubClipboard(false);
    const el = await mount();
    expect(button(el).textContent!.trim()).to.equal('Copiar como nota');
    button(el).click();
    await until(el, () => noteStatus(el) !== '');
    expect(noteStatus(el)).to.match(/^El navegador no permitió copiar/);
  });
});

/** Waits for the element's next renders until `check` holds (each click settles in a few microtasks). */
async function until(el: HandoffReceipt, check: () => boolean): Promise<void> {
  while (!check()) {
    await new Promise((r) => setTimeout(r, 0));
    await el.updateComplete;
  }
}
