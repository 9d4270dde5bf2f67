// A fresh PostgreSQL database for a test file: a database of its own inside the cluster `npm test`
// started (TEST_DATABASE_URL), or, when a file runs alone, inside a throwaway cluster of its own.
import { after } from 'node:test';
import pg from 'pg';
// @ts-expect-error -- plain JavaScript module without declarations
import { createDatabase, startCluster } from '../../scripts/postgres-cluster.mjs';
// @ts-expect-error -- plain JavaScript module without declarations
import { COMMIT_ORDER_LOCK } from '../../receiver/stores/postgres-store.mjs';

/** pg_locks shows the whole cluster: other test files' databases are not this test's business. */
export const IN_THIS_DATABASE = 'database = (SELECT oid FROM pg_database WHERE datname = current_database())';

export interface TestDatabase {
  /** A URL for a new, empty database each call. */
  create(): Promise<string>;
}

/** Registers the cleanup with node:test's `after`; call at the top of a file or suite. */
export function usePostgres(): TestDatabase {
  let cluster: Promise<{ url: string; stop(): Promise<void> }> | undefined;
  const created: string[] = [];
  const server = (): Promise<{ url: string; stop(): Promise<void> }> => {
    if (process.env.TEST_DATABASE_URL)
      return Promise.resolve({ url: process.env.TEST_DATABASE_URL, stop: async () => {} });
    const started = cluster ?? (startCluster() as Promise<{ url: string; stop(): Promise<void> }>);
    cluster = started;
    return started;
  };
  after(async () => {
    if (!created.length && !cluster) return;
    const { url, stop } = await server();
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    for (const name of created) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
    await stop();
  });
  return {
    async create() {
      const { url } = await server();
      const name = `handoff_test_${crypto.randomUUID().replaceAll('-', '')}`;
      created.push(name);
      return (await createDatabase(url, name)) as string;
    },
  };
}

/** Runs one query on `url` with a connection of its own. */
export async function query<T = Record<string, unknown>>(url: string, text: string, values: unknown[] = []) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, values)).rows as T[];
  } finally {
    await client.end();
  }
}

/** Holds every commit on `databaseUrl` (they all take the order lock) until release(). */
export async function holdCommits(databaseUrl: string) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query('SELECT pg_advisory_lock($1)', [COMMIT_ORDER_LOCK]);
  return {
    /** How many commits wait on the lock: they show in pg_locks as ungranted advisory locks. */
    async waiting(): Promise<number> {
      const { rows } = await client.query(
        `SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND objid = $1 AND ${IN_THIS_DATABASE}`,
        [COMMIT_ORDER_LOCK],
      );
      return rows[0].n;
    },
    async held(count: number) {
      while ((await this.waiting()) < count) await new Promise((resolve) => setTimeout(resolve, 10));
    },
    async release() {
      await client.query('SELECT pg_advisory_unlock($1)', [COMMIT_ORDER_LOCK]);
      await client.end();
    },
  };
}
