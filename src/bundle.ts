/**
 * The script-tag bundle: everything inlined, the elements registered, one global `HandoffPanel`.
 *
 * Calls made before it loads are queued by the stub and replayed here, in order:
 *   window.HandoffPanel = window.HandoffPanel || function () { (HandoffPanel.q = HandoffPanel.q || []).push(arguments); };
 *   HandoffPanel('configure', { endpoint: '/api/handoffs' });
 */
import { Outbox, OutboxPayloadError, OutboxStorageError } from './outbox/index.js';
import { buildAck, buildHandoff, compileScriptTemplates, suggestScripts, validateHandoff } from './payload/index.js';
import { configFromScript, createGlobal } from './script-tag/global.js';
import { HandoffLauncher } from './ui/handoff-launcher/handoff-launcher.component.js';
import { HandoffOutboxStatus } from './ui/handoff-outbox-status/handoff-outbox-status.component.js';
import { HandoffPanel } from './ui/handoff-panel/handoff-panel.component.js';
import { registerLocale } from './ui/messages/catalogue.js';
import { defineElement } from './ui/shared/define.js';
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
  defineElement('handoff-panel', HandoffPanel);
  defineElement('handoff-outbox-status', HandoffOutboxStatus);
  defineElement('handoff-launcher', HandoffLauncher);
  const api = createGlobal(VERSION, {
    buildHandoff,
    buildAck,
    validateHandoff,
    suggestScripts,
    compileScriptTemplates,
    registerLocale,
    Outbox,
    OutboxStorageError,
    OutboxPayloadError,
    HandoffPanel,
    HandoffOutboxStatus,
    HandoffLauncher,
  });
  const fromTag = configFromScript(document.currentScript);
  try {
    if (Object.keys(fromTag).length) api.configure(fromTag);
  } catch (error) {
    console.error(error);
  }
  (globalThis as { HandoffPanel?: unknown }).HandoffPanel = api;
  for (const args of existing?.q ?? []) {
    try {
      api(...(Array.from(args) as [string, ...unknown[]]));
    } catch (error) {
      console.error(error);
    }
  }
}
