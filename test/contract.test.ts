import { monthFromNow, payHexiMonth, proposeInstitutionAccountChange } from './support/funds';
import { getNamedType, GraphQLObjectType, isInputObjectType, isInterfaceType, isNonNullType, isObjectType } from 'graphql';
import { buildAppSchema } from '../src/graphql/schema';
import { NODE_FETCHERS } from '../src/graphql/node-fetchers';
import { fromGlobalIdOrThrow } from '../src/graphql/node';
import { TRANSITIONS } from '../src/modules/case/workflow';
import { codeOf, useTestApp } from './support/harness';
import { idNumber } from './support/households';
import {
  ALL_APPROVE,
  apply,
  as,
  meetingWithVotes,
  prepareForReview,
  reportChangeAndKeep,
  setHexiCommittee,
  stepOk,
  throughNotice,
} from './support/workflow';

/**
 * The API contract every module follows (issue #7): one id scheme, one input and a payload per
 * mutation, every identity refetchable through `node(id)`.
 */
const t = useTestApp();

describe('the schema', () => {
  it('gives every mutation but login one `input` argument of its own input type, and a payload of its own', async () => {
    const mutations = Object.values((await buildAppSchema()).getMutationType()!.getFields()).filter((m) => m.name !== 'login');
    const shapes = mutations.map((m) => {
      const upper = m.name[0].toUpperCase() + m.name.slice(1);
      const [arg] = m.args;
      return {
        name: m.name,
        args: m.args.map((a) => a.name),
        input: arg && isNonNullType(arg.type) && isInputObjectType(arg.type.ofType) ? arg.type.ofType.name : null,
        payload: isNonNullType(m.type) ? getNamedType(m.type).name : null,
        expected: { input: `${upper}Input`, payload: `${upper}Payload` },
      };
    });
    expect(shapes.filter((s) => s.args.join() !== 'input' || s.input !== s.expected.input || s.payload !== s.expected.payload)).toEqual([]);
  });

  it('returns the case from every workflow step', async () => {
    const schema = await buildAppSchema();
    for (const transition of TRANSITIONS) {
      const payload = getNamedType(schema.getMutationType()!.getFields()[transition.step].type) as GraphQLObjectType;
      expect([transition.step, getNamedType(payload.getFields().case?.type)?.toString()]).toEqual([transition.step, 'Case']);
    }
  });

  it('makes every type with an `id` a Node, and knows how to refetch each', async () => {
    const schema = await buildAppSchema();
    const objects = Object.values(schema.getTypeMap()).filter(
      (type): type is GraphQLObjectType => isObjectType(type) && !type.name.startsWith('__'),
    );
    const withId = objects.filter((type) => type.getFields().id);
    expect(withId.filter((type) => !type.getInterfaces().some((i) => i.name === 'Node')).map((type) => type.name)).toEqual([]);
    const nodes = schema
      .getPossibleTypes(schema.getType('Node') as never)
      .map((type) => type.name)
      .sort();
    expect(Object.keys(NODE_FETCHERS).sort()).toEqual(nodes);
    expect(isInterfaceType(schema.getType('Node'))).toBe(true);
  });

  it('uses no Float: money is Decimal, counts are Int', async () => {
    const schema = await buildAppSchema();
    const floats: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || !('getFields' in type)) continue;
      for (const field of Object.values((type as GraphQLObjectType).getFields())) {
        if (getNamedType(field.type).name === 'Float') floats.push(`${type.name}.${field.name}`);
        for (const arg of 'args' in field ? field.args : [])
          if (getNamedType(arg.type).name === 'Float') floats.push(`${type.name}.${field.name}(${arg.name})`);
      }
    }
    expect(floats).toEqual([]);
  });
});

