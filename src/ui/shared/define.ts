/**
 * Registers an element unless the tag is taken. Two copies or two versions of the SDK on one CRM page
 * are common (an extension, a second integration): the first definition wins, with one warning.
 */
import { reportProblem } from './report.js';

const warned = new Set<string>();

export function defineElement(tag: string, constructor: CustomElementConstructor): void {
  const registry = globalThis.customElements;
  if (!registry) return;
  const existing = registry.get(tag);
  if (!existing) {
    registry.define(tag, constructor);
    return;
  }
  if (existing !== constructor && !warned.has(tag)) {
    warned.add(tag);
    reportProblem(
      'duplicate-element',
      'handoff-panel',
      `<${tag}> is already defined on this page (another copy of the SDK?); keeping the first definition.`,
      'warn',
    );
  }
}
