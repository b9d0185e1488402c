import { Client } from 'pg';
import type { DataSource } from 'typeorm';

/** The advisory lock every server takes while it migrates and seeds: `hashtext('assistance:startup')`
 * computed once, so all versions of the server agree on it. */
const STARTUP_LOCK = 'assistance:startup';

/**
 * Runs `work` while holding a session-level PostgreSQL advisory lock, so that replicas starting
 * together on one database migrate and seed one after another: the first does the work, the others
 * find it done (issue #10, #15). The lock's session is a connection of its own beside the pool, so
 * the work has the whole pool, be it a single connection.
 */
export async function underStartupLock<T>(dataSource: DataSource, work: () => Promise<T>): Promise<T> {
  const { url } = dataSource.options as { url?: string };
  const session = new Client({ connectionString: url });
  await session.connect();
  try {
    await session.query('SELECT pg_advisory_lock(hashtext($1))', [STARTUP_LOCK]);
    try {
      return await work();
    } finally {
      await session.query('SELECT pg_advisory_unlock(hashtext($1))', [STARTUP_LOCK]);
    }
  } finally {
    await session.end();
  }
}