describe('node(id)', () => {
  /** Every id the given reader finds, keyed by the type the API says it is. */
  async function idsSeenBy(username: string, query: string): Promise<Map<string, string>> {
    const result = await as(t, username, query);
    const found = new Map<string, string>();
    const walk = (value: unknown): void => {
      if (Array.isArray(value)) return value.forEach(walk);
      if (value && typeof value === 'object') {
        const record = value as Record<string, unknown>;
        if (typeof record.id === 'string' && typeof record.__typename === 'string') found.set(record.__typename, record.id);
        Object.values(record).forEach(walk);
      }
    };
    walk(result);
    return found;
  }

  it('refetches one object of every Node type, for a caller who may see it, by the id the API gave', async () => {
    // One of everything: a case through objection, appraisal, approval, delivery, filing and a spot check.
    await setHexiCommittee(t);
    const { case: applied } = await apply(t, 'DIBAO', { head: '全景户' });
    await prepareForReview(t, applied.id);
    await stepOk(t, 'hexi.head', 'concludeReview', applied.id, { meetingId: await meetingWithVotes(t, [applied.id], ALL_APPROVE) });
    await stepOk(t, 'va.101201', 'raiseObjection', applied.id, { objector: '村民', content: '家有商铺' });
    await as(
      t,
      'va.101201',
      'mutation($c: ID!) { recordAppraisal(input: { caseId: $c, heldOn: "2026-11-26", participants: 9, supported: true, minutes: "商铺已关闭" }) { appraisal { id } } }',
      { c: applied.id },
    );
    await stepOk(t, 'va.101201', 'returnToReview', applied.id, { note: '评议支持' });
    await throughNotice(t, [applied.id]);
    await stepOk(t, 'hexi.head', 'approveCase', applied.id);
    await as(
      t,
      'va.101201',
      'mutation($c: ID!) { recordDelivery(input: { caseId: $c, deliveredOn: "2026-11-27", recipient: "本人" }) { delivery { id } } }',
      { c: applied.id },
    );
    await stepOk(t, 'hexi.caseworker', 'fileCase', applied.id);
    // The enrolled payee's new bank account, waiting for a second account (D§10).
    const { household } = (await as(t, 'hexi.caseworker', 'query($c: ID!) { case(id: $c) { household { id } } }', { c: applied.id })).case;
    await as(
      t,
      'va.101201',
      'mutation($i: ProposeBankAccountChangeInput!) { proposeBankAccountChange(input: $i) { bankAccountChange { id } } }',
      { i: { householdId: household.id, bankName: '农商银行', bankAccount: '6228480000555566668', reason: '原卡挂失' } },
    );
    await as(t, 'district.officer', 'mutation { drawSpotCheckSample(input: {}) { draw { id } } }');
    await stepOk(t, 'district.officer', 'spotCheck', applied.id, { outcome: 'CONFIRMED', findings: '入户核实无误' });
    await as(t, 'hexi.member1', 'mutation($i: DeclareKinInput!) { declareKin(input: $i) { kinDeclaration { id } } }', {
      i: { name: '亲属', idNumber: idNumber('19800808', 556), relation: 'SPOUSE' },
    });
    await as(
      t,
      'auditor',
      'mutation { recordAuditFinding(input: { severity: OBSERVATION, title: "抽样", body: "ok" }) { auditFinding { id } } }',
    );
    const [enrolment] = (await as(t, 'poverty', '{ enrolments { nodes { id } } }')).enrolments.nodes;
    await as(
      t,
      'poverty',
      'mutation($e: ID!) { linkDevelopmentSupport(input: { enrolmentId: $e, measure: "技能培训" }) { developmentLink { id } } }',
      { e: enrolment.id },
    );
    await as(t, 'dept.tax', 'mutation { createApiKey(input: { name: "k" }) { apiKey { id } } }');
    await reportChangeAndKeep(t, enrolment.id);
    // A notice still running (its id is what a petition cites), and a petition (D§12).
    const { case: noticed } = await apply(t, 'DIBAO', { head: '公示户' });
    await prepareForReview(t, noticed.id);
    await stepOk(t, 'hexi.head', 'concludeReview', noticed.id, { meetingId: await meetingWithVotes(t, [noticed.id], ALL_APPROVE) });
    await as(t, 'district.officer', 'mutation($i: SubmitPetitionInput!) { submitPetition(input: $i) { reference } }', {
      i: { kind: 'COMPLAINT', caseId: noticed.id, title: '合同', content: '内容' },
    });
    const { createInstitutionPayee } = await as(
      t,
      'hexi.caseworker',
      'mutation($i: CreateInstitutionPayeeInput!) { createInstitutionPayee(input: $i) { institutionPayee { id } } }',
      {
        i: { townshipCode: '510199101000', name: '河西镇敬老院', bankName: '农村信用社', bankAccount: '6230000011112222333' },
      },
    );
    // The institution's new account, waiting for a second account (D§10).
    await proposeInstitutionAccountChange(t, 'hexi.caseworker', createInstitutionPayee.institutionPayee.id);
    await payHexiMonth(t, monthFromNow(1));
    // A district proposed by one province operator, waiting for a second (D§14).
    await as(
      t,
      'province.operator',
      'mutation { proposeDistrict(input: { regionCode: "510196000000", name: "新区", adminUsername: "xinqu.admin", adminDisplayName: "新区管理员" }) { proposal { id } } }',
    );

    const readers: [string, string][] = [
      [
        'district.officer',
        `{ cases(first: 100) { nodes { __typename id events { __typename id } investigations { __typename id } incomeAccountings { __typename id }
          appraisals { __typename id } objections { __typename id } deliveries { __typename id } spotChecks { __typename id }
          household { __typename id members { __typename id } } } }
        meetings { nodes { __typename id } } committees { __typename id } verificationRequests { nodes { __typename id } }
        verificationAnswers { nodes { __typename id } } kinDeclarations { nodes { __typename id } }
        enrolments { nodes { __typename id history { __typename id } reviews { __typename id } changeReports { __typename id } } }
        auditFindings { nodes { __typename id } } developmentLinks { nodes { __typename id } } auditLog(first: 1) { nodes { __typename id } }
        delegations(first: 1) { nodes { __typename id } } petitions(first: 1) { nodes { __typename id } } publicNotices { __typename id }
        rosters { nodes { __typename id lines { nodes { __typename id } } } } fundRequests { nodes { __typename id } }
        institutionPayees { nodes { __typename id } }
        paymentBatches { nodes { __typename id } } payments { nodes { __typename id } }
        workPlans(first: 1) { nodes { __typename id } } spotCheckDraws(first: 1) { nodes { __typename id pool { __typename id } } }
        regions { __typename id } accounts(first: 1) { nodes { __typename id } } }`,
      ],
      ['admin', '{ apiKeys { nodes { __typename id } } roleGrants(first: 1) { nodes { __typename id } } }'],
      [
        'hexi.caseworker',
        '{ bankAccountChanges(first: 1) { nodes { __typename id } } institutionAccountChanges(first: 1) { nodes { __typename id } } }',
      ],
      ['province.operator', '{ districtProposals(first: 1) { nodes { __typename id } } }'],
    ];
    const seen = new Map<string, { id: string; reader: string }>();
    for (const [reader, query] of readers) {
      for (const [type, id] of await idsSeenBy(reader, query)) if (!seen.has(type)) seen.set(type, { id, reader });
    }
    const schema = await buildAppSchema();
    const nodeTypes = schema
      .getPossibleTypes(schema.getType('Node') as never)
      .map((type) => type.name)
      .sort();
    expect([...seen.keys()].sort()).toEqual(nodeTypes);
    for (const [type, { id, reader }] of seen) {
      expect(fromGlobalIdOrThrow(id).type).toBe(type);
      const again = await as(t, reader, 'query($id: ID!) { node(id: $id) { __typename id } }', { id });
      expect([type, again.node]).toEqual([type, { __typename: type, id }]);
    }
  });

  it('names the subject of every change in the audit log by a global id when its subject is a Node type', async () => {
    const schema = await buildAppSchema();
    const nodeTypes = new Set(schema.getPossibleTypes(schema.getType('Node') as never).map((type) => type.name));
    const log: { subjectType: string; subjectId: string | null }[] = [];
    for (let after: string | null = null, more = true; more;) {
      const page: { nodes: typeof log; pageInfo: { endCursor: string | null; hasNextPage: boolean } } = (
        await as(
          t,
          'district.officer',
          'query($after: String) { auditLog(first: 100, after: $after, filter: { kind: CHANGE }) { nodes { subjectType subjectId } pageInfo { endCursor hasNextPage } } }',
          { after },
        )
      ).auditLog;
      log.push(...page.nodes);
      ({ endCursor: after, hasNextPage: more } = page.pageInfo);
    }
    const named = log.filter((entry) => nodeTypes.has(entry.subjectType === 'Committee' ? 'CommitteeView' : entry.subjectType));
    expect(named.map((entry) => entry.subjectType)).toContain('Delegation');
    expect(named.filter((entry) => entry.subjectId === null)).toEqual([]);
  });

  it("is NOT_FOUND for an object outside the caller's scope, as for one that does not exist", async () => {
    const [answer] = (await as(t, 'district.officer', '{ verificationAnswers(first: 1) { nodes { id } } }')).verificationAnswers.nodes;
    const result = await t.gql('query($id: ID!) { node(id: $id) { id } }', { id: answer.id }, await t.login('va.101201'));
    expect([result.data?.node, codeOf(result)]).toEqual([null, 'NOT_FOUND']);
  });
});

