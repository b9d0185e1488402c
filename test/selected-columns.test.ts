import { useTestApp } from './support/harness';
import { statementsOf } from './support/statements';
import { tenantGlobalId } from '../src/graphql/node';

/**
 * Loaders read the columns the GraphQL selection needs (issue #14 §2): a page's households and
 * members come as plain rows of their keys, their scope, the selected fields and whatever the
 * caller's rules test a row by, never every column. A field guard that decides row by row (the
 * poverty-alleviation officer's households, P4.4) must still find the columns its conditions name.
 */
const t = useTestApp({ demo: true });

/** The columns a statement selects from `table` under `alias` (`"alias"."column" AS …`). */
function selectedColumns(statements: { sql: string }[], table: string, alias: string): string[] {
  const statement = statements.find(({ sql }) => sql.includes(`FROM "${table}" "${alias}"`))?.sql;
  expect(statement).toBeDefined();
  const list = statement!.slice(0, statement!.indexOf(' FROM '));
  return [...list.matchAll(new RegExp(`"${alias}"\\."([a-z_]+)" AS`, 'g'))].map(([, column]) => column).sort();
}

it('reads the keys, the scope and the selected fields of a page’s households and members, and answers as the rows hold', async () => {
  const token = await t.login('hexi.caseworker');
  let answer: { data?: { cases: { nodes: { household: { headName: string; members: { name: string }[] } }[] } } } = {};
  const statements = await statementsOf(t, async () => {
    answer = await t.gql('{ cases(first: 20) { nodes { household { headName members { name } } } } }', {}, token);
  });
  const scope = ['district_code', 'id', 'township_code', 'village_code'];
  expect(selectedColumns(statements, 'households', 'household')).toEqual([...scope, 'head_name'].sort());
  expect(selectedColumns(statements, 'persons', 'person')).toEqual([...scope, 'household_id', 'name'].sort());
  const nodes = answer.data!.cases.nodes;
  expect(nodes.length).toBeGreaterThan(0);
  const [{ heads, members }] = await t.ownerDataSource.query<{ heads: string[]; members: number }[]>(
    `SELECT array_agg(DISTINCT h.head_name) AS heads, (SELECT count(*)::int FROM persons p WHERE p.township_code = '510199101000') AS members
     FROM households h WHERE h.township_code = '510199101000'`,
  );
  for (const { household } of nodes) {
    expect(heads).toContain(household.headName);
    expect(household.members.every((member) => typeof member.name === 'string' && member.name.length > 0)).toBe(true);
  }
  expect(members).toBeGreaterThan(0);
});

it('gives the poverty-alleviation officer the fields of a household its conditions admit, reading the columns they test (P4.4)', async () => {
  // One active DIBAO enrolment whose household is rural with a member able to work: the officer's condition.
  const [enrolment] = await t.ownerDataSource.query<{ district_code: string; id: string; household_id: string }[]>(
    `SELECT district_code, id, household_id FROM enrolments WHERE programme = 'DIBAO' AND status = 'ACTIVE' ORDER BY id LIMIT 1`,
  );
  expect(enrolment).toBeDefined();
  await t.ownerDataSource.query(
    `UPDATE households SET residence = 'RURAL', has_member_able_to_work = true, active_dibao_enrolment = true WHERE district_code = $1 AND id = $2`,
    [enrolment.district_code, enrolment.household_id],
  );
  await t.ownerDataSource.query(
    `UPDATE enrolments SET residence = 'RURAL', has_member_able_to_work = true WHERE district_code = $1 AND id = $2`,
    [enrolment.district_code, enrolment.id],
  );
  const [{ head_name: headName }] = await t.ownerDataSource.query<{ head_name: string }[]>(
    'SELECT head_name FROM households WHERE district_code = $1 AND id = $2',
    [enrolment.district_code, enrolment.household_id],
  );
  const token = await t.login('poverty');
  let answer: { data?: { node: { household: { headName: string | null; address: string | null } | null } } } = {};
  const statements = await statementsOf(t, async () => {
    answer = await t.gql(
      'query($id: ID!) { node(id: $id) { ... on Enrolment { household { headName address } } } }',
      { id: tenantGlobalId('Enrolment', { districtCode: enrolment.district_code, id: enrolment.id }) },
      token,
    );
  });
  expect(answer.data!.node.household).toEqual({ headName, address: null });
  const columns = selectedColumns(statements, 'households', 'household');
  expect(columns).toEqual(expect.arrayContaining(['active_dibao_enrolment', 'residence', 'has_member_able_to_work', 'head_name']));
  expect(columns).not.toContain('bank_account');

  // The same nested field for a household outside the officer's condition (no longer paid DIBAO):
  // the loader's scoped statement leaves it out, whatever columns it reads.
  await t.ownerDataSource.query(`UPDATE households SET active_dibao_enrolment = false WHERE district_code = $1 AND id = $2`, [
    enrolment.district_code,
    enrolment.household_id,
  ]);
  const outside = await t.gql<{ node: { household: unknown } }>(
    'query($id: ID!) { node(id: $id) { ... on Enrolment { household { headName } } } }',
    { id: tenantGlobalId('Enrolment', { districtCode: enrolment.district_code, id: enrolment.id }) },
    token,
  );
  expect(outside.data!.node.household).toBeNull();
});

it('refuses a page’s households and members to a tier the plan gives no case list (finance, P4.4)', async () => {
  const refused = await t.gql('{ cases(first: 5) { nodes { household { headName members { name } } } } }', {}, await t.login('finance'));
  expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  expect(refused.data?.cases ?? null).toBeNull();
});
