import { startTestApp, TestApp } from './support/harness';

/**
 * Prometheus metrics at /metrics (issue #15): requests, latency, errors and SQL statements per
 * GraphQL operation, pool use, denials per policy action and subject, and process metrics.
 */

let t: TestApp;
let guarded: TestApp;
beforeAll(async () => {
  [t, guarded] = await Promise.all([startTestApp(), startTestApp({ seed: false, env: { METRICS_TOKEN: 'scrape-secret' } })]);
});
afterAll(() => Promise.all([t.close(), guarded.close()]));

const scrape = async (app: TestApp) => (await app.http().get('/metrics')).text;
const sample = (text: string, series: string) =>
  Number(
    text
      .split('\n')
      .find((line) => line.startsWith(`${series} `))
      ?.slice(series.length + 1) ?? NaN,
  );

describe('/metrics', () => {
  it('counts each operation by name and result, with its latency and statements', async () => {
    const token = await t.login('hexi.caseworker');
    await t.gql('query Me { me { username } }', {}, token);
    await t.gql('query Me { me { username } }', {}, token);
    await t.gql('query Broken { me { nope } }', {}, token);
    const text = await scrape(t);
    expect(sample(text, 'graphql_requests_total{operation="Me",result="ok"}')).toBe(2);
    expect(sample(text, 'graphql_requests_total{operation="Broken",result="GRAPHQL_VALIDATION_FAILED"}')).toBe(1);
    expect(sample(text, 'graphql_errors_total{operation="Broken",code="GRAPHQL_VALIDATION_FAILED"}')).toBe(1);
    expect(sample(text, 'graphql_request_duration_seconds_count{operation="Me"}')).toBe(2);
    expect(sample(text, 'graphql_sql_statements_count{operation="Me"}')).toBe(2);
    expect(sample(text, 'graphql_sql_statements_sum{operation="Me"}')).toBeGreaterThan(0);
    expect(sample(text, 'http_request_duration_seconds_count{method="POST",route="/graphql",status="200"}')).toBeGreaterThanOrEqual(3);
  });

  it('counts refusals by policy action and subject', async () => {
    const refused = await t.gql(
      'mutation Grant($i: GrantDelegationInput!) { grantDelegation(input: $i) { delegation { id } } }',
      { i: { townshipCode: '510199101000', programme: 'DIBAO', effectiveFrom: '2026-12-01', documentReference: 'x' } },
      await t.login('hexi.caseworker'),
    );
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const text = await scrape(t);
    expect(sample(text, 'authorization_denials_total{action="create",subject="Delegation"}')).toBe(1);
    expect(sample(text, 'graphql_requests_total{operation="Grant",result="FORBIDDEN"}')).toBe(1);
  });

  it('reports the connection pool and the process', async () => {
    const text = await scrape(t);
    expect(sample(text, 'db_pool_connections{state="total"}')).toBeGreaterThan(0);
    expect(text).toMatch(/^process_cpu_seconds_total \d/m);
    expect(text).toMatch(/^nodejs_heap_size_used_bytes \d/m);
  });

  it('bounds the operation names a client can create', () => {
    const metrics = t.app.metrics;
    const names = Array.from({ length: 250 }, (_, i) => metrics.operationLabel(`Invented${i}`));
    expect(new Set(names).size).toBeLessThanOrEqual(201);
    expect(names.at(-1)).toBe('other');
    expect(metrics.operationLabel('bad name; drop')).toBe('invalid');
    expect(metrics.operationLabel(undefined)).toBe('anonymous');
  });

  it('asks for the token when METRICS_TOKEN is set', async () => {
    expect((await guarded.http().get('/metrics')).status).toBe(401);
    expect((await guarded.http().get('/metrics').set('authorization', 'Bearer wrong')).status).toBe(401);
    const ok = await guarded.http().get('/metrics').set('authorization', 'Bearer scrape-secret');
    expect(ok.status).toBe(200);
    expect(ok.text).toContain('graphql_requests_total');
  });
});
