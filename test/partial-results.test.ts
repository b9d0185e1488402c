import { isNonNullType } from 'graphql';
import { buildAppSchema } from '../src/graphql/schema';
import { useTestApp } from './support/harness';
import { householdWithCase } from './support/households';

/**
 * A refused or missing root field is null at its path with its error; the fields next to it still
 * answer. A dashboard asking for several lists loses only what the caller may not see.
 */
const t = useTestApp();
let otherVillageCase: string;
beforeAll(async () => {
  await householdWithCase(t, 'va.101201', '510199101201');
  otherVillageCase = (await householdWithCase(t, 'va.101202', '510199101202')).case.id;
});

interface LocatedError {
  path?: (string | number)[];
  extensions?: { code?: string };
}

it('declares every Query field nullable, so that one refusal cannot blank the response', async () => {
  const fields = Object.values((await buildAppSchema()).getQueryType()!.getFields());
  expect(fields.filter((field) => isNonNullType(field.type)).map((field) => field.name)).toEqual([]);
});

it('answers an allowed list next to a refused one: data for the first, null and FORBIDDEN for the second', async () => {
  const result = await t.gql('{ cases { totalCount nodes { villageCode } } auditLog { totalCount } }', {}, await t.login('va.101201'));
  expect(result.status).toBe(200);
  expect(result.data).toEqual({ cases: { totalCount: 1, nodes: [{ villageCode: '510199101201' }] }, auditLog: null });
  expect((result.errors as LocatedError[]).map((e) => [e.path, e.extensions?.code])).toEqual([[['auditLog'], 'FORBIDDEN']]);
});

it('answers the lookups it may make next to one outside its scope: null and NOT_FOUND for that one alone', async () => {
  const result = await t.gql(
    'query($id: ID!) { me { username } case(id: $id) { id } node(id: $id) { id } households { totalCount } }',
    { id: otherVillageCase },
    await t.login('va.101201'),
  );
  expect(result.data).toEqual({ me: { username: 'va.101201' }, case: null, node: null, households: { totalCount: 1 } });
  expect((result.errors as LocatedError[]).map((e) => [e.path, e.extensions?.code]).sort()).toEqual([
    [['case'], 'NOT_FOUND'],
    [['node'], 'NOT_FOUND'],
  ]);
});
