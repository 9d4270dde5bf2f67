/** Reading and writing nested draft fields by path: `recap.summary`, `actions.2.due`. */

type Bag = Record<string, unknown>;

export function getPath(root: unknown, path: string): unknown {
  let value: unknown = root;
  for (const key of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Bag)[key];
  }
  return value;
}

export function setPath(root: Bag, path: string, value: unknown): void {
  const keys = path.split('.');
  let bag: Bag = root;
  keys.slice(0, -1).forEach((key, i) => {
    if (bag[key] === null || typeof bag[key] !== 'object') bag[key] = /^\d+$/.test(keys[i + 1]!) ? [] : {};
    bag = bag[key] as Bag;
  });
  bag[keys[keys.length - 1]!] = value;
}

/** The paths of every value in a nested object: `{ to: { team: 'x' } }` → `['to.team']`. */
export function leafPaths(value: unknown, prefix = ''): string[] {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return prefix ? [prefix] : [];
  return Object.entries(value).flatMap(([key, v]) => leafPaths(v, prefix ? `${prefix}.${key}` : key));
}

/** An error path (`actions[2].due`) as a control path (`actions.2.due`). */
export const controlPath = (errorPath: string): string => errorPath.replace(/\[(\d+)\]/g, '.$1');

/** The id of the control for a path, unique within the panel's shadow root. */
export const controlId = (path: string): string => `f-${controlPath(path).replace(/\./g, '-')}`;

/** `<input type="datetime-local">` value (local time) from an ISO date-time, and back. */
export function toLocalInput(iso: unknown): string {
  if (typeof iso !== 'string' || !iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}

export function fromLocalInput(value: string): string | undefined {
  if (!value) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}
