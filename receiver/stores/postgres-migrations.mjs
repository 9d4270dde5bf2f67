// The PostgreSQL store's schema, as numbered migrations applied once each, in order, on start. Several
// instances may start at once: an advisory lock lets one migrate while the others wait.
//
// - `handoff_records`: every handoff and ack, once (`id` is unique: the payload id, which is also its
//   Idempotency-Key). `seq` orders them and is the event id of the server-sent event streams. The payload
//   is `json`, not `jsonb`: it keeps the request body's text exactly as sent and accepts every string
//   JSON allows (jsonb refuses `\u0000`).
// - `handoff_idempotency_keys`: the key's request hash and, once committed, the 201 it was answered;
//   `locked_until` while the first request is still committing (the in-flight marker), `claimed_by` the
//   claim's own token (a failed request lets go of its own claim only). Rows are removed
//   after the retention time; a key older than that is still answered from `handoff_records`.
export const MIGRATION_LOCK = 0x68_6f_66_66; // "hoff"

export const MIGRATIONS = [
  `CREATE TABLE handoff_records (
     seq bigserial PRIMARY KEY,
     kind text NOT NULL CHECK (kind IN ('handoff', 'ack')),
     id text NOT NULL UNIQUE,
     handoff_id text NOT NULL,
     request_hash text NOT NULL,
     payload json NOT NULL,
     response jsonb NOT NULL,
     received_at timestamptz NOT NULL
   );
   CREATE INDEX handoff_records_by_handoff ON handoff_records (handoff_id, seq);
   CREATE INDEX handoff_records_by_kind ON handoff_records (kind, seq);
   CREATE TABLE handoff_idempotency_keys (
     key text PRIMARY KEY,
     request_hash text NOT NULL,
     response jsonb,
     locked_until timestamptz,
     created_at timestamptz NOT NULL DEFAULT now()
   );
   CREATE INDEX handoff_idempotency_keys_by_age ON handoff_idempotency_keys (created_at);`,
  // 2: each claim's own token, so a failed request lets go of its own claim only.
  `ALTER TABLE handoff_idempotency_keys ADD COLUMN claimed_by text;`,
  // 3: the insights read a period's handoffs by when they arrived, newest first.
  `CREATE INDEX handoff_records_by_arrival ON handoff_records (kind, received_at DESC);`,
];

/** Applies the migrations `client` has not seen yet; returns how many it applied. */
export async function migrate(client) {
  await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
  try {
    await client.query(
      `CREATE TABLE IF NOT EXISTS handoff_receiver_migrations (
         version integer PRIMARY KEY,
         applied_at timestamptz NOT NULL DEFAULT now()
       )`,
    );
    const { rows } = await client.query('SELECT coalesce(max(version), 0) AS version FROM handoff_receiver_migrations');
    const current = rows[0].version;
    if (current > MIGRATIONS.length) {
      throw new Error(
        `The database is at schema version ${current}, newer than this receiver knows (${MIGRATIONS.length}); run the newer receiver.`,
      );
    }
    for (let version = current + 1; version <= MIGRATIONS.length; version++) {
      await client.query('BEGIN');
      try {
        await client.query(MIGRATIONS[version - 1]);
        await client.query('INSERT INTO handoff_receiver_migrations (version) VALUES ($1)', [version]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    }
    return MIGRATIONS.length - current;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
  }
}
