/** Registers every element: `import 'handoff-panel/define'`. */
import './ui/handoff-panel/handoff-panel.js';
import './ui/outbox-status/outbox-status.js';
import './ui/launcher/launcher.js';
import './ui/handoff-receipt/handoff-receipt.js';
