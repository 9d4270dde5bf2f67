/** Registers `<handoff-insights>` (import for its side effect). */
import { defineElement } from '../shared/define.js';
import { HandoffInsights } from './handoff-insights.component.js';

export { HandoffInsights } from './handoff-insights.component.js';
export type { Insights, InsightsTexts } from './handoff-insights.component.js';
export { INSIGHTS_TEXTS_EN } from './insights.texts.js';

defineElement('handoff-insights', HandoffInsights);

declare global {
  interface HTMLElementTagNameMap {
    'handoff-insights': HandoffInsights;
  }
}
