import fs from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { getIntrospectionQuery, GraphQLScalarType, isSpecifiedScalarType } from 'graphql';
import { buildAppSchema } from '../src/graphql/schema';
import { printAppSchema } from '../src/graphql/print-schema';
import { GRAPHIQL_ASSETS } from '../src/http/graphiql-page';
import { startTestApp, useTestApp } from './support/harness';

const t = useTestApp();

describe('health and readiness', () => {
  it('/healthz answers while the process is up', async () => {
    const response = await t.http().get('/healthz');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok' });
  });

  it('/readyz answers 200 when the database is reachable', async () => {
    const response = await t.http().get('/readyz');
    expect(response.status).toBe(200);
    expect(response.body.database).toBe('up');
  });

  it('/readyz answers 503 when the database is gone, and /healthz still 200', async () => {
    const other = await startTestApp({ seed: false });
    try {
      const admin = new Client({ connectionString: process.env.TEST_ADMIN_DATABASE_URL });
      await admin.connect();
      await admin.query(`DROP DATABASE ${new URL(other.databaseUrl).pathname.slice(1)} WITH (FORCE)`);
      await admin.end();
      const ready = await other.http().get('/readyz');
      expect(ready.status).toBe(503);
      expect(ready.body.database).toBe('down');
      expect((await other.http().get('/healthz')).status).toBe(200);
    } finally {
      await other.close();
    }
  });

  it("tags every response with the server's own request id, never the caller's (it names requests in the audit log)", async () => {
    const response = await t.http().get('/healthz').set('x-request-id', 'trace-123');
    expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect((await t.http().get('/healthz')).headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('GraphiQL', () => {
  it('is served as a page with no external URL in it', async () => {
    const response = await t.http().get('/graphiql');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/text\/html/);
    expect(response.text).toContain('GraphiQL');
    expect(response.text).not.toMatch(/https?:\/\//);
    expect(response.text).not.toMatch(/src="\/\/|href="\/\//);
  });

  it('loads every script and stylesheet from this server', async () => {
    const page = (await t.http().get('/graphiql')).text;
    const referenced = [...page.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    expect(referenced.sort()).toEqual(
      Object.keys(GRAPHIQL_ASSETS)
        .map((name) => `/graphiql/assets/${name}`)
        .sort(),
    );
    for (const asset of referenced) {
      const response = await t.http().get(asset);
      expect([asset, response.status]).toEqual([asset, 200]);
      expect(Number(response.headers['content-length'])).toBeGreaterThan(1000);
    }
  });
});

describe('GraphQL over HTTP', () => {
  /** A JSON POST of `query` to /graphql with `headers`, as any client sends it. */
  const post = (query: string, headers: Record<string, string> = {}) =>
    t.http().post('/graphql').set('content-type', 'application/json').set(headers).send({ query });
  const GRAPHQL_RESPONSE = { accept: 'application/graphql-response+json' };

  it('answers application/graphql-response+json when asked for it', async () => {
    const response = await post('{ __typename }', GRAPHQL_RESPONSE);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/application\/graphql-response\+json/);
    expect(response.body).toEqual({ data: { __typename: 'Query' } });
  });

  it('answers a query that does not validate with 400 and a code', async () => {
    const response = await post('{ noSuchField }', GRAPHQL_RESPONSE);
    expect(response.status).toBe(400);
    expect(response.body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('refuses queries nested deeper than the limit, but not the introspection GraphiQL runs', async () => {
    const deep = `{ regions { ${'children { '.repeat(12)}code${' }'.repeat(12)} } }`;
    const response = await post(deep, { authorization: `Bearer ${await t.login('admin')}`, ...GRAPHQL_RESPONSE });
    expect(response.status).toBe(400);
    expect(response.body.errors[0].extensions).toMatchObject({
      code: 'GRAPHQL_VALIDATION_FAILED',
      messageKey: 'request.tooDeep',
      params: { depth: 14, max: 12 },
    });
    expect(response.body.errors[0].message).toBe('查询嵌套 14 层，最多允许 12 层（MAX_QUERY_DEPTH）。');
    // Fragments that use each other twice: 2^24 paths. Walked path by path this would outlast the
    // test's timeout; measured once per fragment it answers at once.
    const fragments = Array.from(
      { length: 24 },
      (_, i) => `fragment F${i} on Region { code ${i < 23 ? `children { ...F${i + 1} } parent { ...F${i + 1} }` : ''} }`,
    ).join('\n');
    const wide = await post(`{ regions { ...F0 } }\n${fragments}`);
    expect(wide.status).toBe(400);
    expect(wide.body.errors[0].extensions.params).toEqual({ depth: 25, max: 12 });
    const introspection = await post(getIntrospectionQuery());
    expect(introspection.status).toBe(200);
    expect(introspection.body.data.__schema.queryType.name).toBe('Query');
  });

  it('hides stack traces in production mode', async () => {
    const production = await startTestApp({ seed: false, production: true });
    try {
      const result = await production.gql('{ node(id: "bad") { id } }', {}, undefined);
      expect(result.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
      expect(JSON.stringify(result.errors)).not.toMatch(/stacktrace|at .*\.ts:/);
    } finally {
      await production.close();
    }
  });
});

describe('the schema as an artifact', () => {
  it('schema/schema.graphql is what the code prints (run npm run schema:print)', async () => {
    const committed = fs.readFileSync(path.join(__dirname, '..', 'schema', 'schema.graphql'), 'utf8');
    expect(committed).toBe(await printAppSchema());
  });

  it('describes every type, field and enum value, with the Chinese term beside the English', async () => {
    const schema = await buildAppSchema();
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || ['String', 'Boolean', 'Int', 'Float', 'ID'].includes(type.name)) continue;
      if (!type.description && !['Query', 'Mutation'].includes(type.name)) missing.push(type.name);
      if ('getValues' in type) for (const value of type.getValues()) if (!value.description) missing.push(`${type.name}.${value.name}`);
      if ('getFields' in type) {
        for (const field of Object.values(type.getFields())) if (!field.description) missing.push(`${type.name}.${field.name}`);
      }
    }
    expect(missing).toEqual([]);
    const ours = Object.values(schema.getTypeMap()).filter(
      (t) => !t.name.startsWith('__') && !isSpecifiedScalarType(t as GraphQLScalarType),
    );
    const withoutChinese = ours.filter((t) => t.description && !/[\u4e00-\u9fff]/.test(t.description));
    // The date-time and JSON scalars come from graphql-scalars with their own English descriptions.
    expect(withoutChinese.map((t) => t.name)).toEqual(['DateTime', 'JSONObject']);
  });
});

describe('migrations', () => {
  it('produce exactly the schema the entities describe (nothing left for migration:generate)', async () => {
    const pending = await t.dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('run on start and are recorded', async () => {
    // The migrations' own table is the owner's: the application's role may not even read it.
    const rows = await t.ownerDataSource.query('SELECT name FROM migrations');
    expect(rows.length).toBe(t.ownerDataSource.migrations.length);
  });
});
