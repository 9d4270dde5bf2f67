/**
 * An integrator's mistake, said once in the console with a code and the README section that explains
 * it (in the spirit of Lit's lit.dev/msg/<code>). Never a payload: only configuration is ever reported.
 */

/** The problems, their codes and the README section that explains each. */
const SECTIONS = {
  template: 'Design notes › Script templates',
  'duplicate-sdk': 'Integrating: script tag › Loaded twice',
  'duplicate-element': 'Integrating: script tag › Loaded twice',
  'data-attribute': 'Integrating: script tag',
  placement: '<handoff-launcher>',
  'time-zone': '<handoff-receipt> (the receiving side) › The read-back, checked',
} as const;

export type ProblemCode = keyof typeof SECTIONS;

const reported = new Set<string>();

/** Says once on the console, as `<where>: <message> [handoff-panel:<code>] See the README, "<section>".` */
export function reportProblem(
  code: ProblemCode,
  where: string,
  message: string,
  level: 'error' | 'warn' = 'error',
): void {
  const key = `${code}\u0000${where}\u0000${message}`;
  if (reported.has(key)) return;
  reported.add(key);
  const text = `${where}: ${message} [handoff-panel:${code}] See the README, "${SECTIONS[code]}".`;
  if (level === 'warn') console.warn(text);
  else console.error(text);
}
