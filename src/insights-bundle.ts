/**
 * The team lead's view (`dist/handoff-insights.js`): registers `<handoff-insights>` only. The reference
 * receiver serves it with /insights.html; no CRM page needs it.
 */
import { HandoffInsights } from './ui/handoff-insights/handoff-insights.component.js';
import { defineElement } from './ui/shared/define.js';

defineElement('handoff-insights', HandoffInsights);
