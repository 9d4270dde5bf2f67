/** Trainer mode: scenarios and the rubric a handoff is scored on (pure; no DOM, no Lit). */
export { CRITERIA, CRITERION_LABELS, checkScenario, scoreHandoff } from './rubric.js';
export type { CriterionId, CriterionResult, Mention, RubricResult, Scenario, ScenarioExpectations } from './rubric.js';
