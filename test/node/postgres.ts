// A fresh PostgreSQL database for a test file: a database of its own inside the cluster `npm test`
// started (TEST_DATABASE_URL), or, when a file runs alone, inside a throwaway cluster of its own.
import { after } from 'node:test';
import pg from 'pg';
// @ts-expect-error -- plain JavaScript module without declarations
import { createDatabase, startCluster } from '../../scripts/postgres-cluster.mjs';

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
