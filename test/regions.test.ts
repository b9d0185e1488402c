import { codeOf, useTestApp } from './support/harness';
import { OTHER_DISTRICT } from './support/fixtures';
import { levelOfCodeOrThrow, parentCodeOf } from '../src/modules/region/region-code';

const CREATE =
  'mutation($input: CreateRegionInput!) { createRegion(input: $input) { region { code level kind parentCode districtCode townshipCode villageCode } } }';

const t = useTestApp({ fixture: OTHER_DISTRICT });

const regionCount = async () => (await t.dataSource.query('SELECT count(*)::int AS n FROM regions'))[0].n as number;

describe('region codes (12-digit statistical division codes)', () => {
  it.each([
    ['510199000000', 'DISTRICT', null],
    ['510199101000', 'TOWNSHIP', '510199000000'],
    ['510199101201', 'VILLAGE', '510199101000'],
  ])('%s is a %s under %s', (code, level, parent) => {
    expect(levelOfCodeOrThrow(code)).toBe(level);
    expect(parentCodeOf(code)).toBe(parent);
  });

  it.each([
    ['51019910120', 'not 12 digits'],
    ['5101991012011', 'not 12 digits'],
    ['51019910120a', 'not digits'],
    ['510199000201', 'a village part without a township part'],
    ['000000000000', 'no province or district'],
    ['510000000000', 'a province or city, not a district'],
  ])('%s is refused: %s', (code) => {
    expect(() => levelOfCodeOrThrow(code)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
  });
});

describe('creating regions', () => {
  it('lets the district ADMIN add a village under an existing township', async () => {
    const result = await t.gql(
      CREATE,
      { input: { code: '510199101205', name: 'New Village 新村', kind: 'VILLAGE', population: 1200 } },
      await t.login('admin'),
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.createRegion.region).toEqual({
      code: '510199101205',
      level: 'VILLAGE',
      kind: 'VILLAGE',
      parentCode: '510199101000',
      districtCode: '510199000000',
      townshipCode: '510199101000',
      villageCode: '510199101205',
    });
  });

  it.each([
    [
      { code: '5101991012', name: 'x', kind: 'VILLAGE' },
      { messageKey: 'region.code.format', field: 'code' },
    ],
    [
      { code: '510199000201', name: 'x', kind: 'VILLAGE' },
      { messageKey: 'region.code.villageWithoutTownship', field: 'code' },
    ],
    [
      { code: '510199301201', name: 'x', kind: 'VILLAGE' },
      { messageKey: 'region.parent.missing', params: { parent: '510199301000' } },
    ],
    [
      { code: '510199101206', name: 'x', kind: 'STREET_OFFICE' },
      { messageKey: 'region.kind.mismatch', params: { kinds: ['VILLAGE', 'COMMUNITY'] } },
    ],
    [
      { code: '510199101201', name: 'x', kind: 'VILLAGE' },
      { messageKey: 'region.exists', field: 'code' },
    ],
    [
      { code: '510199101207', name: '', kind: 'VILLAGE' },
      { messageKey: 'input.invalid', field: 'name' },
    ],
    [
      { code: '510199101207', name: 'x', kind: 'VILLAGE', population: -5 },
      { messageKey: 'input.invalid', field: 'population' },
    ],
  ])('refuses bad input %j with BAD_USER_INPUT and changes nothing', async (input, meaning) => {
    const before = await regionCount();
    const result = await t.gql(CREATE, { input }, await t.login('admin'));
    expect(codeOf(result)).toBe('BAD_USER_INPUT');
    expect(result.errors![0].extensions).toMatchObject(meaning);
    expect(await regionCount()).toBe(before);
  });

  it('refuses an ADMIN adding a place to another district', async () => {
    const result = await t.gql(CREATE, { input: { code: '510198101202', name: 'x', kind: 'VILLAGE' } }, await t.login('admin'));
    expect(codeOf(result)).toBe('FORBIDDEN');
  });

  it.each(['district.officer', 'hexi.head', 'hexi.caseworker', 'va.101201', 'auditor', 'finance', 'poverty', 'dept.tax'])(
    'refuses %s, who is not ADMIN',
    async (username) => {
      const result = await t.gql(CREATE, { input: { code: '510199101209', name: 'x', kind: 'VILLAGE' } }, await t.login(username));
      expect(codeOf(result)).toBe('FORBIDDEN');
    },
  );

  it('refuses anonymous callers', async () => {
    expect(codeOf(await t.gql(CREATE, { input: { code: '510199101209', name: 'x', kind: 'VILLAGE' } }))).toBe('UNAUTHENTICATED');
  });
});

describe('reading regions', () => {
  it('shows every signed-in role its own district, nested children included, in one statement per level', async () => {
    const result = await t.gql('{ regions(level: TOWNSHIP) { code children { code parent { code } } } }', {}, await t.login('va.101201'));
    expect(result.data!.regions.map((r: { code: string }) => r.code)).toEqual([
      '510199001000',
      '510199101000',
      '510199102000',
      '510199201000',
    ]);
    expect(result.data!.regions[1].children.length).toBeGreaterThanOrEqual(4);
    // actor, the delegations in force (the actor's authority, D§13), towns, children batch, parents batch
    expect(result.statements).toBeLessThanOrEqual(5);
  });

  it('hides another district from lists, by-code lookups and node', async () => {
    const token = await t.login('district.officer');
    const all = await t.gql('{ regions { code } }', {}, token);
    expect(all.data!.regions.every((r: { code: string }) => r.code.startsWith('510199'))).toBe(true);
    expect(codeOf(await t.gql('{ region(code: "510198101000") { code } }', {}, token))).toBe('NOT_FOUND');
    const id = Buffer.from('Region:510198101000').toString('base64url');
    expect(codeOf(await t.gql('query($id: ID!) { node(id: $id) { id } }', { id }, token))).toBe('NOT_FOUND');
    const own = Buffer.from('Region:510199101000').toString('base64url');
    const found = await t.gql('query($id: ID!) { node(id: $id) { id ... on Region { code } } }', { id: own }, token);
    expect(found.data!.node).toEqual({ id: own, code: '510199101000' });
  });

  it('answers a malformed global ID with BAD_USER_INPUT', async () => {
    expect(codeOf(await t.gql('{ node(id: "not-an-id") { id } }', {}, await t.login('admin')))).toBe('BAD_USER_INPUT');
  });
});
