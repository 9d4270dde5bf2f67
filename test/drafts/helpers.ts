// A fresh drafts database per test, closed and deleted after it.
import { deleteDB } from 'idb';
import { closeDraftsDB } from '../../src/drafts/db.js';

/** Returns the current test's database name (read it inside a test). */
export function useDraftsDB(): { readonly name: string } {
  const db = { name: '' };
  beforeEach(() => {
    db.name = `test-drafts-${crypto.randomUUID()}`;
  });
  afterEach(async () => {
    closeDraftsDB(db.name);
    await deleteDB(db.name);
  });
  return db;
}
