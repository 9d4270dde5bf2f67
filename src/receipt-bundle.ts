/**
 * The receiving side's script tag (`dist/handoff-receipt.js`): registers `<handoff-receipt>` only, so
 * the sender's bundle does not carry it. Configure it on the tag (`data-endpoint`, `data-locale`) or
 * with attributes on the element. It can sit on the same page as `handoff-panel.js`: both copies of the
 * outbox share the same IndexedDB queue and take turns delivering it.
 */
import { HandoffReceipt } from './ui/handoff-receipt/handoff-receipt.component.js';
import { setElementDefaults } from './ui/shared/defaults.js';
import { defineElement } from './ui/shared/define.js';
import { elementOutbox } from './ui/shared/outbox-registry.js';

const data = (document.currentScript as HTMLScriptElement | null)?.dataset ?? {};
if (data.endpoint || data.locale)
  setElementDefaults({
    endpoint: data.endpoint,
    outbox: data.endpoint ? { endpoint: data.endpoint } : {},
    locale: data.locale,
  });
// Acknowledgements an earlier visit left queued go out on load.
if (data.endpoint) elementOutbox(data.endpoint, undefined);
defineElement('handoff-receipt', HandoffReceipt);
