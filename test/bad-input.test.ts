import {
  GraphQLArgument, GraphQLInputType, GraphQLNamedType, getNamedType, isEnumType, isInputObjectType, isListType, isNonNullType, isScalarType,
} from 'graphql';
import { buildAppSchema } from '../src/graphql/schema';
import { startTestApp, TestApp } from './support/harness';
import { householdWithCase } from './support/households';

/**
 * Every mutation, sent by several roles with wrong-but-well-typed input (ids of nothing or of the
 * wrong type, empty and over-long strings, negative and huge numbers, impossible dates): each must
 * answer with a coded error or succeed, never a 500 or an INTERNAL_SERVER_ERROR.
 */
let t: TestApp;
let realCaseId: string;
let realHouseholdId: string;
beforeAll(async () => {
  t = await startTestApp();
  const made = await householdWithCase(t, 'va.101201', '510199101201');
  realCaseId = made.case.id;
  realHouseholdId = made.household.id;
});
afterAll(() => t.close());

type Flavour = 'nothing' | 'wrongType' | 'extreme';

function garbage(type: GraphQLInputType, flavour: Flavour, depth = 0): unknown {
  if (isNonNullType(type)) return garbage(type.ofType, flavour, depth);
  if (isListType(type)) return flavour === 'extreme' ? [] : [garbage(type.ofType, flavour, depth)];
  const named = getNamedType(type) as GraphQLNamedType;
  if (isEnumType(named)) return named.getValues()[0].name;
  if (isInputObjectType(named)) {
    if (depth > 3) return {};
    // 'nothing' leaves every optional field out: an input object with nothing to do.
    const fields = Object.values(named.getFields()).filter((f) => flavour !== 'nothing' || isNonNullType(f.type));
    return Object.fromEntries(fields.map((f) => [f.name, garbage(f.type, flavour, depth + 1)]));
  }
  if (isScalarType(named)) {
    switch (named.name) {
      case 'ID': return flavour === 'nothing' ? Buffer.from('Case:510199000000:00000000-0000-4000-8000-000000000000').toString('base64url')
        : flavour === 'wrongType' ? realHouseholdId : realCaseId;
      case 'String': return flavour === 'extreme' ? 'x'.repeat(20000) : flavour === 'nothing' ? '' : '2026-02-30';
      case 'Int': return flavour === 'extreme' ? 2147483647 : -1;
      case 'Float': return flavour === 'extreme' ? 1e15 : -0.5;
      case 'Boolean': return flavour !== 'nothing';
      default: return null;
    }
  }
  return null;
}

const varType = (arg: GraphQLArgument) => arg.type.toString();

it('never answers a mutation with a 500 or INTERNAL_SERVER_ERROR', async () => {
  const schema = await buildAppSchema();
  const mutations = Object.values(schema.getMutationType()!.getFields());
  const failures: string[] = [];
  const codes = new Map<string, number>();
  for (const username of ['admin', 'va.101201', 'hexi.caseworker', 'hexi.head', 'district.officer', 'dept.tax']) {
    const token = await t.login(username);
    for (const mutation of mutations) {
      if (mutation.name === 'changePassword') continue; // would change the account's credentials mid-sweep
      for (const flavour of ['nothing', 'wrongType', 'extreme'] as Flavour[]) {
        const args = mutation.args;
        const defs = args.map((a) => `$${a.name}: ${varType(a)}`).join(', ');
        const call = args.map((a) => `${a.name}: $${a.name}`).join(', ');
        const returnType = getNamedType(mutation.type);
        const selection = isScalarType(returnType) || isEnumType(returnType) ? '' : ' { __typename }';
        const query = `mutation${defs ? `(${defs})` : ''} { ${mutation.name}${call ? `(${call})` : ''}${selection} }`;
        const variables = Object.fromEntries(args.map((a) => [a.name, garbage(a.type, flavour)]));
        const result = await t.gql(query, variables, token);
        const internal = result.errors?.find((e) => !e.extensions?.code || e.extensions.code === 'INTERNAL_SERVER_ERROR');
        const code = String(result.errors?.[0]?.extensions?.code ?? 'OK');
        codes.set(code, (codes.get(code) ?? 0) + 1);
        if (result.status >= 500 || internal) failures.push(`${username} ${mutation.name} (${flavour}): ${result.status} ${internal?.message ?? ''}`);
      }
    }
  }
  expect(failures).toEqual([]);
  // The sweep gets past the role check into the services, not only refused at the door.
  for (const code of ['BAD_USER_INPUT', 'NOT_FOUND', 'CONFLICT']) expect([code, (codes.get(code) ?? 0) > 0]).toEqual([code, true]);
});
