/**
 * The script tag's first file: the global `HandoffPanel`, `<handoff-launcher>`, `<handoff-outbox-status>`
 * and the outbox, so that queued handoffs drain on every CRM page. `<handoff-panel>` and the payload
 * functions come in a second file (script-tag/panel-api.ts), loaded when first needed.
 *
 * Calls made before it loads are queued by the stub and replayed here, in order:
 *   window.HandoffPanel = window.HandoffPanel || function () { (HandoffPanel.q = HandoffPanel.q || []).push(arguments); };
 *   HandoffPanel('configure', { endpoint: '/api/handoffs' });
 */
import { Outbox, OutboxPayloadError, OutboxStorageError } from './outbox/index.js';
import { configFromScript, createGlobal } from './script-tag/global.js';
import { HandoffLauncher } from './ui/handoff-launcher/handoff-launcher.component.js';
import { HandoffOutboxStatus } from './ui/handoff-outbox-status/handoff-outbox-status.component.js';
import { registerLocale } from './ui/messages/registry.js';
import { defineElement } from './ui/shared/define.js';
import { preloadPanel } from './ui/shared/load-panel.js';
import { reportProblem } from './ui/shared/report.js';
import { VERSION } from './version.js';

type Stub = ((...args: unknown[]) => void) & { q?: ArrayLike<unknown>[]; version?: string };

const existing = (globalThis as { HandoffPanel?: Stub }).HandoffPanel;
if (existing?.version) {
  // A second copy (the same or another version): keep the first, which owns the elements and the queue.
  reportProblem(
    'duplicate-sdk',
    `handoff-panel ${VERSION}`,
    `handoff-panel ${existing.version} is already on this page; this copy is not used.`,
    'warn',
  );
} else {
  defineElement('handoff-outbox-status', HandoffOutboxStatus);
  defineElement('handoff-launcher', HandoffLauncher);
  const api = createGlobal(
    VERSION,
    { registerLocale, Outbox, OutboxStorageError, OutboxPayloadError, HandoffOutboxStatus, HandoffLauncher },
    () => import('./script-tag/panel-api.js'),
  );
  const fromTag = configFromScript(document.currentScript);
  try {
    if (Object.keys(fromTag).length) api.configure(fromTag);
  } catch (error) {
    console.error(error);
  }
  (globalThis as { HandoffPanel?: unknown }).HandoffPanel = api;
  for (const args of existing?.q ?? []) {
    try {
      // open() returns a promise; nobody awaits a queued call, so its failure is said here.
      void Promise.resolve(api(...(Array.from(args) as [string, ...unknown[]]))).catch(console.error);
    } catch (error) {
      console.error(error);
    }
  }
  // The panel (and the payload functions) at once when the page has a panel, else when the browser is idle.
  preloadPanel(() => api.load());
}