describe('ids inside errors', () => {
  it('name an earlier case by the global id that case(id:) accepts', async () => {
    const { case: first, household } = await apply(t, 'LINSHI', { head: '重复事由', cause: '火灾 (house fire)', emergency: true });
    await as(t, 'hexi.head', 'mutation($i: DecideEmergencyPaymentInput!) { decideEmergencyPayment(input: $i) { case { id } } }', {
      i: { caseId: first.id, amount: '800.00' },
    });
    await stepOk(t, 'hexi.caseworker', 'emergencyPay', first.id, { amount: '800.00' });
    const repeat = await t.gql(
      'mutation($input: SubmitApplicationInput!) { submitApplication(input: $input) { case { id } } }',
      {
        input: { householdId: household.id, programme: 'LINSHI', channel: 'WINDOW', cause: '火灾 (house fire)', causeCategory: 'FIRE' },
      },
      await t.login('va.101201'),
    );
    expect(codeOf(repeat)).toBe('CONFLICT');
    const earlier = repeat.errors![0].extensions!.earlierCaseId as string;
    expect(earlier).toBe(first.id);
    expect((await as(t, 'hexi.caseworker', 'query($id: ID!) { case(id: $id) { id } }', { id: earlier })).case.id).toBe(first.id);
  });
});

