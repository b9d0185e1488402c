import fs from 'node:fs';
import path from 'node:path';
import { GraphQLObjectType } from 'graphql';
import { buildAppSchema } from '../src/graphql/schema';
import { requirementOf } from '../src/graphql/guards';
import { renderPermissionMatrix } from '../permissions/matrix';
import { checkInvariants } from '../permissions/invariant-check';
import { workflowNeeds } from '../src/modules/policy/workflow-needs';
import { Role } from '../permissions/roles';
import { POLICY } from '../permissions/policy';
import { codeOf, useTestApp } from './support/harness';
import { OTHER_DISTRICT } from './support/fixtures';
import { householdWithCase } from './support/households';
import { setHexiCommittee } from './support/workflow';

describe('every Query and Mutation field declares what it needs', () => {
  it('has a declared requirement (Needs, Public or SignedIn) for each root field', async () => {
    const schema = await buildAppSchema();
    const undeclared: string[] = [];
    for (const root of [schema.getQueryType(), schema.getMutationType()] as GraphQLObjectType[]) {
      for (const field of Object.keys(root.getFields())) {
        if (!requirementOf(root.name as 'Query' | 'Mutation', field)) undeclared.push(`${root.name}.${field}`);
      }
    }
    expect(undeclared).toEqual([]);
  });

  // Review a change to this snapshot as a permission change, not a snapshot refresh.
  it('matches the reviewed snapshot of declared requirements', async () => {
    const schema = await buildAppSchema();
    const declared: Record<string, unknown> = {};
    for (const root of [schema.getQueryType(), schema.getMutationType()] as GraphQLObjectType[]) {
      for (const field of Object.keys(root.getFields()).sort())
        declared[`${root.name}.${field}`] = requirementOf(root.name as 'Query' | 'Mutation', field);
    }
    expect(declared).toMatchSnapshot();
  });
});

