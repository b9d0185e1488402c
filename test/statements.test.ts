import { startTestApp, TestApp } from './support/harness';
import { householdWithCase } from './support/households';

/** Statement counts per request (from the server's own counter): nested fields are batched, so a
 * page of cases costs the same number of statements whatever its size. */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

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
  const small = await statementsFor('hexi.caseworker');
  for (const [i, village] of ['510199101201', '510199101202', '510199101203', '510199101204', '510199101201', '510199101202'].entries()) {
    await householdWithCase(t, `va.${village.slice(6)}`, village, 'DIBAO', `丙${i}`);
  }
  const large = await statementsFor('hexi.caseworker');
  expect(small.cases).toBe(2);
  expect(large.cases).toBe(8);
  expect(large.statements).toBe(small.statements);
  // actor, page, count, households, members, household cases, events, five step-record kinds, audit flush
  expect(large.statements).toBeLessThanOrEqual(14);
});
