import crypto from 'node:crypto';
import { codeOf, messageKeyOf, useTestApp } from './support/harness';
import { OTHER_DISTRICT } from './support/fixtures';
import {
  apply,
  as,
  investigate,
  letNoticePass,
  prepareForReview,
  rawId,
  setHexiCommittee,
  stepOk,
  throughNotice,
  verify,
} from './support/workflow';

/**
 * Spot-check draws (P4.3, D§3, issue #11 item 10), over HTTP: the district draws when it chooses,
 * from a seed generated at that moment and recorded; the sample can be replayed from the record and
 * from nothing else; kin-registered and complained-about cases are always in it; filed LINSHI cases
 * are in the pool; townships see no draw and learn nothing of the sample.
 */

const t = useTestApp({ fixture: OTHER_DISTRICT });
beforeAll(async () => {
  await setHexiCommittee(t);
});

const DRAW = `mutation($i: DrawSpotCheckSampleInput!) { drawSpotCheckSample(input: $i) { draw { id } } }`;
const DRAW_FIELDS = `id seed algorithm ratePercent poolSize sampleSize replayMatches
  pool { caseId inclusion sampled score townshipCode case { id applicantName } }`;
const DRAWS = `{ spotCheckDraws(first: 10) { totalCount nodes { ${DRAW_FIELDS} } } }`;
const DUE = '{ cases(filter: { spotCheckDue: true }, first: 100) { nodes { id } } }';
const SET_RATE = 'mutation($v: Decimal) { updateSetting(input: { key: "spotCheckRatePercent", value: $v }) { settings { districtCode } } }';

/** Every signed-in tier but the district officer (P4.3): none may draw. */
const NOT_DISTRICT = [
  'va.101201',
  'hexi.caseworker',
  'hexi.member1',
  'hexi.head',
  'shiqiao.caseworker',
  'finance',
  'auditor',
  'poverty',
  'dept.tax',
  'admin',
];
/** Every signed-in tier that may not read draws: all but the district officer and audit. */
const NOT_READING = NOT_DISTRICT.filter((u) => u !== 'auditor');

type PoolEntry = { caseId: string; inclusion: string; sampled: boolean; score: string | null };
type Draw = {
  id: string;
  seed: string;
  algorithm: string;
  ratePercent: number;
  poolSize: number;
  sampleSize: number;
  replayMatches: boolean;
  pool: PoolEntry[];
};

/**
 * HMAC-SHA256-RANK-1 as the README documents it, written again here from the documentation: the
 * always-checked cases, then of the others, ranked by HMAC-SHA256(seed bytes, case UUID) ascending,
 * the first ceil(n × rate / 100).
 */
function replay(seed: string, ratePercent: number, pool: { caseId: string; inclusion: string }[]): string[] {
  const mandatory = pool.filter((e) => e.inclusion === 'KIN_REGISTERED' || e.inclusion === 'COMPLAINED_ABOUT').map((e) => e.caseId);
  const ranked = pool
    .filter((e) => !mandatory.includes(e.caseId))
    .map((e) => ({ caseId: e.caseId, rank: crypto.createHmac('sha256', Buffer.from(seed, 'hex')).update(rawId(e.caseId)).digest('hex') }))
    .sort((a, b) => a.rank.localeCompare(b.rank));
  return [...mandatory, ...ranked.slice(0, Math.ceil((ranked.length * ratePercent) / 100)).map((e) => e.caseId)].sort();
}

const sampledOf = (draw: Draw) =>
  draw.pool
    .filter((e) => e.sampled)
    .map((e) => e.caseId)
    .sort();
const draws = async (): Promise<Draw[]> => (await as(t, 'district.officer', DRAWS)).spotCheckDraws.nodes;
const dueFor = async (username: string): Promise<string[]> => (await as(t, username, DUE)).cases.nodes.map((c: { id: string }) => c.id);

