import { useTestApp } from './support/harness';
import { householdWithCase } from './support/households';

/** Statement counts per request (from the server's own counter): nested fields are batched, so a
 * page of cases costs the same number of statements whatever its size. */
const t = useTestApp();

const PAGE = `{ cases(first: 50) { totalCount edges { node { id status household { headName members { name idNumber } cases { id } } events { action }
  investigations { id } incomeAccountings { id } objections { id } deliveries { id } appraisals { id } overdue nextSteps } } } }`;

async function statementsFor(username: string): Promise<{ statements: number; cases: number }> {
  const result = await t.gql(PAGE, {}, await t.login(username));
  expect(result.errors).toBeUndefined();
  return { statements: result.statements, cases: result.data!.cases.edges.length };
}

it('a page of cases with households, members, events and step records takes a constant number of statements', async () => {
  await householdWithCase(t, 'va.101201', '510199101201', 'DIBAO', '甲');
  await householdWithCase(t, 'va.101202', '510199101202', 'DIBAO', '乙');
  // A token's first request reads its actor in full; later ones check the actor's epoch only: both
  // pages are measured as later ones.
  await t.gql('{ __typename }', {}, await t.login('hexi.caseworker'));
  const small = await statementsFor('hexi.caseworker');
  for (const [i, village] of ['510199101201', '510199101202', '510199101203', '510199101204', '510199101201', '510199101202'].entries()) {
    await householdWithCase(t, `va.${village.slice(6)}`, village, 'DIBAO', `丙${i}`);
  }
  const large = await statementsFor('hexi.caseworker');
  expect(small.cases).toBe(2);
  expect(large.cases).toBe(8);
  expect(large.statements).toBe(small.statements);
  // actor's epoch, page, count, households, members, household cases, events, five step-record kinds, audit flush
  expect(large.statements).toBeLessThanOrEqual(14);
});

/** `n` more households of Hexi's villages, two members each, each with a DIBAO case: registered in
 * bulk, since the count is what is tested here, not registration. */
async function hexiCases(n: number): Promise<void> {
  await t.dataSource.query(
    `WITH villages AS (SELECT array_agg(code ORDER BY code) AS codes FROM regions WHERE level = 'VILLAGE' AND code LIKE '510199101%'),
     h AS (
       INSERT INTO households (district_code, township_code, village_code, residence, head_name, member_count, has_member_able_to_work, address, created_by_id)
       SELECT '510199000000', '510199101000', v.codes[1 + g % array_length(v.codes, 1)], 'RURAL', '户主' || g, 2, false, '地址 ' || g,
              (SELECT id FROM accounts WHERE username = 'admin')
       FROM generate_series(1, $1::int) g, villages v
       RETURNING district_code, id, township_code, village_code, head_name, created_by_id),
     p AS (
       INSERT INTO persons (district_code, household_id, township_code, village_code, name, id_number, relation, labour_capacity)
       SELECT district_code, id, township_code, village_code, head_name || m.name, '510199197001' || lpad((row_number() OVER ())::text, 5, '0') || 'X', m.relation, 'NONE'
       FROM h, (VALUES ('', 'HEAD'), ('之妻', 'SPOUSE')) AS m(name, relation))
     INSERT INTO cases (district_code, household_id, township_code, village_code, programme, status, channel, applicant_name, residence, created_by_id, version)
     SELECT district_code, id, township_code, village_code, 'DIBAO', 'SUBMITTED', 'WINDOW', head_name, 'RURAL', created_by_id, 1 FROM h`,
    [n],
  );
}

it("the caseworker's page of cases with household and members costs at most four statements after sign-in, for 5 cases as for 50", async () => {
  const token = await t.login('hexi.caseworker');
  // What sign-in costs a token already seen (its first request reads the actor in full).
  await t.gql('{ __typename }', {}, token);
  const signIn = (await t.gql('{ __typename }', {}, token)).statements;
  const page = async (first: number) => {
    const result = await t.gql(
      `{ cases(first: ${first}) { totalCount edges { node { id status household { headName members { name } } } } } }`,
      {},
      token,
    );
    expect(result.errors).toBeUndefined();
    const edges = result.data!.cases.edges as { node: { household: { members: unknown[] } } }[];
    return {
      statements: result.statements - signIn,
      cases: edges.length,
      members: edges.every((e) => e.node.household.members.length > 0),
    };
  };
  await hexiCases(60);
  const five = await page(5);
  const fifty = await page(50);
  expect([five.cases, fifty.cases]).toEqual([5, 50]);
  expect(five.members && fifty.members).toBe(true);
  expect(fifty.statements).toBe(five.statements);
  // page, count, households, members
  expect(fifty.statements).toBeLessThanOrEqual(4);
});
