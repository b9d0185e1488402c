import fs from 'node:fs';
import path from 'node:path';
import {
  buildSchema,
  getNamedType,
  GraphQLInputObjectType,
  GraphQLObjectType,
  GraphQLSchema,
  isLeafType,
  isNonNullType,
  isObjectType,
} from 'graphql';
import { DEMO_REGIONS } from '../src/seed/demo-district';
import { TRANSITION_BY_STEP } from '../src/modules/case/workflow';
import { useTestApp } from './support/harness';
import { householdInput } from './support/households';
import { letNoticePass } from './support/workflow';
import { readme, tablesUnder } from './support/readme';

/**
 * The README's workflow tables, run literally: each table is one new application on a freshly seeded
 * demo, each row runs its mutations as each account it names, in order, and the case must then be
 * in the row's state. The test knows only how to fill each mutation's input from what the walk has
 * produced so far (ids, the current version); which steps, by whom and in what order is the README's.
 */

const schema: GraphQLSchema = buildSchema(fs.readFileSync(path.join(__dirname, '..', 'schema', 'schema.graphql'), 'utf8'));
const mutationType = schema.getMutationType()!;

interface Row {
  accounts: string[];
  mutations: string[];
  /** The bracketed remarks of the mutation cell: programme, amounts. */
  remarks: string;
  state: string;
}

const WALK_HEADER = '| who (demo account) | mutation(s) | state after |';
const SEEDED_HEADER = '| household head | village | programme | state | next step (demo account: mutation) |';

