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

/** Per database name, the endpoints that an open outbox on this page is configured for (with a count). */
const served = pageGlobal('live-routes', () => new Map<string, Map<string, number>>());

/** An outbox for `route` on database `name` opened (+1) or closed (-1) on this page. */
export function serveRoute(name: string, route: string, change: 1 | -1): void {
  const routes = served.get(name) ?? new Map<string, number>();
  const count = (routes.get(route) ?? 0) + change;
  if (count > 0) routes.set(route, count);
  else routes.delete(route);
  served.set(name, routes);
}

/** The endpoints an open outbox on this page serves for database `name`. */
export const routesServed = (name: string): ReadonlyMap<string, number> | undefined => served.get(name);
