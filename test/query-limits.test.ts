import { loadConfig } from '../src/config';
import { startTestApp, useTestApp } from './support/harness';

/**
 * What one request may cost (issue #10, item 1): the crash query, alias and directive floods, huge
 * documents, huge bodies and slow requests are refused with coded answers naming the limit and its
 * setting, and the server stays up.
 */

const t = useTestApp({ demo: true });

const nested = (levels: number): string => `members { id ${levels > 1 ? `household { ${nested(levels - 1)} }` : ''} }`;
const CRASH = `{ households(first: 100) { nodes { ${nested(5)} } } }`;

async function expectHealthy() {
  const result = await t.gql('{ publicNotices { maskedName } }');
  expect(result.errors).toBeUndefined();
}

describe('query cost', () => {
  it('refuses the nested members crash query of a village assistant with the cost and MAX_QUERY_COST', async () => {
    const result = await t.gql(CRASH, {}, await t.login('va.101201'));
    expect(result.status).toBe(400);
    expect(result.errors![0].extensions).toMatchObject({
      code: 'GRAPHQL_VALIDATION_FAILED',
      messageKey: 'request.tooCostly',
      params: { max: 50_000 },
    });
    expect(result.errors![0].extensions!.params).toHaveProperty('cost');
    expect(result.errors![0].message).toContain('MAX_QUERY_COST');
    await expectHealthy();
  });

  it('counts page sizes given as variables', async () => {
    const query = `query($n: Int) { households(first: $n) { nodes { members { id name household { members { id name } } } } } }`;
    const token = await t.login('va.101201');
    expect((await t.gql(query, { n: 2 }, token)).errors).toBeUndefined();
    const large = await t.gql(query, { n: 100 }, token);
    expect(large.errors![0].extensions).toMatchObject({ messageKey: 'request.tooCostly' });
  });

  it('lets GraphiQL introspect the schema (introspection costs nothing)', async () => {
    const { getIntrospectionQuery } = await import('graphql');
    const result = await t.gql(getIntrospectionQuery());
    expect(result.errors).toBeUndefined();
  });
});

describe('aliases, directives and tokens', () => {
  const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `n${i}: publicNotices { maskedName }`).join(' ')} }`;

  it('answers 30 aliases of publicNotices and refuses 31, anonymously, naming MAX_QUERY_ALIASES', async () => {
    expect((await t.gql(aliases(30))).errors).toBeUndefined();
    const flood = await t.gql(aliases(31));
    expect(flood.status).toBe(400);
    expect(flood.errors![0].extensions).toMatchObject({
      code: 'GRAPHQL_VALIDATION_FAILED',
      messageKey: 'request.tooManyAliases',
      params: { found: 31, max: 30 },
    });
    expect(flood.errors![0].message).toContain('MAX_QUERY_ALIASES');
    await expectHealthy();
  });

  it('refuses more directives than MAX_QUERY_DIRECTIVES', async () => {
    const query = `{ ${Array.from({ length: 31 }, () => '__typename @include(if: true)').join(' ')} }`;
    const result = await t.gql(query);
    expect(result.status).toBe(400);
    expect(result.errors!.map((e) => e.extensions!.messageKey)).toContain('request.tooManyDirectives');
  });

  it('stops parsing a document of more than MAX_QUERY_TOKENS tokens', async () => {
    const result = await t.gql(`{ ${'__typename '.repeat(6000)} }`);
    expect(result.status).toBe(400);
    expect(result.errors![0].extensions).toMatchObject({ code: 'GRAPHQL_PARSE_FAILED' });
    expect(result.errors![0].message).toContain('5000');
  });
});

describe('request size and time', () => {
  it('refuses a body over MAX_REQUEST_BYTES with coded JSON (413)', async () => {
    const response = await t
      .http()
      .post('/graphql')
      .set('content-type', 'application/json')
      .send({ query: `{ __typename }`, variables: { padding: 'x'.repeat(200 * 1024) } });
    expect(response.status).toBe(413);
    expect(response.headers['content-type']).toMatch(/json/);
    expect(response.body.errors[0].extensions).toMatchObject({
      code: 'BAD_REQUEST',
      messageKey: 'request.bodyTooLarge',
      params: { max: 102400 },
    });
  });

  it('answers REQUEST_TIMEOUT (503) when a request outlasts REQUEST_TIMEOUT_MS, and keeps serving', async () => {
    const slow = await startTestApp({ env: { REQUEST_TIMEOUT_MS: '5' } });
    try {
      // A sign-in hashes the password (tens of milliseconds), well past 5 ms.
      const response = await slow
        .http()
        .post('/graphql')
        .set('content-type', 'application/json')
        .send({ query: 'mutation { login(username: "hexi.head", password: "wrong-password") { token } }' });
      expect(response.status).toBe(503);
      expect(response.body.errors[0].extensions).toMatchObject({
        code: 'REQUEST_TIMEOUT',
        messageKey: 'request.timedOut',
        params: { ms: 5 },
      });
      expect((await slow.http().get('/healthz')).status).toBe(200);
    } finally {
      await slow.close();
    }
  });

  it('takes every limit from the environment', () => {
    const config = loadConfig({
      MAX_QUERY_COST: '7',
      MAX_QUERY_ALIASES: '3',
      MAX_QUERY_DIRECTIVES: '4',
      MAX_QUERY_TOKENS: '100',
      QUERY_LIST_SIZE_ESTIMATE: '9',
      MAX_REQUEST_BYTES: '2048',
      REQUEST_TIMEOUT_MS: '1000',
    });
    expect(config).toMatchObject({
      maxQueryCost: 7,
      maxQueryAliases: 3,
      maxQueryDirectives: 4,
      maxQueryTokens: 100,
      queryListSizeEstimate: 9,
      maxRequestBytes: 2048,
      requestTimeoutMs: 1000,
    });
  });
});
