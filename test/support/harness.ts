import crypto from 'node:crypto';
import { Client } from 'pg';
import request, { Response } from 'supertest';
import type { DataSource } from 'typeorm';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { openDatabase, OpenDatabase } from '../../src/db/open-database';
import { APP_ROLE, ensureAppLoginRole, withCredentials } from '../../src/db/app-role';
import { createApp, App } from '../../src/app';
import { DEMO_ACCOUNTS, DEMO_REGIONS, insertRegionsAndAccounts, seedDemoDistrictIfEmpty } from '../../src/seed/demo-district';

export const DEMO_PASSWORD = 'test-demo-password';

/** The password of the application's role on the run's server: the role belongs to the whole cluster,
 * so every test file (and every run) sets the same one. */
const APP_ROLE_PASSWORD = 'assistance-app-test-password';

/** `url` (a test database's, possibly through a proxy) as the application's role, as the API connects. */
export const asAppRole = (url: string) => withCredentials(url, APP_ROLE, APP_ROLE_PASSWORD);

/** A database of its own on the run's server, created from scratch (migrated when opened), and the
 * application's LOGIN role on that server, as a database administrator would create it for `APP_DATABASE_URL`. */
export async function createTestDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const adminUrl = process.env.TEST_ADMIN_DATABASE_URL;
  if (!adminUrl) throw new Error('TEST_ADMIN_DATABASE_URL is not set: run tests through jest (globalSetup starts PostgreSQL)');
  const name = `assistance_test_${process.pid}_${crypto.randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
    await ensureAppLoginRole(admin, APP_ROLE_PASSWORD);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

export interface GraphQLResult<T = Record<string, any>> {
  status: number;
  data?: T;
  errors?: { message: string; extensions?: { code?: string; [key: string]: unknown } }[];
  statements: number;
  response: Response;
}

export interface TestApp {
  app: App;
  db: OpenDatabase;
  /** The server's own pool, connected as the application's role. */
  dataSource: DataSource;
  /** The owner's pool, for a test's own manipulation beyond the application's privileges (editing an
   * append-only row, disabling a trigger, VACUUM); never the server's. */
  ownerDataSource: DataSource;
  /** The owner's address (`DATABASE_URL`). */
  databaseUrl: string;
  /** The application role's address (`APP_DATABASE_URL`). */
  appDatabaseUrl: string;
  http(): ReturnType<typeof request>;
  /** Runs a GraphQL operation, signed in with `token` (a JWT or API key) when given. */
  gql<T = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string,
    headers?: Record<string, string>,
  ): Promise<GraphQLResult<T>>;
  /** Signs in a demo (or fixture) account and returns its token; cached per username. */
  login(username: string): Promise<string>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** Load the demo district's regions and accounts (default true). */
  seed?: boolean;
  /** Seed the whole demo instead, committees and cases included, as `npm start` does. */
  demo?: boolean;
  /** Extra regions and accounts, e.g. a second district for out-of-scope checks. */
  fixture?: { regions: typeof DEMO_REGIONS; accounts: typeof DEMO_ACCOUNTS };
  production?: boolean;
  /** Development mode (statement counts, internal error detail); default: unless `production`. */
  development?: boolean;
  tokenTtlSeconds?: number;
  /** More environment for loadConfig, e.g. `{ CORS_ORIGINS: '…' }`. */
  env?: NodeJS.ProcessEnv;
  /** The address the server connects to, given its database's: e.g. through a proxy that can cut it. */
  connectThrough?: (databaseUrl: string) => Promise<string>;
  /** Another instance on this (migrated, seeded) database of an app already started, as a second
   * replica: nothing is seeded, and closing it leaves the database to its owner. */
  sharing?: TestApp;
}

export const JWT_SECRET_FOR_TESTS = crypto.randomBytes(32).toString('hex');

/** The real API in-process over a real PostgreSQL database with migrations applied. */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const database = options.sharing ? { url: options.sharing.databaseUrl, drop: async () => {} } : await createTestDatabase();
  const reachedAt = options.connectThrough ? await options.connectThrough(database.url) : database.url;
  const config = {
    ...loadConfig({
      ...options.env,
      NODE_ENV: 'test',
      DATABASE_URL: reachedAt,
      APP_DATABASE_URL: asAppRole(reachedAt),
    }),
    production: options.production ?? false,
    // Tests read the statement count and internal detail, which only development mode shows.
    development: options.development ?? !options.production,
  };
  const logger = createLogger(process.env.TEST_LOG_LEVEL ?? 'silent');
  let db: OpenDatabase | undefined;
  try {
    db = await openDatabase(config, logger);
    const seed = !options.sharing && options.seed !== false;
    if (options.demo && !options.sharing) await seedDemoDistrictIfEmpty(db.owner, DEMO_PASSWORD);
    else if (seed) await insertRegionsAndAccounts(db.owner, DEMO_REGIONS, DEMO_ACCOUNTS, DEMO_PASSWORD);
    if (options.fixture) await insertRegionsAndAccounts(db.owner, options.fixture.regions, options.fixture.accounts, DEMO_PASSWORD);
    const app = await createApp(
      db.dataSource,
      {
        ...config,
        jwtSecret: JWT_SECRET_FOR_TESTS,
        tokenTtlSeconds: options.tokenTtlSeconds ?? config.tokenTtlSeconds,
      },
      logger,
    );
    const tokens = new Map<string, string>();
    const testApp: TestApp = {
      app,
      db,
      dataSource: db.dataSource,
      ownerDataSource: db.owner,
      databaseUrl: database.url,
      appDatabaseUrl: asAppRole(database.url),
      http: () => request(app.express),
      async gql(query, variables, token, headers = {}) {
        const req = request(app.express)
          .post('/graphql')
          .set('content-type', 'application/json')
          .set('accept', 'application/graphql-response+json');
        if (token) req.set('authorization', `Bearer ${token}`);
        req.set(headers);
        const response = await req.send({ query, variables });
        return {
          status: response.status,
          data: response.body.data ?? undefined,
          errors: response.body.errors,
          statements: Number(response.headers['x-sql-statements'] ?? NaN),
          response,
        };
      },
      async login(username) {
        const cached = tokens.get(username);
        if (cached) return cached;
        const result = await testApp.gql<{ login: { token: string } }>(
          'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }',
          { u: username, p: DEMO_PASSWORD },
        );
        if (!result.data?.login) throw new Error(`login of ${username} failed: ${JSON.stringify(result.errors)}`);
        tokens.set(username, result.data.login.token);
        return result.data.login.token;
      },
      async close() {
        await app.stop();
        await db!.close();
        await database.drop();
      },
    };
    return testApp;
  } catch (error) {
    await db?.close();
    await database.drop();
    throw error;
  }
}

/**
 * The test app of a file or a describe block: started before its tests with `options` (in the first
 * `beforeAll`, so later hooks may use it) and closed after them. Use it from hooks and tests only.
 * `startTimeout` (ms) is for a start that seeds the demo district, which takes most of a minute on a busy machine.
 */
export function useTestApp(options: TestAppOptions = {}, startTimeout?: number): TestApp {
  let started: TestApp | undefined;
  beforeAll(async () => {
    started = await startTestApp(options);
  }, startTimeout);
  afterAll(() => started?.close());
  return new Proxy({} as TestApp, {
    get(_, key) {
      if (!started) throw new Error('The test app starts in beforeAll: use it from a hook or a test, not while the file loads');
      return Reflect.get(started, key);
    },
  });
}

/** The error code of the first error, for one-line assertions. */
export const codeOf = (result: GraphQLResult) => result.errors?.[0]?.extensions?.code;

/** The message key of the first error: what it means, whatever the language. */
export const messageKeyOf = (result: GraphQLResult) => result.errors?.[0]?.extensions?.messageKey;

/** The keys of every unmet requirement the first error lists. */
export const unmetKeysOf = (result: GraphQLResult) =>
  ((result.errors?.[0]?.extensions?.unmet ?? []) as { key: string }[]).map((requirement) => requirement.key);