/** Four Hexi DIBAO cases approved and filed through the API. */
async function filedDibaoCases(heads: string[]): Promise<string[]> {
  const ids: string[] = [];
  for (const head of heads) {
    const { case: c } = await apply(t, 'DIBAO', { head });
    await prepareForReview(t, c.id);
    ids.push(c.id);
  }
  await throughNotice(t, ids);
  for (const id of ids) {
    await stepOk(t, 'hexi.head', 'approveCase', id);
    await stepOk(t, 'hexi.caseworker', 'fileCase', id);
  }
  return ids;
}

let plain1: string, plain2: string, kin: string, complained: string;
let first: Draw;

describe('before any draw', () => {
  it('has nothing to show and nothing to predict: no draw exists, and no tier but the district officer may make one', async () => {
    [plain1, plain2, kin, complained] = await filedDibaoCases(['抽样一', '抽样二', '抽样亲', '抽样诉']);
    // The kin check flags a case whose household includes a relative of staff (D§5); the flag is what the draw reads.
    await t.dataSource.query('UPDATE cases SET kin_registered = true WHERE id = $1', [rawId(kin)]);
    // A complaint recorded by the village on a resident's behalf marks its case (D§12).
    await as(t, 'va.101201', 'mutation($i: SubmitPetitionInput!) { submitPetition(input: $i) { reference } }', {
      i: {
        kind: 'COMPLAINT',
        caseId: complained,
        title: '举报',
        content: '该户有经营收入未申报。',
        residentName: '村民甲',
        residentContact: '13900000000',
      },
    });
    expect((await as(t, 'district.officer', DRAWS)).spotCheckDraws.totalCount).toBe(0);
    for (const username of NOT_DISTRICT) {
      const refused = await t.gql(DRAW, { i: {} }, await t.login(username));
      expect([username, codeOf(refused)]).toEqual([username, 'FORBIDDEN']);
    }
    for (const username of NOT_READING) {
      const refused = await t.gql(DRAWS, {}, await t.login(username));
      expect([username, codeOf(refused)]).toEqual([username, 'FORBIDDEN']);
    }
    expect((await t.dataSource.query('SELECT count(*)::int AS n FROM spot_check_draws'))[0].n).toBe(0);
  });
});

