import type { Placement } from '@floating-ui/dom';
import { reportProblem } from '../shared/report.js';

export type { Placement };

const PLACEMENT = /^(top|bottom|left|right)(-(start|end))?$/;

/** `placement` when it is one, else `fallback` after saying on the console what to fix. */
export function checkedPlacement(placement: string, fallback: Placement): Placement {
  if (PLACEMENT.test(placement)) return placement as Placement;
  reportProblem(
    'placement',
    '<handoff-launcher>',
    `placement="${placement}" is not one of top, bottom, left, right, optionally with -start or -end (e.g. bottom-end); ${fallback} is used.`,
  );
  return fallback;
}
