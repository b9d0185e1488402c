import http from 'node:http';
import { Client } from 'pg';

export interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: any;
}

/** One request over a real TCP connection (supertest would open a listener of its own). */
export function send(port: number, agent: http.Agent, method: 'GET' | 'POST', path: string, body?: unknown): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const headers: http.OutgoingHttpHeaders = payload
      ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }
      : {};
    const req = http.request({ host: '127.0.0.1', port, method, path, agent, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        text += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: text ? JSON.parse(text) : undefined }));
    });
    req.on('error', reject);
    req.end(payload);
  });
}

export const LOGIN = 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }';

/**
 * A slow database without a slow path in the code: another session holds an exclusive lock on the
 * accounts table, so an ordinary request that reads an account (a sign-in) waits until `release`.
 */
export async function lockAccounts(databaseUrl: string) {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query('BEGIN');
  await client.query('LOCK TABLE accounts IN ACCESS EXCLUSIVE MODE');
  let released = false;
  return {
    /** Resolves once some other session is waiting for the lock, i.e. the request is in flight. */
    async untilARequestWaits() {
      for (;;) {
        // Activity is read once per transaction unless the snapshot is cleared.
        await client.query('SELECT pg_stat_clear_snapshot()');
        const { rows } = await client.query(
          "SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'",
        );
        if (rows[0].waiting > 0) return;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    async release() {
      if (released) return;
      released = true;
      await client.query('COMMIT');
      await client.end();
    },
  };
}