describe('the policy table as a document', () => {
  it('docs/permission-matrix.md is fresh (run npm run permissions:matrix)', () => {
    const committed = fs.readFileSync(path.join(__dirname, '..', 'docs', 'permission-matrix.md'), 'utf8');
    expect(committed).toBe(renderPermissionMatrix(checkInvariants({ workflow: workflowNeeds() })));
  });

  it('has rows citing a clause and a reason in Chinese and English for every role, with the clause outside the reason', () => {
    for (const role of Object.values(Role)) expect(POLICY.filter((g) => g.role === role).length).toBeGreaterThan(2);
    for (const grant of POLICY) {
      expect(grant.clause).toMatch(/^(P\d(\.\d)?|D§\d+)$/);
      expect(grant.reason.en.length).toBeGreaterThan(10);
      expect(grant.reason.zh).toMatch(/^[\u4e00-\u9fff（].{5,}。$/);
      expect(`${grant.reason.zh} ${grant.reason.en}`).not.toMatch(/\b(P\d(\.\d)?|D§\d+)\b/);
      if (grant.when) expect(grant.when.text.zh).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});

describe('the audit API over HTTP', () => {
  const t = useTestApp({ fixture: OTHER_DISTRICT });
  let hexiCase: { id: string };
  let idOf: (username: string) => Promise<string>;

  beforeAll(async () => {
    hexiCase = (await householdWithCase(t, 'va.101201', '510199101201')).case;
    // Hexi takes up the district's delegations (D§13): its head decides, the district may not (P1).
    await setHexiCommittee(t);
    idOf = async (username) => {
      const result = await t.gql('{ accounts(first: 100) { nodes { id username } } }', {}, await t.login('admin'));
      return result.data!.accounts.nodes.find((a: { username: string }) => a.username === username).id;
    };
  });

  it("permissionMatrix(role) lists every grant of the role with clause and reason, in the request's language", async () => {
    const query = '{ permissionMatrix(role: DISTRICT_OFFICER) { role action subject scope effect clause reason } }';
    const result = await t.gql(query, {}, await t.login('va.101201'));
    const rows = result.data!.permissionMatrix;
    expect(rows.length).toBe(POLICY.filter((g) => g.role === Role.DISTRICT_OFFICER).length);
    const p1 = POLICY.find((g) => g.role === Role.DISTRICT_OFFICER && g.clause === 'P1')!;
    expect(rows).toContainEqual({
      role: 'DISTRICT_OFFICER',
      action: 'decide',
      subject: 'Case',
      scope: '本区',
      effect: 'DENY',
      clause: 'P1',
      reason: p1.reason.zh,
    });
    const english = (await t.gql(query, {}, await t.login('va.101201'), { 'accept-language': 'en-GB, zh;q=0.5' })).data!.permissionMatrix;
    expect(english).toContainEqual(expect.objectContaining({ scope: 'own district', clause: 'P1', reason: p1.reason.en }));
    const all = await t.gql('{ permissionMatrix { role } }', {}, await t.login('va.101201'));
    expect(new Set(all.data!.permissionMatrix.map((r: { role: string }) => r.role))).toEqual(new Set(Object.values(Role)));
  });

  it('permissionMatrix is refused to anonymous callers', async () => {
    expect(codeOf(await t.gql('{ permissionMatrix { role } }'))).toBe('UNAUTHENTICATED');
  });

  it('explainPermission tells the district officer why it may not decide a township case', async () => {
    const result = await t.gql(
      `query($id: ID!) { explainPermission(action: decide, subjectType: Case, subjectId: $id) {
      allowed message heldFor decidingGrant { role clause effect reason } } }`,
      { id: hexiCase.id },
      await t.login('district.officer'),
    );
    expect(result.data!.explainPermission).toMatchObject({
      allowed: false,
      heldFor: '510199000000',
      decidingGrant: { role: 'DISTRICT_OFFICER', clause: 'P1', effect: 'DENY' },
    });
  });

  it('explainPermission names the failed condition for another account, for a district officer', async () => {
    const query = `query($id: ID!, $a: ID!) { explainPermission(action: read, subjectType: Case, subjectId: $id, accountId: $a) {
      allowed username failedConditions } }`;
    const variables = { id: hexiCase.id, a: await idOf('va.101202') };
    const result = await t.gql(query, variables, await t.login('district.officer'), { 'accept-language': 'en' });
    expect(result.data!.explainPermission.allowed).toBe(false);
    expect(result.data!.explainPermission.username).toBe('va.101202');
    expect(result.data!.explainPermission.failedConditions).toEqual([
      'VILLAGE_ASSISTANT held for 510199101202: villageCode must be "510199101202" but is "510199101201"',
    ]);
    const inChinese = await t.gql(query, variables, await t.login('district.officer'));
    expect(inChinese.data!.explainPermission.failedConditions).toEqual([
      'VILLAGE_ASSISTANT（授权区划 510199101202）：villageCode 应为 "510199101202"，实际为 "510199101201"',
    ]);
  });

  it('explainPermission for another account is refused to those who may only explain themselves', async () => {
    const other = await idOf('hexi.caseworker2');
    const refused = await t.gql(
      'query($a: ID!) { explainPermission(action: read, subjectType: Case, accountId: $a) { allowed } }',
      { a: other },
      await t.login('hexi.head'),
    );
    expect(codeOf(refused)).toBe('FORBIDDEN');
    const outOfSight = await t.gql(
      'query($a: ID!) { explainPermission(action: read, subjectType: Case, accountId: $a) { allowed } }',
      { a: other },
      await t.login('va.101201'),
    );
    expect(codeOf(outOfSight)).toBe('NOT_FOUND');
  });

  it('explainPermission answers NOT_FOUND about a row the caller cannot see', async () => {
    const result = await t.gql(
      'query($id: ID!) { explainPermission(action: read, subjectType: Case, subjectId: $id) { allowed } }',
      { id: hexiCase.id },
      await t.login('va.101202'),
    );
    expect(codeOf(result)).toBe('NOT_FOUND');
  });

  const WHO_CAN_DECIDE =
    'query($id: ID!) { whoCan(action: decide, subjectType: Case, subjectId: $id) { account { username } heldFor grant { clause } } }';

  it('whoCan(decide) on a Hexi case names the Hexi head only, never the district', async () => {
    const result = await t.gql(WHO_CAN_DECIDE, { id: hexiCase.id }, await t.login('district.officer'));
    expect(result.data!.whoCan).toEqual([{ account: { username: 'hexi.head' }, heldFor: '510199101000', grant: { clause: 'P3.1' } }]);
  });

  it('refuses the auditor whoCan(decide) and explanations of a vote on a case: they hang on kin declarations it may not read (P6.3, D§12)', async () => {
    const auditor = await t.login('auditor');
    const who = await t.gql(WHO_CAN_DECIDE, { id: hexiCase.id }, auditor);
    expect(codeOf(who)).toBe('FORBIDDEN');
    expect(who.errors![0].message).toBe('无法说明：答案取决于您无权查看的数据（kinStaffIds）。');
    const explained = await t.gql(
      'query($id: ID!, $a: ID!) { explainPermission(action: vote, subjectType: Case, subjectId: $id, accountId: $a) { allowed } }',
      { id: hexiCase.id, a: await idOf('hexi.member1') },
      auditor,
    );
    expect(codeOf(explained)).toBe('FORBIDDEN');
    // what reads nothing hidden is still answered: who may read the case
    const readers = await t.gql(
      'query($id: ID!) { whoCan(action: read, subjectType: Case, subjectId: $id) { account { username } } }',
      {
        id: hexiCase.id,
      },
      auditor,
    );
    expect(readers.data!.whoCan.length).toBeGreaterThan(0);
    // the member itself may ask about its own vote: its kin declarations are its own
    const own = await t.gql(
      'query($id: ID!) { explainPermission(action: vote, subjectType: Case, subjectId: $id) { allowed } }',
      { id: hexiCase.id },
      await t.login('hexi.member1'),
    );
    expect(own.data!.explainPermission.allowed).toBe(true);
  });

  it('whoCan(read) on a Hexi case lists the village, township and district readers of that case only', async () => {
    const result = await t.gql(
      'query($id: ID!) { whoCan(action: read, subjectType: Case, subjectId: $id) { account { username } } }',
      { id: hexiCase.id },
      await t.login('district.officer'),
    );
    const names = result.data!.whoCan.map((e: { account: { username: string } }) => e.account.username).sort();
    expect(names).toEqual([
      'auditor',
      'district.officer',
      'hexi.caseworker',
      'hexi.caseworker2',
      'hexi.caseworker3',
      'hexi.head',
      'hexi.member1',
      'hexi.member2',
      'hexi.member3',
      'hexi.member4',
      'va.101201',
    ]);
  });

  it('writes refused attempts to the audit log, which the database keeps append-only', async () => {
    const refused = await t.gql('{ auditLog { totalCount } }', {}, await t.login('va.101203'));
    expect(codeOf(refused)).toBe('FORBIDDEN');
    const log = await t.gql(
      '{ auditLog(filter: { kind: DENIED, actorUsername: "va.101203" }) { nodes { action subjectType reason } } }',
      {},
      await t.login('auditor'),
    );
    expect(log.data!.auditLog.nodes).toEqual([
      { action: 'read', subjectType: 'AuditEntry', reason: expect.stringMatching(/deny by default/) },
    ]);
    await expect(t.ownerDataSource.query("UPDATE audit_log SET reason = 'edited'")).rejects.toThrow(/append-only/);
    await expect(t.ownerDataSource.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
    await expect(t.ownerDataSource.query('DELETE FROM case_events')).rejects.toThrow(/append-only/);
  });

  it("keeps one district's audit log from the other", async () => {
    const token = await t.login('other.officer');
    const log = await t.gql('{ auditLog(first: 100) { totalCount nodes { districtCode } } }', {}, token);
    expect(log.data!.auditLog.nodes.every((e: { districtCode: string }) => e.districtCode === '510198000000')).toBe(true);
    const [{ n }] = await t.dataSource.query("SELECT count(*)::int AS n FROM audit_log WHERE district_code = '510198000000'");
    expect(log.data!.auditLog.totalCount).toBe(n);
  });
});
