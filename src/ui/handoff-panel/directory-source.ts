import { checkDirectory, type CheckedDirectory } from '../../directory/check-directory.js';

/** One request per directory URL and page; a failed one is asked again by the next panel that needs it. */
const loaded = new Map<string, Promise<CheckedDirectory>>();

/** The directory at `url` (an array of entries, or `{ entries }`), checked. */
export function loadDirectory(url: string): Promise<CheckedDirectory> {
  let loading = loaded.get(url);
  if (!loading) {
    loading = fetchDirectory(url);
    loaded.set(url, loading);
    loading.catch(() => loaded.delete(url));
  }
  return loading;
}

async function fetchDirectory(url: string): Promise<CheckedDirectory> {
  const response = await fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const type = response.headers.get('Content-Type') ?? '';
  // A login page answered with 200 is not a directory.
  if (!/json/i.test(type)) throw new Error(`the answer is ${type || 'untyped'}, not JSON`);
  return checkDirectory(await response.json());
}