const backticked = (text: string) => [...text.matchAll(/`([^`]+)`/g)].map((m) => m[1]);

const walks: Row[][] = tablesUnder(WALK_HEADER).map((rows) =>
  rows.map(([who, mutations, state]) => ({
    accounts: backticked(who),
    // Names in brackets are remarks (alternatives, who recuses), not steps to run.
    mutations: backticked(mutations.replace(/\([^)]*\)/g, '')),
    remarks: [...mutations.matchAll(/\(([^)]*)\)/g)].map((m) => m[1]).join('; '),
    state,
  })),
);

const today = () => new Date().toISOString().slice(0, 10);

/** What one walk (or one seeded case) has produced so far. */
interface Walk {
  caseId?: string;
  householdId?: string;
  villageCode?: string;
  requestId?: string;
  investigationId?: string;
  meetingId?: string;
}

const t = useTestApp({ demo: true });

async function gqlOk(username: string, query: string, variables: Record<string, unknown> = {}) {
  const result = await t.gql(query, variables, await t.login(username));
  if (result.errors || !result.data) throw new Error(`${username}: ${query.slice(0, 80)}… failed: ${JSON.stringify(result.errors)}`);
  return result.data;
}

/** The nodes of a root list field, read as a plain list or as a connection, whichever the schema has
 * (growing lists become connections, issue 7), so the walk does not depend on which. */
async function listOf(username: string, field: string, args: Record<string, unknown>, selection: string): Promise<Record<string, any>[]> {
  const definition = schema.getQueryType()!.getFields()[field];
  const connection =
    isObjectType(getNamedType(definition.type)) && 'edges' in (getNamedType(definition.type) as GraphQLObjectType).getFields();
  const defs = Object.keys(args)
    .map((name) => `$${name}: ${definition.args.find((a) => a.name === name)!.type.toString()}`)
    .join(', ');
  const call = Object.keys(args)
    .map((name) => `${name}: $${name}`)
    .join(', ');
  const body = connection ? `edges { node { ${selection} } }` : selection;
  const data = await gqlOk(username, `query${defs ? `(${defs})` : ''} { ${field}${call ? `(${call})` : ''} { ${body} } }`, args);
  return connection ? data[field].edges.map((e: { node: Record<string, any> }) => e.node) : data[field];
}

async function caseAs(username: string, caseId: string): Promise<{ status: string; version: number }> {
  return (await gqlOk(username, 'query($id: ID!) { node(id: $id) { ... on Case { status version } } }', { id: caseId })).node;
}

const accountIds = new Map<string, string>();
async function accountIdOf(username: string): Promise<string> {
  if (!accountIds.has(username)) accountIds.set(username, (await gqlOk(username, '{ me { id } }')).me.id);
  return accountIds.get(username)!;
}

/** `va.101201` works in village 510199101201. */
const villageOf = (assistant: string) => `510199${assistant.slice(3)}`;

/**
 * The input fields a mutation needs beyond `caseId` and `version`, from the walk so far, the row it
 * is in and the table around it. Each call may yield several inputs (a department answers each
 * request addressed to it).
 */
async function inputsFor(mutation: string, username: string, walk: Walk, row: Row, table: Row[]): Promise<Record<string, unknown>[]> {
  switch (mutation) {
    case 'createHousehold': {
      walk.villageCode = villageOf(username);
      const residence = walk.villageCode.slice(6, 9) === '001' ? 'URBAN' : 'RURAL';
      return [householdInput(walk.villageCode, '孙大伟', [], { residence })];
    }
    case 'submitApplication': {
      const programme = /\b(DIBAO|TEKUN|LINSHI)\b/.exec(row.remarks)![1];
      return [
        {
          householdId: walk.householdId,
          programme,
          channel: 'WINDOW',
          emergency: row.remarks.includes('emergency'),
          cause: programme === 'LINSHI' ? '火灾 (house fire)' : undefined,
          causeCategory: programme === 'LINSHI' ? 'FIRE' : undefined,
        },
      ];
    }
    case 'requestMaterials':
      return [{ missingMaterials: ['户口簿 (household register)', '收入证明 (proof of income)'] }];
    case 'refuseAcceptance':
    case 'denyCase':
      return [{ reasons: '申请人户籍不在本辖区 (not registered here)' }];
    case 'approveVerificationRequest': {
      const [request] = await listOf(username, 'verificationRequests', { caseId: walk.caseId }, 'id');
      walk.requestId = request.id;
      return [{ requestId: walk.requestId }];
    }
    case 'answerVerification': {
      const pending = await listOf(username, 'verificationAnswers', { pending: true, requestId: walk.requestId }, 'id');
      expect([username, pending.length]).toEqual([username, 1]);
      return pending.map((answer) => ({ answerId: answer.id, findings: '无记录 (no record found)' }));
    }
    case 'approveVerificationReport':
      return [{ requestId: walk.requestId }];
    case 'recordInvestigation': {
      // The investigators are the accounts that sign it further down the table.
      const signers = table.slice(table.indexOf(row)).find((r) => r.mutations.includes('signInvestigation'))!.accounts;
      return [
        {
          visitedOn: today(),
          findings: '入户核实属实 (household visited; as declared)',
          investigatorIds: await Promise.all(signers.map(accountIdOf)),
        },
      ];
    }
    case 'signInvestigation':
      return [{ investigationId: walk.investigationId }];
    case 'recordAppraisal':
      return [
        {
          heldOn: today(),
          participants: 12,
          supported: true,
          minutes: "村民代表评议，同意申请 (the villagers' representatives support it)",
        },
      ];
    case 'recordIncomeAccounting':
      return [{ items: [{ source: '务农 (farming)', monthlyYuan: 400, counted: true }] }];
    case 'scheduleMeeting':
      return [{ townshipCode: `${walk.villageCode!.slice(0, 9)}000`, heldOn: today(), caseIds: [walk.caseId] }];
    case 'recordAttendance': {
      const township = `${walk.villageCode!.slice(0, 9)}000`;
      const [committee] = (await listOf(username, 'committees', {}, 'townshipCode members { account { id } }')).filter(
        (c) => c.townshipCode === township,
      );
      return [{ meetingId: walk.meetingId, presentIds: committee.members.map((m: { account: { id: string } }) => m.account.id) }];
    }
    case 'castVote':
      return [{ meetingId: walk.meetingId, caseId: walk.caseId, vote: 'APPROVE' }];
    case 'concludeReview':
      return [{ meetingId: walk.meetingId }];
    case 'raiseObjection':
      return [{ objector: '村民王某 (a villager)', content: '申请人家中有商铺 (the household runs a shop)' }];
    case 'recordDelivery':
      return [{ deliveredOn: today(), recipient: '孙大伟' }];
    case 'spotCheck':
      return [{ outcome: row.state === 'CORRECTION_ORDERED' ? 'CORRECTION' : 'CONFIRMED', findings: '入户抽查 (checked on site)' }];
    case 'startNotice':
    case 'decideEmergencyPayment':
    case 'emergencyPay':
      return [{ amount: Number(/(\d+) yuan/.exec(row.remarks)![1]) }];
    default:
      return [{}];
  }
}

/** A selection of everything a payload holds: the case's state, and the id of every other object. */
function payloadSelection(mutation: string): string {
  const payload = getNamedType(mutationType.getFields()[mutation].type) as GraphQLObjectType;
  return Object.values(payload.getFields())
    .map((field) => {
      const type = getNamedType(field.type);
      if (isLeafType(type)) return field.name;
      if (field.name === 'case') return 'case { id status version }';
      return `${field.name} { ${'id' in (type as GraphQLObjectType).getFields() ? 'id' : '__typename'} }`;
    })
    .join(' ');
}

/** The same role in another township: `hexi.head` → `shiqiao.head`, `va.201201` → `va.001001`. */
const OTHER_TOWNSHIP: Record<string, string> = {
  hexi: 'shiqiao',
  shiqiao: 'hexi',
  chengguan: 'baiyun',
  baiyun: 'chengguan',
  '101': '102',
  '102': '101',
  '001': '201',
  '201': '001',
};
const villagesOf = (township: string) =>
  DEMO_REGIONS.map((r) => r.code)
    .filter((code) => code.startsWith(`510199${township}`) && !code.endsWith('000'))
    .sort();
function sameRoleElsewhere(username: string): string | null {
  const village = /^va\.(\d{3})\d{3}$/.exec(username);
  if (village) return `va.${villagesOf(OTHER_TOWNSHIP[village[1]])[villagesOf(village[1]).indexOf(villageOf(username))].slice(6)}`;
  const [prefix, name] = username.split('.');
  return prefix in OTHER_TOWNSHIP ? `${OTHER_TOWNSHIP[prefix]}.${name}` : null;
}

/**
 * Runs one mutation of the README as `username`, with `{ input }` filled from the walk. A step of
 * the workflow table is first tried, with the same input, by the same role in another township,
 * which must be refused and change nothing.
 */
async function run(mutation: string, username: string, walk: Walk, row: Row, table: Row[]): Promise<void> {
  const field = mutationType.getFields()[mutation];
  expect([mutation, Boolean(field)]).toEqual([mutation, true]);
  const inputType = getNamedType(field.args.find((a) => a.name === 'input')!.type) as GraphQLInputObjectType;
  const inputFields = inputType.getFields();
  const send = async (as: string, input: Record<string, unknown>) =>
    t.gql(
      `mutation($input: ${inputType.name}!) { ${mutation}(input: $input) { ${payloadSelection(mutation)} } }`,
      { input },
      await t.login(as),
    );
  for (const fields of await inputsFor(mutation, username, walk, row, table)) {
    const input: Record<string, unknown> = { ...fields };
    if ('caseId' in inputFields && !('caseId' in input)) input.caseId = walk.caseId;
    if ('version' in inputFields) input.version = (await caseAs(username, walk.caseId!)).version;
    const missing = Object.values(inputFields).filter(
      (f) => isNonNullType(f.type) && f.defaultValue === undefined && input[f.name] === undefined,
    );
    expect([mutation, missing.map((f) => f.name)]).toEqual([mutation, []]);
    const elsewhere = sameRoleElsewhere(username);
    if (TRANSITION_BY_STEP.has(mutation) && elsewhere) {
      const refused = await send(elsewhere, input);
      expect([elsewhere, mutation, refused.errors?.[0]?.extensions?.code]).toEqual([
        elsewhere,
        mutation,
        expect.stringMatching(/^(NOT_FOUND|FORBIDDEN)$/),
      ]);
      expect((await caseAs('district.officer', walk.caseId!)).version).toBe(input.version);
    }
    const result = await send(username, input);
    expect([username, mutation, result.errors]).toEqual([username, mutation, undefined]);
    const payload = result.data![mutation];
    walk.householdId = payload.household?.id ?? walk.householdId;
    walk.caseId = payload.case?.id ?? walk.caseId;
    walk.investigationId = payload.investigation?.id ?? walk.investigationId;
    walk.meetingId = payload.meeting?.id ?? walk.meetingId;
  }
}

describe('the README workflow tables, run as written on a freshly seeded demo', () => {
  it('are four tables that between them take every step of the workflow table', () => {
    expect(walks).toHaveLength(4);
    const named = new Set(walks.flat().flatMap((r) => r.mutations));
    expect([...TRANSITION_BY_STEP.keys()].filter((step) => !named.has(step))).toEqual(['denyCase']);
    // The head's refusal after the notice is named beside approveCase, the step it replaces.
    expect(readme).toMatch(/`approveCase` \(once the notice has ended; `denyCase` with reasons refuses instead\)/);
  });

  it.each(
    walks.map(
      (rows, i) => [`${rows[0].mutations.join(', ')} (${rows[0].remarks}) by ${rows[0].accounts[0]}, table ${i + 1}`, rows] as const,
    ),
  )('%s: every row leaves the case in the state the README says, and no step is open to the same role elsewhere', async (_name, rows) => {
    const walk: Walk = {};
    for (const row of rows) {
      for (const username of row.accounts) {
        for (const mutation of row.mutations) {
          // The demo does not wait seven days for the notice to end: it is moved into the past.
          if (
            (mutation === 'approveCase' || mutation === 'denyCase') &&
            (await caseAs('district.officer', walk.caseId!)).status === 'PUBLIC_NOTICE'
          ) {
            await letNoticePass(t, walk.caseId!);
          }
          await run(mutation, username, walk, row, rows);
        }
      }
      const after = await caseAs('district.officer', walk.caseId!);
      expect([row.accounts.join(', '), row.mutations.join(', '), after.status]).toEqual([
        row.accounts.join(', '),
        row.mutations.join(', '),
        row.state,
      ]);
    }
  });
});

describe('the README list of seeded cases', () => {
  const seeded = tablesUnder(SEEDED_HEADER)[0].filter(([, , , , next]) => next !== '—');

  it.each(seeded.map(([headName, , , state, next]) => [headName, state.split(' ')[0], next] as const))(
    '%s (%s) is moved on at once: %s',
    async (headName, _state, next) => {
      const [username, mutation] = backticked(next);
      // Found the way the README says: by the household head's name.
      const found = await listOf('district.officer', 'cases', { filter: { search: headName } }, 'id villageCode');
      expect(found).toHaveLength(1);
      const [{ id: caseId, villageCode }] = found;
      const walk: Walk = { caseId, villageCode };
      if (mutation === 'answerVerification')
        walk.requestId = (await listOf('district.officer', 'verificationRequests', { caseId }, 'id'))[0].id;
      const row: Row = { accounts: [username], mutations: [mutation], remarks: '', state: '' };
      await run(mutation, username, walk, row, [row]);
      const transition = TRANSITION_BY_STEP.get(mutation);
      if (transition) expect(transition.outcomes).toContain((await caseAs('district.officer', caseId)).status);
    },
  );
});
