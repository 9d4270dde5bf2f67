/**
 * State that belongs to the page, not to one copy of the SDK: the sender's and the receiver's script
 * tags (or two bundles of the same version) on one page share it, so they share one outbox per endpoint
 * rather than two that would send each other's items with the wrong transport.
 */
import { VERSION } from '../version.js';

/** The page's value for `name`, made by `create` the first time any copy of this version asks. */
export function pageGlobal<T>(name: string, create: () => T): T {
  const key = Symbol.for(`handoff-panel@${VERSION}:${name}`);
  const bag = globalThis as unknown as Record<symbol, T | undefined>;
  return (bag[key] ??= create());
}
