/** Registers every element: `import 'handoff-panel/define'`. */
import './ui/handoff-panel/handoff-panel.js';
import './ui/handoff-outbox-status/handoff-outbox-status.js';
import './ui/handoff-launcher/handoff-launcher.js';
import './ui/handoff-receipt/handoff-receipt.js';
