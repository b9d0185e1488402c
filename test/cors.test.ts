import type { Response } from 'supertest';
import { loadConfig } from '../src/config';
import { startTestApp, TestApp, useTestApp } from './support/harness';

const ALLOWED = 'https://app.example.org';
const ALSO_ALLOWED = 'http://localhost:5173';
const OTHER = 'https://elsewhere.example.com';

const corsHeaders = (response: Response) => Object.keys(response.headers).filter((name) => name.startsWith('access-control-'));

const preflight = (t: TestApp, origin: string) =>
  t
    .http()
    .options('/graphql')
    .set('origin', origin)
    .set('access-control-request-method', 'POST')
    .set('access-control-request-headers', 'authorization, content-type, accept-language, x-request-id');

const query = (t: TestApp, origin: string) =>
  t.http().post('/graphql').set('origin', origin).set('content-type', 'application/json').send({ query: '{ __typename }' });

describe('CORS with an allow-list (CORS_ORIGINS)', () => {
  const t = useTestApp({ seed: false, env: { CORS_ORIGINS: ` ${ALLOWED}, ${ALSO_ALLOWED} ` } });

  it('answers a preflight from an allowed origin with that origin, the methods and the headers a front-end sends', async () => {
    for (const origin of [ALLOWED, ALSO_ALLOWED]) {
      const response = await preflight(t, origin);
      expect(response.status).toBe(204);
      expect(response.headers['access-control-allow-origin']).toBe(origin);
      expect(response.headers['access-control-allow-methods']).toMatch(/\bPOST\b/);
      const allowedHeaders = response.headers['access-control-allow-headers'].toLowerCase().split(/\s*,\s*/);
      expect(allowedHeaders).toEqual(expect.arrayContaining(['authorization', 'content-type', 'accept-language', 'x-request-id']));
      expect(response.headers['access-control-allow-credentials']).toBeUndefined();
      expect(response.headers.vary).toMatch(/\bOrigin\b/);
    }
  });

  it('lets an allowed origin read the answer and its request id', async () => {
    const response = await query(t, ALLOWED);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ data: { __typename: 'Query' } });
    expect(response.headers['access-control-allow-origin']).toBe(ALLOWED);
    expect(response.headers['access-control-expose-headers']).toBe('X-Request-Id');
    expect(response.headers['x-request-id']).toBeTruthy();
  });

  it('sends no CORS header to another origin, neither on a preflight nor on a request', async () => {
    const refused = await preflight(t, OTHER);
    expect(corsHeaders(refused)).toEqual([]);
    expect(refused.headers.vary).toMatch(/\bOrigin\b/);
    expect(corsHeaders(await query(t, OTHER))).toEqual([]);
  });

  it('does not treat a spelling of an allowed origin with a path or another port as allowed', async () => {
    for (const origin of [`${ALLOWED}/`, `${ALLOWED}:8443`, 'http://app.example.org', 'null']) {
      expect([origin, corsHeaders(await preflight(t, origin))]).toEqual([origin, []]);
    }
  });
});

describe('CORS by default', () => {
  it('sends no CORS header at all when CORS_ORIGINS is not set', async () => {
    const t = await startTestApp({ seed: false });
    try {
      const refused = await preflight(t, ALLOWED);
      expect(corsHeaders(refused)).toEqual([]);
      expect(refused.headers.vary ?? '').not.toMatch(/Origin/);
      const response = await query(t, ALLOWED);
      expect(response.status).toBe(200);
      expect(corsHeaders(response)).toEqual([]);
    } finally {
      await t.close();
    }
  });
});

describe('CORS_ORIGINS is checked at startup', () => {
  it('takes a comma-separated list and ignores blanks around and between the entries', () => {
    expect(loadConfig({ CORS_ORIGINS: ` ${ALLOWED} ,, ${ALSO_ALLOWED}, ` }).corsOrigins).toEqual([ALLOWED, ALSO_ALLOWED]);
    expect(loadConfig({}).corsOrigins).toEqual([]);
  });

  it.each([
    [
      'https://app.example.org/',
      /"https:\/\/app\.example\.org\/" is not an origin as browsers send it; write "https:\/\/app\.example\.org"/,
    ],
    ['https://app.example.org/path', /write "https:\/\/app\.example\.org"/],
    ['https://App.Example.org', /write "https:\/\/app\.example\.org"/],
    ['https://app.example.org:443', /write "https:\/\/app\.example\.org"/],
    ['*', /"\*" is not an http\(s\) origin/],
    ['app.example.org', /"app\.example\.org" is not an http\(s\) origin/],
    ['ftp://files.example.org', /is not an http\(s\) origin/],
  ])('refuses %s with a message that says what to write', (value, message) => {
    expect(() => loadConfig({ CORS_ORIGINS: `${ALLOWED},${value}` })).toThrow(message);
  });
});
