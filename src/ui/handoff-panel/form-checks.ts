import type { FieldError } from '../../payload/checker.js';
import { buildHandoff } from '../../payload/handoff.js';
import type { HandoffDraft } from '../../payload/types.js';
import { controlId } from '../shared/paths.js';
import { FOCUS_FOR } from './draft-model.js';

/**
 * What `prefill()` refuses, as a TypeError for the integrator: a field that is not part of a handoff,
 * and a `case.id` that names another case than the panel's.
 */
export function checkPrefill(partial: HandoffDraft, caseId: string | undefined): void {
  const unknown = buildHandoff(partial, {}).errors?.filter(
    (e) => e.code === 'unknown-field' || e.code === 'not-an-object',
  );
  if (unknown?.length) throw new TypeError(`prefill(): ${unknown.map((e) => e.message).join(' ')}`);
  const named = partial.case?.id;
  if (typeof named === 'string' && caseId !== undefined && named !== caseId) {
    // Filling one case's panel with another customer's details is how handoffs get mixed up.
    throw new TypeError(
      `prefill(): case.id "${named}" is not this panel's case "${caseId}"; set caseId first, then prefill.`,
    );
  }
}

/** Errors in the order their fields appear, so the summary reads top-down and focus goes to the first. */
export function inFormOrder(errors: FieldError[], root: ParentNode): FieldError[] {
  const controls = [...root.querySelectorAll('[id^="f-"]')].map((el) => el.id);
  const position = (e: FieldError) => {
    const i = controls.indexOf(controlId(FOCUS_FOR[e.path] ?? e.path));
    return i === -1 ? controls.length : i;
  };
  return [...errors].sort((a, b) => position(a) - position(b));
}

/** Focuses a control, opening the fold it is in first. */
export function reveal(control: HTMLElement | null | undefined): void {
  const fold = control?.closest('details');
  if (fold && !fold.open) fold.open = true;
  control?.focus();
}
