import { PendingAudit } from '../src/auth/caller';
import { defineAbilityFor } from '../permissions/ability';
import { codeOf, useTestApp } from './support/harness';
import { as } from './support/workflow';

/**
 * The audit log is complete (D§12, issue #10 item 4): an attempt on an existing row outside the
 * caller's scope is answered NOT_FOUND but logged as denied; the flush writes in chunks, and a note
 * that cannot be written as queued neither fails the answer nor takes the other notes with it.
 */

const t = useTestApp({ demo: true });

const rawId = (globalId: string) => Buffer.from(globalId, 'base64url').toString().split(':').pop()!;
const deniedOn = (id: string) =>
  t.dataSource.query<{ actor_username: string; action: string; details: { answered?: string } | null }[]>(
    `SELECT actor_username, action, details FROM audit_log WHERE kind = 'DENIED' AND subject_id = $1`,
    [id],
  );

describe('an attempt on a row outside the scope, answered NOT_FOUND (D§12)', () => {
  let shiqiaoCase: { id: string; version: number };
  beforeAll(async () => {
    shiqiaoCase = (await as(t, 'shiqiao.caseworker', '{ cases(first: 1) { nodes { id version } } }')).cases.nodes[0];
  });

  it.each([
    {
      attempt: 'node(id) of another township’s case',
      query: 'query($id: ID!) { node(id: $id) { id } }',
      variables: (c: typeof shiqiaoCase) => ({ id: c.id }),
      action: 'read',
    },
    {
      attempt: 'a step on another township’s case',
      query: 'mutation($i: AcceptCaseInput!) { acceptCase(input: $i) { case { id } } }',
      variables: (c: typeof shiqiaoCase) => ({ i: { caseId: c.id, version: c.version } }),
      action: 'accept',
    },
  ])('$attempt: NOT_FOUND to the caller, DENIED in the log', async ({ query, variables, action }) => {
    const result = await t.gql(query, variables(shiqiaoCase), await t.login('hexi.caseworker'));
    expect(codeOf(result)).toBe('NOT_FOUND');
    expect(await deniedOn(rawId(shiqiaoCase.id))).toContainEqual({
      actor_username: 'hexi.caseworker',
      action,
      details: { answered: 'NOT_FOUND' },
    });
  });

  it('an id that names no row is answered the same way and logs nothing', async () => {
    const absent = Buffer.from('Case:510199000000:00000000-0000-4000-8000-000000000000').toString('base64url');
    expect(codeOf(await t.gql('query($id: ID!) { node(id: $id) { id } }', { id: absent }, await t.login('hexi.caseworker')))).toBe(
      'NOT_FOUND',
    );
    expect(await deniedOn('00000000-0000-4000-8000-000000000000')).toEqual([]);
  });
});

describe('the flush', () => {
  const callerWith = (notes: number, bad?: number) => {
    const audit = new PendingAudit();
    for (let i = 0; i < notes; i++) {
      audit.queue({
        kind: 'READ_PERSONAL_DATA',
        action: 'read',
        subjectType: 'Person',
        subjectId: `flush-${i}`,
        field: 'idNumber',
        // A district code the column cannot hold, so that its insert fails.
        districtCode: i === bad ? (null as unknown as string) : '510199000000',
      });
    }
    return { actor: null, authMethod: null, ability: defineAbilityFor(null), requestId: crypto.randomUUID(), clientAddress: 'test', audit };
  };
  const written = async (requestId: string) =>
    (await t.dataSource.query('SELECT count(*)::int AS n FROM audit_log WHERE request_id = $1', [requestId]))[0].n as number;

  it('writes 6,000 personal-field reads of one request (beyond the bind-parameter limit of one statement)', async () => {
    const caller = callerWith(6000);
    await t.app.services.audit.flush(caller);
    expect(await written(caller.requestId)).toBe(6000);
  });

  it('a note that cannot be written loses no other note and does not throw', async () => {
    const caller = callerWith(1500, 700);
    await expect(t.app.services.audit.flush(caller)).resolves.toBeUndefined();
    expect(await written(caller.requestId)).toBe(1499);
  });

  it('a refused attempt with an argument no column holds still answers FORBIDDEN, and is logged', async () => {
    const crafted = '5'.repeat(200);
    const result = await t.gql(
      'query($d: String!) { verifyAuditChain(districtCode: $d) { ok } }',
      { d: crafted },
      await t.login('auditor'),
    );
    expect(result.status).toBe(200);
    expect(codeOf(result)).toBe('FORBIDDEN');
    const [{ n }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE kind = 'DENIED' AND actor_username = 'auditor' AND district_code = $1`,
      [crafted.slice(0, 12)],
    );
    expect(n).toBe(1);
  });
});
