import { useTestApp } from './support/harness';

/**
 * The cases page keeps its statements' text per caller ability and shape (issue #14,
 * `DataAccess.scopedKept`): a later request of the same shape binds its own filter values, never the
 * first request's. Each answer is compared with the rows the database holds for that filter.
 */
const t = useTestApp({ demo: true });
let token: string;

const PAGE = `query($filter: CaseFilter) { cases(first: 100, filter: $filter) { totalCount nodes { id villageCode status } } }`;

interface Answer {
  totalCount: number;
  nodes: { id: string; villageCode: string; status: string }[];
}

async function page(filter: Record<string, unknown>): Promise<Answer> {
  const result = await t.gql<{ cases: Answer }>(PAGE, { filter }, token);
  expect(result.errors).toBeUndefined();
  return result.data!.cases;
}

async function countWhere(where: string, values: unknown[]): Promise<number> {
  const [{ n }] = await t.ownerDataSource.query<{ n: number }[]>(
    `SELECT count(*)::int AS n FROM cases WHERE district_code = '510199000000' AND ${where}`,
    values,
  );
  return n;
}

beforeAll(async () => {
  token = await t.login('district.officer');
});

it('binds each request’s village to the kept text of the village filter', async () => {
  const villages = await t.ownerDataSource.query<{ village_code: string }[]>(
    `SELECT village_code FROM cases WHERE district_code = '510199000000' GROUP BY village_code ORDER BY count(*) DESC LIMIT 2`,
  );
  expect(villages).toHaveLength(2);
  for (const { village_code: villageCode } of [...villages, ...villages]) {
    const answer = await page({ villageCode });
    expect(answer.totalCount).toBe(await countWhere('village_code = $1', [villageCode]));
    expect(answer.nodes.length).toBe(Math.min(answer.totalCount, 100));
    expect(answer.nodes.every((node) => node.villageCode === villageCode)).toBe(true);
  }
});

it('binds each request’s statuses, one value or two, repeated or not', async () => {
  const statuses = (
    await t.ownerDataSource.query<{ status: string }[]>(
      `SELECT status FROM cases WHERE district_code = '510199000000' GROUP BY status ORDER BY count(*) DESC LIMIT 2`,
    )
  ).map((row) => row.status);
  expect(statuses).toHaveLength(2);
  const [first, second] = statuses;
  for (const asked of [[first], [second], [first, first], [second, first], [first, second]]) {
    const answer = await page({ status: asked });
    expect(answer.totalCount).toBe(await countWhere('status::text = ANY($1)', [asked]));
    expect(answer.nodes.every((node) => asked.includes(node.status))).toBe(true);
  }
});
