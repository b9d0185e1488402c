import { requiredCaseworkers } from '../src/modules/staffing/staffing-rule';
import { codeOf, useTestApp } from './support/harness';
import { accountIdOf, as } from './support/workflow';

/**
 * The staffing compliance report (P6.2, D§11) over HTTP on the seeded demo: Baiyun is kept one
 * caseworker short, as the README's demo table says; every village has its assistant.
 */

const HEXI = '510199101000';
const REPORT = `query { staffingReport { township { code name } population requiredCaseworkers caseworkers shortfall villagesWithoutAssistant { code } } }`;
const UPDATE_REGION = 'mutation($i: UpdateRegionInput!) { updateRegion(input: $i) { region { code population } } }';

describe('the rule: 3 up to 30,000 residents, one more per further full 10,000 (P6.2)', () => {
  it.each([
    [0, 3],
    [12_000, 3],
    [30_000, 3],
    [30_001, 3],
    [39_999, 3],
    [40_000, 4],
    [49_999, 4],
    [50_000, 5],
  ])('%i residents need %i', (population, required) => {
    expect(requiredCaseworkers(population)).toBe(required);
  });
});

describe('staffingReport', () => {
  const t = useTestApp({ demo: true }, 180_000);

  const lineOf = async (username: string, code: string) =>
    (await as(t, username, REPORT)).staffingReport.find((line: { township: { code: string } }) => line.township.code === code);

  it('matches the README: Baiyun one short, the others staffed, every village with its assistant', async () => {
    const { staffingReport } = await as(t, 'district.officer', REPORT);
    expect(
      staffingReport.map(
        (l: { township: { code: string }; population: number; requiredCaseworkers: number; caseworkers: number; shortfall: number }) => [
          l.township.code,
          l.population,
          l.requiredCaseworkers,
          l.caseworkers,
          l.shortfall,
        ],
      ),
    ).toEqual([
      ['510199001000', 42000, 4, 4, 0],
      [HEXI, 28000, 3, 3, 0],
      ['510199102000', 31500, 3, 3, 0],
      ['510199201000', 12000, 3, 2, 1],
    ]);
    expect(staffingReport.every((l: { villagesWithoutAssistant: unknown[] }) => l.villagesWithoutAssistant.length === 0)).toBe(true);
  });

  it.each([
    [30_000, 3, 0],
    [39_999, 3, 0],
    [40_000, 4, 1],
  ])('at %i residents Hexi needs %i caseworkers and is %i short', async (population, required, shortfall) => {
    await as(t, 'admin', UPDATE_REGION, { i: { code: HEXI, population } });
    expect(await lineOf('district.officer', HEXI)).toMatchObject({ population, requiredCaseworkers: required, caseworkers: 3, shortfall });
  });

  it('counts only active caseworkers, and lists a village without an active assistant and a new village without one', async () => {
    const deactivate = 'mutation($i: SetAccountActiveInput!) { setAccountActive(input: $i) { account { active } } }';
    await as(t, 'admin', deactivate, { i: { accountId: await accountIdOf(t, 'va.101203'), active: false } });
    await as(t, 'admin', deactivate, { i: { accountId: await accountIdOf(t, 'hexi.caseworker3'), active: false } });
    await as(t, 'admin', 'mutation($i: CreateRegionInput!) { createRegion(input: $i) { region { code } } }', {
      i: { code: '510199101205', name: 'Xinzhuang Village 新庄村', kind: 'VILLAGE', population: 1500 },
    });
    const hexi = await lineOf('district.officer', HEXI);
    expect(hexi.caseworkers).toBe(2);
    expect(hexi.villagesWithoutAssistant).toEqual([{ code: '510199101203' }, { code: '510199101205' }]);
    expect((await lineOf('hexi.head', HEXI)).villagesWithoutAssistant).toEqual([{ code: '510199101203' }, { code: '510199101205' }]);
  });

  it('a township head sees its own line only; the administrator every township (P6.2)', async () => {
    const own = (await as(t, 'hexi.head', REPORT)).staffingReport;
    expect(own.map((l: { township: { code: string } }) => l.township.code)).toEqual([HEXI]);
    expect((await as(t, 'admin', REPORT)).staffingReport).toHaveLength(4);
  });

  it.each(['va.101201', 'hexi.caseworker', 'hexi.member1', 'finance', 'auditor', 'poverty', 'dept.tax'])(
    '%s may not read the staffing report',
    async (username) => {
      expect(codeOf(await t.gql(REPORT, {}, await t.login(username)))).toBe('FORBIDDEN');
    },
  );
});
