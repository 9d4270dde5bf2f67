/**
 * Structural equality for object properties: frameworks such as React pass a new but equal object on
 * every render, which must not count as a change. Functions compare by identity.
 */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (!a || !b || typeof a !== 'object' || typeof b !== 'object' || Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  return (
    keysA.length === keysB.length &&
    keysA.every((key) => deepEqual((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]))
  );
}

/** Lit's `hasChanged` for object properties. */
export const changedStructurally = (next: unknown, previous: unknown): boolean => !deepEqual(next, previous);
