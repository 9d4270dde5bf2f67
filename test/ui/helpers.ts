// UI test helpers: mounting panels, finding controls by their visible label, axe, keyboard.
import { sendKeys } from '@web/test-runner-commands';
import type { HandoffPanel } from '../../src/ui/handoff-panel/handoff-panel.js';
import '../../src/define.js';
import { TestReceiver, cleanup as cleanupOutboxes } from '../outbox/helpers.js';

export type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

export async function mountPanel(
  attributes: Record<string, string> = {},
  config: HandoffPanel['config'] = {},
): Promise<HandoffPanel> {
  const panel = document.createElement('handoff-panel');
  for (const [name, value] of Object.entries(attributes)) panel.setAttribute(name, value);
  panel.config = { drafts: { name: `test-drafts-${crypto.randomUUID()}`, debounceMs: 0 }, ...config };
  document.body.append(panel);
  await panel.updateComplete;
  return panel;
}

export function root(panel: HTMLElement): ShadowRoot {
  return panel.shadowRoot!;
}

/** The control whose label reads exactly `label`. */
export function control(panel: HTMLElement, label: string): Control {
  for (const el of root(panel).querySelectorAll<HTMLLabelElement>('label')) {
    if (labelText(el) === label) {
      const target = el.htmlFor ? root(panel).getElementById(el.htmlFor) : el.querySelector('input');
      if (target) return target as Control;
    }
  }
  throw new Error(`No control labelled "${label}"`);
}

const labelText = (label: HTMLLabelElement) => label.textContent!.replace(/\s+/g, ' ').trim();

export function labelOf(el: Element | null): string | undefined {
  if (!el) return undefined;
  const input = el as HTMLInputElement;
  if (input.labels?.length) return labelText(input.labels[0]!);
  if (el instanceof HTMLButtonElement) return el.textContent!.trim();
  return undefined;
}

/** Types into a control as a user would (value, then input and change events). */
export function typeInto(panel: HTMLElement, label: string, value: string): Control {
  const el = control(panel, label);
  el.value = value;
  el.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  el.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  return el;
}

export function tick(panel: HTMLElement, label: string): void {
  const el = control(panel, label) as HTMLInputElement;
  el.click();
}

/**
 * web-test-runner's WebDriver launcher (our WebKitGTK run) loses the test iframe on the second key it
 * sends ("Invalid frame ID"), so real-keyboard tests run in the puppeteer-driven Chromium and Firefox.
 */
/**
 * For tests that send dozens of real key presses, each a round trip to the browser's driver: slow on a
 * loaded machine, never stuck, so they get more than mocha's 10 s.
 */
export const MANY_KEYS_TIMEOUT = 60_000;

export const realKeyboard = !(
  navigator.webdriver &&
  /AppleWebKit/.test(navigator.userAgent) &&
  !/Chrome/.test(navigator.userAgent)
);

/** Presses Tab until the focused control in the panel has this label. */
export async function tabTo(panel: HTMLElement, label: string, max = 120): Promise<Element> {
  for (let i = 0; i < max; i++) {
    await sendKeys({ press: 'Tab' });
    const active = root(panel).activeElement;
    if (labelOf(active) === label) return active!;
  }
  throw new Error(`Tab never reached "${label}"`);
}

export function errorText(panel: HTMLElement, control: Element): string | undefined {
  const ids = (control.getAttribute('aria-describedby') ?? '').split(' ').filter((id) => id.endsWith('-error'));
  return ids.map((id) => root(panel).getElementById(id)?.textContent?.trim()).join(' ') || undefined;
}

export function statusText(panel: HTMLElement): string {
  return root(panel).querySelector('[role="status"]')!.textContent!.trim();
}

declare global {
  interface Window {
    axe?: {
      run(
        context: Element,
        options: object,
      ): Promise<{ violations: { id: string; help: string; nodes: { target: unknown; failureSummary?: string }[] }[] }>;
    };
  }
}

/** Zero axe-core violations at WCAG 2.2 AA (and every level below it). */
export async function expectAccessible(el: Element): Promise<void> {
  if (!window.axe) await import('axe-core/axe.min.js' as string);
  const { violations } = await window.axe!.run(el, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    resultTypes: ['violations'],
  });
  if (violations.length) {
    throw new Error(
      violations
        .map(
          (v) =>
            `${v.id}: ${v.help}\n${v.nodes.map((n) => `  ${JSON.stringify(n.target)} ${n.failureSummary ?? ''}`).join('\n')}`,
        )
        .join('\n'),
    );
  }
}

/** The next event of this type on `target`. */
export function nextEvent<T extends Event>(target: EventTarget, type: string): Promise<T> {
  return new Promise((resolve) => target.addEventListener(type, (e) => resolve(e as T), { once: true }));
}

/** Fills every required field of a chat handoff through the form. */
export function fillValid(panel: HandoffPanel): void {
  typeInto(panel, 'Reason', 'escalation');
  typeInto(panel, "Why I can't resolve it", 'Refunds over $500 need a supervisor.');
  root(panel).querySelector<HTMLInputElement>('input[name="mode"][value="warm"]')!.click();
  typeInto(panel, 'Channel', 'chat');
  typeInto(panel, 'Summary', 'Charged twice for November.');
  typeInto(panel, 'Receiver team', 'Billing supervisors');
}

/**
 * For a `describe` block: mounts panels that send to a fresh test receiver, each with its own outbox,
 * and removes them (and their outboxes) after each test.
 */
export function usePanels(host: Record<string, string>): (config?: HandoffPanel['config']) => Promise<HandoffPanel> {
  let receiver: TestReceiver;
  const panels: HandoffPanel[] = [];
  beforeEach(() => (receiver = new TestReceiver()));
  afterEach(async () => {
    for (const panel of panels.splice(0)) panel.remove();
    await cleanupOutboxes();
  });
  return async (config = {}) => {
    const outbox = { endpoint: receiver.endpoint, name: `test-outbox-${crypto.randomUUID()}` };
    const panel = await mountPanel(host, { outbox, ...config });
    panels.push(panel);
    return panel;
  };
}

/** Until `ready()`: for what a panel loads on demand (the directory's file, the template's), render by render. */
export async function waitFor(
  ready: () => boolean,
  panel: HTMLElement & { updateComplete: Promise<boolean> },
): Promise<void> {
  const until = Date.now() + 20_000;
  while (!ready() && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 10));
    await panel.updateComplete;
  }
  if (!ready()) throw new Error('what the panel loads on demand never arrived');
}
