import { startTestApp, TestApp } from './support/harness';
import { householdWithCase } from './support/households';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

it('following endCursor of cases created within one millisecond reaches every case', async () => {
  const { case: made } = await householdWithCase(t, 'va.101201', '510199101201');
  const id = Buffer.from(made.id, 'base64url').toString().split(':')[2];
  // Nine more cases of the same household, microseconds apart within one millisecond.
  await t.dataSource.query(`INSERT INTO cases SELECT (jsonb_populate_record(NULL::cases, to_jsonb(c) || jsonb_build_object('id', gen_random_uuid()))).* FROM cases c, generate_series(1, 9) WHERE c.id = $1`, [id]);
  await t.dataSource.query(`UPDATE cases SET created_at = '2026-03-01 08:00:00.123000+00'::timestamptz + (random() * 999)::int * interval '1 microsecond'`);
  const token = await t.login('district.officer');
  const seen: string[] = [];
  let after: string | null = null;
  for (;;) {
    const page: any = await t.gql('query($after: String) { cases(first: 2, after: $after) { totalCount edges { node { id } } pageInfo { hasNextPage endCursor } } }', { after }, token);
    seen.push(...page.data.cases.edges.map((e: any) => e.node.id));
    if (!page.data.cases.pageInfo.hasNextPage) break;
    after = page.data.cases.pageInfo.endCursor;
  }
  expect(seen).toHaveLength(10);
});
