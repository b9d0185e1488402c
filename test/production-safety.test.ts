import crypto from 'node:crypto';
import { loadConfig } from '../src/config';
import { useTestApp } from './support/harness';

/**
 * Production-safe by default (issue #10, item 3): without NODE_ENV=development no stack trace, no
 * internal error text and no debug header leaves the server; a body that is not JSON gets a coded
 * JSON answer; every response carries the security headers, GraphiQL's page a policy its own inline
 * script passes.
 */

const t = useTestApp({ seed: true, development: false });

it('is development mode only when NODE_ENV=development says so', () => {
  expect(loadConfig({}).development).toBe(false);
  expect(loadConfig({ NODE_ENV: 'test' }).development).toBe(false);
  expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) }).development).toBe(false);
  expect(loadConfig({ NODE_ENV: 'development' }).development).toBe(true);
});

describe('outside development mode', () => {
  it('sends no x-sql-statements header', async () => {
    const result = await t.gql('{ publicNotices { maskedName } }');
    expect(result.errors).toBeUndefined();
    expect(result.response.headers['x-sql-statements']).toBeUndefined();
  });

  it('hides the text and stack of an unexpected error', async () => {
    const failing = jest
      .spyOn(t.app.services.notices, 'list')
      .mockRejectedValue(new Error('relation "secret_table" at /srv/app/src/notice.ts:12'));
    try {
      const result = await t.gql('{ publicNotices { maskedName } }');
      expect(result.errors![0].extensions).toMatchObject({ code: 'INTERNAL_SERVER_ERROR', messageKey: 'internal.error' });
      expect(JSON.stringify(result.response.body)).not.toMatch(/secret_table|\.ts|stacktrace|detail/);
    } finally {
      failing.mockRestore();
    }
  });

  it('answers a body that is not JSON with coded JSON, not an HTML stack trace', async () => {
    const response = await t.http().post('/graphql').set('content-type', 'application/json').send('{"query": "{ __typename }"');
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toMatch(/application\/json/);
    expect(response.body.errors[0].extensions).toMatchObject({ code: 'BAD_REQUEST', messageKey: 'request.malformedJson' });
    expect(response.text).not.toMatch(/<html|<pre>|node_modules|at /i);
  });

  it('answers an unknown path with coded JSON', async () => {
    const response = await t.http().get('/no/such/path');
    expect(response.status).toBe(404);
    expect(response.body.errors[0].extensions).toMatchObject({ code: 'NOT_FOUND', messageKey: 'request.noSuchPath' });
  });
});

describe('security headers', () => {
  const expectHeaders = (headers: Record<string, string>, path: string) => {
    expect([path, headers['x-content-type-options']]).toEqual([path, 'nosniff']);
    expect([path, headers['content-security-policy']]).toEqual([path, expect.stringContaining("frame-ancestors 'none'")]);
    expect([path, headers['x-frame-options']]).toEqual([path, 'DENY']);
  };

  it('are on every response: GraphQL, health, GraphiQL and its assets, refusals and errors', async () => {
    expectHeaders((await t.gql('{ __typename }')).response.headers, '/graphql');
    expectHeaders((await t.gql('{ noSuchField }')).response.headers, '/graphql (refused)');
    for (const path of ['/healthz', '/readyz', '/graphiql', '/graphiql/assets/graphiql.js', '/no/such/path']) {
      expectHeaders((await t.http().get(path)).headers, path);
    }
    const malformed = await t.http().post('/graphql').set('content-type', 'application/json').send('{');
    expectHeaders(malformed.headers, '/graphql (malformed)');
    expect((await t.http().get('/graphql?query={__typename}')).headers['content-security-policy']).toContain("default-src 'none'");
  });

  it("let GraphiQL's page run: its inline script is allowed by hash, everything else comes from this server", async () => {
    const response = await t.http().get('/graphiql');
    const policy = Object.fromEntries(
      response.headers['content-security-policy'].split('; ').map((directive) => {
        const [name, ...values] = directive.split(' ');
        return [name, values];
      }),
    );
    const inline = [...response.text.matchAll(/<script>([\s\S]*?)<\/script>/g)].map(([, body]) => body);
    expect(inline.length).toBeGreaterThan(0);
    for (const body of inline) {
      expect(policy['script-src']).toContain(`'sha256-${crypto.createHash('sha256').update(body).digest('base64')}'`);
    }
    expect(policy['script-src']).not.toContain("'unsafe-inline'");
    expect(policy['script-src']).not.toContain("'unsafe-eval'");
    expect(policy['connect-src']).toEqual(["'self'"]);
    // Inline event handlers and javascript: URLs would be blocked by this policy: the page has none.
    expect(response.text).not.toMatch(/\son[a-z]+=|javascript:/i);
    for (const [, src] of response.text.matchAll(/<script src="([^"]+)"/g)) expect(src).toMatch(/^\/graphiql\/assets\//);
  });
});