describe('links a screen needs', () => {
  it('shows a committee member who sits with them, and nobody outside the township', async () => {
    const [hexi] = (await as(t, 'hexi.member1', '{ committees { townshipCode members { function account { username } } } }')).committees;
    expect(hexi.members.map((m: { account: { username: string } }) => m.account.username).sort()).toEqual([
      'hexi.caseworker2',
      'hexi.head',
      'hexi.member1',
      'hexi.member2',
      'hexi.member3',
    ]);
    const outside = await t.gql('{ accounts(role: COMMITTEE_MEMBER) { nodes { username } } }', {}, await t.login('hexi.member1'));
    expect(outside.data!.accounts.nodes.every((a: { username: string }) => a.username.startsWith('hexi.'))).toBe(true);
  });

  it('links a verification request to its case, an investigation to who must sign and who has, a decision to who made it', async () => {
    const { case: applied } = await apply(t, 'DIBAO', { head: '链接户' });
    await prepareForReview(t, applied.id);
    const found = await as(
      t,
      'hexi.head',
      `query($id: ID!) { case(id: $id) { decidedBy { username }
      investigations { investigators { account { username } signed } case { id } } } verificationRequests(caseId: $id) { nodes { case { id } } } }`,
      { id: applied.id },
    );
    expect(found.verificationRequests.nodes).toEqual([{ case: { id: applied.id } }]);
    expect(found.case.decidedBy).toBeNull();
    expect(found.case.investigations[0].case.id).toBe(applied.id);
    expect(found.case.investigations[0].investigators).toEqual([
      { account: { username: 'hexi.caseworker' }, signed: true },
      { account: { username: 'hexi.caseworker2' }, signed: true },
    ]);
  });
});