describe('a draw (P4.3, D§3)', () => {
  it('samples the kin-registered and the complained-about case always, and the others at the rate, replayably from its record', async () => {
    await as(t, 'district.officer', SET_RATE, { v: 50 });
    const made = (await as(t, 'district.officer', DRAW, { i: {} })).drawSpotCheckSample.draw;
    [first] = await draws();
    expect(first.id).toBe(made.id);
    expect(first).toMatchObject({ algorithm: 'HMAC-SHA256-RANK-1', ratePercent: 50, poolSize: 4, sampleSize: 3, replayMatches: true });
    expect(first.seed).toMatch(/^[0-9a-f]{64}$/);
    const byCase = Object.fromEntries(first.pool.map((e) => [e.caseId, e]));
    expect(byCase[kin]).toMatchObject({ inclusion: 'KIN_REGISTERED', sampled: true, score: null });
    expect(byCase[complained]).toMatchObject({ inclusion: 'COMPLAINED_ABOUT', sampled: true, score: null });
    // One of the two others, at 50 %: which one only the seed says.
    expect([byCase[plain1].sampled, byCase[plain2].sampled].sort()).toEqual([false, true]);

    // Replaying the record twice, from any order of its pool, gives the recorded sample each time.
    const record = first.pool.map(({ caseId, inclusion }) => ({ caseId, inclusion }));
    expect(replay(first.seed, first.ratePercent, record)).toEqual(sampledOf(first));
    expect(replay(first.seed, first.ratePercent, [...record].reverse())).toEqual(sampledOf(first));
    // The sample is the seed's: under other seeds the 50 % pick changes, so it was not fixed by the case ids.
    const picks = new Set(Array.from({ length: 16 }, () => replay(crypto.randomBytes(32).toString('hex'), 50, record).join()));
    expect(picks.size).toBe(2);
  });

  it('is recorded once and for all: its rows cannot be changed, and the audit log holds its seed', async () => {
    await expect(t.ownerDataSource.query(`UPDATE spot_check_draws SET seed = repeat('0', 64)`)).rejects.toThrow(/append-only/);
    await expect(t.ownerDataSource.query('UPDATE spot_check_pool_entries SET sampled = NOT sampled')).rejects.toThrow(/append-only/);
    const audit = await t.dataSource.query(`SELECT actor_username, details FROM audit_log WHERE action = 'drawSpotCheckSample'`);
    expect(audit).toEqual([
      expect.objectContaining({
        actor_username: 'district.officer',
        details: expect.objectContaining({ seed: first.seed, ratePercent: 50, poolSize: 4 }),
      }),
    ]);
  });

  it('tells the district which cases are due; a township sees only the always-checked ones and no draw', async () => {
    const drawn = first.pool.find((e) => e.inclusion === 'DRAWN')!.caseId;
    const notDrawn = first.pool.find((e) => e.inclusion === 'NOT_DRAWN')!.caseId;
    const district = await dueFor('district.officer');
    expect(district).toEqual(expect.arrayContaining([kin, complained, drawn]));
    expect(district).not.toContain(notDrawn);
    for (const username of ['hexi.caseworker', 'hexi.head']) {
      const township = await dueFor(username);
      expect([username, township.sort()]).toEqual([username, [kin, complained].sort()]);
      const node = await t.gql('query($id: ID!) { node(id: $id) { id } }', { id: first.id }, await t.login(username));
      expect([username, node.data?.node ?? null]).toEqual([username, null]);
    }
    // Audit replays the draw too (D§12).
    const audited = (await as(t, 'auditor', DRAWS)).spotCheckDraws.nodes;
    expect(audited.map((d: Draw) => [d.id, d.replayMatches])).toEqual([[first.id, true]]);
  });

  it('takes each filing into one draw only: a second draw now has nothing to draw', async () => {
    const again = await t.gql(DRAW, { i: {} }, await t.login('district.officer'));
    expect([codeOf(again), messageKeyOf(again)]).toEqual(['CONFLICT', 'spotCheck.draw.emptyPool']);
    const ahead = await t.gql(DRAW, { i: { filedOnOrBefore: '2099-01-01' } }, await t.login('district.officer'));
    expect([codeOf(ahead), messageKeyOf(ahead)]).toEqual(['BAD_USER_INPUT', 'spotCheck.draw.cutOffAhead']);
  });

  it('puts a filed LINSHI case in the pool, where it can be sampled (D§6)', async () => {
    const { case: linshi } = await apply(t, 'LINSHI', { head: '抽样临', cause: '火灾 (house fire)' });
    await stepOk(t, 'hexi.caseworker', 'acceptCase', linshi.id);
    await stepOk(t, 'hexi.caseworker', 'startInvestigation', linshi.id);
    await verify(t, linshi.id);
    await investigate(t, linshi.id);
    await stepOk(t, 'hexi.caseworker', 'startNotice', linshi.id, { amount: 1500 });
    await letNoticePass(t, linshi.id);
    await stepOk(t, 'hexi.head', 'approveCase', linshi.id);
    // Filing LINSHI results with the district is issue #11 item 4 (D§6); the draw takes any filed case.
    await t.dataSource.query(`UPDATE cases SET status = 'FILED', status_since = now() WHERE id = $1`, [rawId(linshi.id)]);
    await as(t, 'district.officer', SET_RATE, { v: 100 });
    await as(t, 'district.officer', DRAW, { i: {} });
    const [latest] = await draws();
    expect(latest).toMatchObject({ ratePercent: 100, poolSize: 1, sampleSize: 1, replayMatches: true });
    expect(latest.pool).toEqual([expect.objectContaining({ caseId: linshi.id, inclusion: 'DRAWN', sampled: true })]);
    expect(replay(latest.seed, latest.ratePercent, latest.pool)).toEqual([linshi.id]);
    expect(await dueFor('district.officer')).toContain(linshi.id);
    await as(t, 'district.officer', SET_RATE, { v: null });
  });
});
