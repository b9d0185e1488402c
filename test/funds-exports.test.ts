import { Workbook } from 'exceljs';
import type { Response } from 'superagent';
import { codeOf, messageKeyOf, useTestApp } from './support/harness';
import { accountIdOf, apply, as, rawId, stepOk } from './support/workflow';
import { monthFromNow, payHexiMonth, referencesOf } from './support/funds';

/**
 * Institution payees (issue #11 item 8), supplementary rosters and the file exports (issue #12
 * items 1 and 6, issue #13 item 5) over HTTP on the seeded demo, D§10.
 */

const HEXI = '510199101000';
const SHIQIAO = '510199102000';
const NEXT = monthFromNow(1);
const THIS = monthFromNow(0);

const LINES = `query($m: String, $t: String) { rosters(month: $m, townshipCode: $t, first: 10) { nodes { id supplements reason lineCount total
  lines(first: 100) { nodes { id kind institution payeeName idNumber bankName bankAccount amount enrolment: payee } } } } }`;
const BUILD = 'mutation($i: BuildRosterInput!) { buildRoster(input: $i) { roster { id lineCount total status } } }';
const SUPPLEMENT = `mutation($i: BuildSupplementaryRosterInput!) { buildSupplementaryRoster(input: $i) { roster {
  id status supplements reason lineCount total lines(first: 10) { nodes { kind payee amount } } } } }`;
const SUBMIT_ROSTER = 'mutation($i: SubmitRosterInput!) { submitRoster(input: $i) { roster { id status } } }';
const SUBMIT_REQUEST = 'mutation($i: SubmitFundRequestInput!) { submitFundRequest(input: $i) { fundRequest { id requestedTotal } } }';
const CREATE_INSTITUTION = `mutation($i: CreateInstitutionPayeeInput!) { createInstitutionPayee(input: $i) { institutionPayee {
  id name bankName bankAccount townshipCode } } }`;
const ASSIGN = `mutation($i: AssignInstitutionPayeeInput!) { assignInstitutionPayee(input: $i) {
  enrolment { id } institutionPayee { id name } } }`;
const PAYMENTS = `query($m: String) { payments(month: $m, first: 100) { totalCount nodes { id townshipCode villageCode payeeName amount status bankAccount } } }`;
const STATISTICS = `query($y: Int!, $t: String) { districtStatistics(year: $y, townshipCode: $t) { townshipCode month paidRecipients amountPaid recipients } }`;

const t = useTestApp({ demo: true });

/** The body of a file answer as bytes, whatever its content type. */
function bytes(res: Response, callback: (error: Error | null, body: Buffer) => void) {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
}

async function download(username: string | null, path: string, query: Record<string, string>, language?: string) {
  const req = t.http().get(path).query(query).buffer(true).parse(bytes);
  if (username) req.set('authorization', `Bearer ${await t.login(username)}`);
  if (language) req.set('accept-language', language);
  return req;
}

/** An .xlsx answer read back with exceljs: the header row and every data row as text. */
async function sheetOf(body: Buffer): Promise<{ header: string[]; rows: string[][] }> {
  const workbook = new Workbook();
  // exceljs declares its own Buffer type, older than Node's typed-array Buffer.
  await workbook.xlsx.load(body as unknown as Parameters<Workbook['xlsx']['load']>[0]);
  const worksheet = workbook.worksheets[0];
  const rows: string[][] = [];
  // Every cell the exports write is text or a number.
  worksheet.eachRow((row) =>
    rows.push((row.values as (string | number | null | undefined)[]).slice(1).map((v) => (v == null ? '' : String(v)))),
  );
  return { header: rows[0], rows: rows.slice(1) };
}

/** A refusal answered as JSON with its code. */
const refusal = (res: { body: Buffer }) => JSON.parse(res.body.toString('utf8')) as { errors: { extensions: { code: string } }[] };

describe('a centralised TEKUN recipient is paid to the institution that cares for the person (D§10, issue #11 item 8)', () => {
  let hexiInstitution: string;
  let institutionId: string;
  let tekunEnrolmentId: string;
  const shiqiaoHome = { townshipCode: SHIQIAO, name: '石桥镇敬老院', bankName: '农村信用社', bankAccount: '6230000011112222333' };

  it('the township records the institution; the village and another township cannot', async () => {
    const input = { townshipCode: HEXI, name: '河西镇敬老院', bankName: '农业银行', bankAccount: '6228000099998888777' };
    expect(codeOf(await t.gql(CREATE_INSTITUTION, { i: input }, await t.login('va.101202')))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(CREATE_INSTITUTION, { i: input }, await t.login('shiqiao.caseworker')))).toBe('FORBIDDEN');
    const badAccount = await t.gql(CREATE_INSTITUTION, { i: { ...input, bankAccount: '12ab' } }, await t.login('hexi.caseworker'));
    expect(codeOf(badAccount)).toBe('BAD_USER_INPUT');
    const { createInstitutionPayee } = await as(t, 'hexi.caseworker', CREATE_INSTITUTION, { i: input });
    expect(createInstitutionPayee.institutionPayee).toMatchObject({ name: '河西镇敬老院', townshipCode: HEXI });
    hexiInstitution = createInstitutionPayee.institutionPayee.id;
    // The district may keep any of its townships' institutions.
    const { createInstitutionPayee: shiqiao } = await as(t, 'district.officer', CREATE_INSTITUTION, { i: shiqiaoHome });
    institutionId = shiqiao.institutionPayee.id;
  });

  it("corrects an institution's name by its township; its account changes only with a second account (D§10, issue #10)", async () => {
    const UPDATE = `mutation($i: UpdateInstitutionPayeeInput!) { updateInstitutionPayee(input: $i) { institutionPayee { id name bankAccount } } }`;
    const input = { townshipCode: HEXI, name: '河西镇福利院', bankName: '农业银行', bankAccount: '6228000011110000111' };
    const { id } = (await as(t, 'hexi.caseworker', CREATE_INSTITUTION, { i: input })).createInstitutionPayee.institutionPayee;
    const change = { institutionPayeeId: id, name: '河西镇中心福利院' };
    expect(codeOf(await t.gql(UPDATE, { i: change }, await t.login('va.101201')))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(UPDATE, { i: change }, await t.login('shiqiao.caseworker')))).toBe('NOT_FOUND');
    // The account is proposed and confirmed by two accounts (test/institution-account-change.test.ts).
    const account = await t.gql(UPDATE, { i: { ...change, bankAccount: '6222000022220000222' } }, await t.login('hexi.head'));
    expect(messageKeyOf(account)).toBe('funds.institution.secondAccountNeeded');
    expect((await as(t, 'hexi.head', UPDATE, { i: change })).updateInstitutionPayee.institutionPayee).toEqual({
      id,
      name: '河西镇中心福利院',
      bankAccount: '6228000011110000111',
    });
    const [entry] = await t.dataSource.query(`SELECT details FROM audit_log WHERE action = 'updateInstitutionPayee' AND kind = 'CHANGE'`);
    expect(entry.details).toEqual({ before: { name: '河西镇福利院' }, after: { name: '河西镇中心福利院' } });
  });

  it('is named on a centralised TEKUN enrolment only; DIBAO and dispersed TEKUN keep the household account', async () => {
    const idOf = async (username: string, township: string, programme: string) => {
      const [row] = await t.dataSource.query(
        `SELECT id FROM enrolments WHERE township_code = $1 AND programme = $2 AND status = 'ACTIVE' ORDER BY created_at LIMIT 1`,
        [township, programme],
      );
      const { enrolments } = await as(t, username, '{ enrolments(first: 100) { nodes { id } } }');
      return enrolments.nodes.find((n: { id: string }) => rawId(n.id) === row.id).id as string;
    };
    const assign = async (username: string, enrolmentId: string, institutionPayeeId: string) =>
      t.gql(ASSIGN, { i: { enrolmentId, institutionPayeeId } }, await t.login(username));
    const dibao = await idOf('hexi.caseworker', HEXI, 'DIBAO');
    expect(messageKeyOf(await assign('hexi.caseworker', dibao, hexiInstitution))).toBe('funds.institution.notCentralised');
    tekunEnrolmentId = await idOf('shiqiao.caseworker', SHIQIAO, 'TEKUN');
    // Dispersed TEKUN (as seeded) is paid to the household: naming an institution is refused.
    expect(messageKeyOf(await assign('shiqiao.caseworker', tekunEnrolmentId, institutionId))).toBe('funds.institution.notCentralised');
    // The care assessment placed this recipient in an institution (集中供养).
    await t.dataSource.query(`UPDATE enrolments SET support_form = 'CENTRALISED' WHERE id = $1`, [rawId(tekunEnrolmentId)]);
    // Another township's institution is not one Shiqiao may name.
    expect(codeOf(await assign('shiqiao.caseworker', tekunEnrolmentId, hexiInstitution))).toBe('NOT_FOUND');
    for (const username of ['va.102204', 'shiqiao.head', 'district.officer', 'finance', 'hexi.caseworker']) {
      const refused = await assign(username, tekunEnrolmentId, institutionId);
      expect([username, codeOf(refused)]).toEqual([username, expect.stringMatching(/^(FORBIDDEN|NOT_FOUND)$/)]);
    }
    const { assignInstitutionPayee } = await as(t, 'shiqiao.caseworker', ASSIGN, {
      i: { enrolmentId: tekunEnrolmentId, institutionPayeeId: institutionId },
    });
    expect(assignInstitutionPayee.institutionPayee).toEqual({ id: institutionId, name: '石桥镇敬老院' });
  });

  it("the roster and the bank batch pay the institution's account for it, and the household's for the others", async () => {
    const { buildRoster } = await as(t, 'shiqiao.caseworker', BUILD, { i: { townshipCode: SHIQIAO, month: NEXT } });
    const { rosters } = await as(t, 'shiqiao.caseworker', LINES, { m: NEXT, t: SHIQIAO });
    const lines = rosters.nodes[0].lines.nodes as {
      institution: string | null;
      enrolment: string;
      payeeName: string;
      bankAccount: string;
    }[];
    const tekunLine = lines.find((l) => l.enrolment === tekunEnrolmentId)!;
    expect(tekunLine).toMatchObject({ institution: institutionId, payeeName: '石桥镇敬老院', bankAccount: '6230000011112222333' });
    const households: { bank_account: string }[] = await t.dataSource.query(
      `SELECT h.bank_account FROM enrolments e JOIN households h ON h.id = e.household_id WHERE e.township_code = $1 AND e.id <> $2`,
      [SHIQIAO, rawId(tekunEnrolmentId)],
    );
    const others = lines.filter((l) => l !== tekunLine);
    expect(others.length).toBeGreaterThan(0);
    for (const line of others)
      expect([line.institution, households.map((h) => h.bank_account)]).toEqual([null, expect.arrayContaining([line.bankAccount])]);
    // Shiqiao's roster goes into the month's request with Hexi's, and finance sends Shiqiao's batch too.
    await as(t, 'shiqiao.head', SUBMIT_ROSTER, { i: { rosterId: buildRoster.roster.id } });
    await payHexiMonth(t, NEXT);
    const { exportPaymentBatch } = await as(
      t,
      'finance',
      'mutation($i: ExportPaymentBatchInput!) { exportPaymentBatch(input: $i) { paymentBatch { file } } }',
      { i: { townshipCode: SHIQIAO, month: NEXT, bankIntegrationId: await accountIdOf(t, 'dept.bank'), kind: 'REGULAR' } },
    );
    expect(exportPaymentBatch.paymentBatch.file).toContain('石桥镇敬老院,6230000011112222333,农村信用社,');
  });
});

describe('amounts paid in the district statistics (issue #13 item 5)', () => {
  it('equal a direct SQL sum of what the bank confirmed, per township and month, under the caller’s scope', async () => {
    const { paymentBatches } = await as(
      t,
      'finance',
      'query($m: String, $t: String) { paymentBatches(month: $m, townshipCode: $t) { nodes { id file } } }',
      {
        m: NEXT,
        t: HEXI,
      },
    );
    const batch = paymentBatches.nodes[0];
    const references = referencesOf(batch.file);
    // One transfer fails: only what the bank confirmed counts as paid.
    await as(t, 'dept.bank', 'mutation($i: RecordPaymentResultsInput!) { recordPaymentResults(input: $i) { paymentBatch { id } } }', {
      i: {
        batchId: batch.id,
        results: references.map((reference, i) =>
          i === 0 ? { reference, outcome: 'FAILED', reason: '账户已销户' } : { reference, outcome: 'PAID' },
        ),
      },
    });
    const [direct] = await t.dataSource.query(
      `SELECT count(*)::int AS n, sum(x.amount)::text AS amount FROM payments p
         JOIN payment_results r ON r.payment_id = p.id AND r.outcome = 'PAID' JOIN payment_transfers x ON x.id = r.transfer_id
        WHERE p.township_code = $1 AND p.month = $2`,
      [HEXI, NEXT],
    );
    expect(direct.n).toBe(references.length - 1);
    const year = Number(NEXT.slice(0, 4));
    for (const username of ['district.officer', 'hexi.head']) {
      const { districtStatistics } = await as(t, username, STATISTICS, { y: year, t: null });
      const figure = districtStatistics.find((f: { townshipCode: string; month: string }) => f.townshipCode === HEXI && f.month === NEXT);
      expect([username, figure.paidRecipients, Number(figure.amountPaid)]).toEqual([username, direct.n, Number(direct.amount)]);
    }
    // Shiqiao sees its own figures only: no amount of Hexi's counts in them.
    const { districtStatistics: shiqiao } = await as(t, 'shiqiao.caseworker', STATISTICS, { y: year, t: null });
    expect(new Set(shiqiao.map((f: { townshipCode: string }) => f.townshipCode))).toEqual(new Set([SHIQIAO]));
  });
});

describe('exports as .xlsx and CSV hold exactly the rows the caller may see (issue #12 item 6)', () => {
  let rosterId: string;
  beforeAll(async () => {
    const { rosters } = await as(t, 'hexi.caseworker', LINES, { m: NEXT, t: HEXI });
    rosterId = rosters.nodes[0].id;
  });

  it('the township roster opens with exceljs, headed in Chinese, with the GraphQL lines of the same caller', async () => {
    for (const username of ['hexi.caseworker', 'district.officer', 'finance', 'auditor']) {
      const res = await download(username, '/exports/roster', { rosterId });
      expect([username, res.status]).toEqual([username, 200]);
      expect(res.headers['content-type']).toContain('spreadsheetml');
      const { header, rows } = await sheetOf(res.body as Buffer);
      expect(header).toEqual([
        '乡镇代码',
        '村（社区）代码',
        '收款人',
        '身份证号',
        '救助类别',
        '发放方式',
        '开户银行',
        '银行账号',
        '金额（元）',
      ]);
      const { node } = await as(
        t,
        username,
        'query($id: ID!) { node(id: $id) { ... on Roster { lines(first: 100) { nodes { payeeName idNumber bankAccount amount } } } } }',
        {
          id: rosterId,
        },
      );
      const expected = node.lines.nodes.map(
        (l: { payeeName: string; idNumber: string | null; bankAccount: string | null; amount: string }) => [
          l.payeeName,
          l.idNumber ?? '',
          l.bankAccount ?? '',
          String(Number(l.amount)),
        ],
      );
      const got = rows.map((r) => [r[2], r[3], r[7], r[8]]);
      expect([username, got.sort()]).toEqual([username, expected.sort()]);
    }
  });

  it('English headers on Accept-Language: en, and the same rows as CSV', async () => {
    const xlsx = await download('hexi.caseworker', '/exports/roster', { rosterId }, 'en');
    expect((await sheetOf(xlsx.body as Buffer)).header).toEqual([
      'Township',
      'Village',
      'Payee',
      'ID number',
      'Programme',
      'Paid by',
      'Bank',
      'Bank account',
      'Amount (yuan)',
    ]);
    const csv = await download('hexi.caseworker', '/exports/roster', { rosterId, format: 'csv' });
    expect(csv.headers['content-type']).toContain('text/csv');
    const text = (csv.body as Buffer).toString('utf8');
    expect(text.startsWith('\uFEFF乡镇代码,')).toBe(true);
    const { rows } = await sheetOf(xlsx.body as Buffer);
    expect(text.split('\r\n').filter(Boolean).length).toBe(rows.length + 1);
  });

  it('another township, the village and a department are refused with a code, and an anonymous caller is unauthenticated', async () => {
    const other = await download('shiqiao.caseworker', '/exports/roster', { rosterId });
    expect([other.status, refusal(other).errors[0].extensions.code]).toEqual([404, 'NOT_FOUND']);
    for (const username of ['va.101202', 'dept.bank', 'hexi.member1']) {
      const refused = await download(username, '/exports/roster', { rosterId });
      expect([username, refused.status, refusal(refused).errors[0].extensions.code]).toEqual([username, 403, 'FORBIDDEN']);
    }
    const anonymous = await download(null, '/exports/roster', { rosterId });
    expect([anonymous.status, refusal(anonymous).errors[0].extensions.code]).toEqual([401, 'UNAUTHENTICATED']);
    const badFormat = await download('hexi.caseworker', '/exports/roster', { rosterId, format: 'pdf' });
    expect(refusal(badFormat).errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it("the month's payment report: a township sees only its own, the village its own without accounts, the bank is refused", async () => {
    for (const username of ['district.officer', 'hexi.caseworker', 'shiqiao.caseworker', 'va.101202']) {
      const res = await download(username, '/exports/payments', { month: NEXT });
      expect([username, res.status]).toEqual([username, 200]);
      const { header, rows } = await sheetOf(res.body as Buffer);
      expect(header[0]).toBe('乡镇代码');
      const { payments } = await as(t, username, PAYMENTS, { m: NEXT });
      const expected = payments.nodes.map((p: { villageCode: string; payeeName: string; bankAccount: string | null }) => [
        p.villageCode,
        p.payeeName,
        p.bankAccount ?? '',
      ]);
      expect([username, rows.map((r) => [r[1], r[2], r[7]]).sort()]).toEqual([username, expected.sort()]);
    }
    const shiqiao = await sheetOf((await download('shiqiao.caseworker', '/exports/payments', { month: NEXT })).body as Buffer);
    expect(shiqiao.rows.filter((r) => r[0] === HEXI)).toEqual([]);
    const village = await sheetOf((await download('va.101202', '/exports/payments', { month: NEXT })).body as Buffer);
    expect(village.rows.every((r) => r[1] === '510199101202' && r[7] === '')).toBe(true);
    const bank = await download('dept.bank', '/exports/payments', { month: NEXT });
    expect([bank.status, refusal(bank).errors[0].extensions.code]).toEqual([403, 'FORBIDDEN']);
  });

  it('each unmasked account written to a file is audited as a personal read, and a refusal as denied', async () => {
    const before = await t.dataSource.query(`SELECT max(at) AS at FROM audit_log`);
    await download('hexi.caseworker', '/exports/payments', { month: NEXT });
    await download('va.101202', '/exports/roster', { rosterId });
    const rows: { kind: string; username: string; subject_type: string; field: string | null }[] = await t.dataSource.query(
      `SELECT kind, actor_username AS username, subject_type, field FROM audit_log WHERE at > $1`,
      [before[0].at],
    );
    const { payments } = await as(t, 'hexi.caseworker', PAYMENTS, { m: NEXT });
    const withAccount = payments.nodes.filter((p: { bankAccount: string | null }) => p.bankAccount !== null).length;
    expect(withAccount).toBeGreaterThan(0);
    expect(
      rows.filter((r) => r.username === 'hexi.caseworker' && r.kind === 'READ_PERSONAL_DATA' && r.field === 'bankAccount').length,
    ).toBeGreaterThanOrEqual(withAccount);
    expect(rows).toContainEqual({ kind: 'DENIED', username: 'va.101202', subject_type: 'Roster', field: null });
  });

  it('the district statistics as .xlsx: the district sees every township, a township itself, finance is refused', async () => {
    const year = NEXT.slice(0, 4);
    const district = await sheetOf((await download('district.officer', '/exports/statistics', { year })).body as Buffer);
    expect(district.header).toContain('已到账金额（元）');
    const { districtStatistics } = await as(t, 'district.officer', STATISTICS, { y: Number(year), t: null });
    expect(district.rows.length).toBe(districtStatistics.length);
    const amountColumn = district.header.indexOf('已到账金额（元）');
    const hexiNext = district.rows.find((r) => r[0] === HEXI && r[1] === NEXT)!;
    const figure = districtStatistics.find((f: { townshipCode: string; month: string }) => f.townshipCode === HEXI && f.month === NEXT);
    expect(Number(hexiNext[amountColumn])).toBe(Number(figure.amountPaid));
    const own = await sheetOf((await download('hexi.head', '/exports/statistics', { year })).body as Buffer);
    expect(new Set(own.rows.map((r) => r[0]))).toEqual(new Set([HEXI]));
    const finance = await download('finance', '/exports/statistics', { year });
    expect([finance.status, refusal(finance).errors[0].extensions.code]).toEqual([403, 'FORBIDDEN']);
  });
});

describe('a submitted roster is frozen; a correction is a supplementary roster linked to it (D§10)', () => {
  it('holds only the payees the submitted roster misses, with its reason, and is requested on its own', async () => {
    const { buildRoster } = await as(t, 'hexi.caseworker', BUILD, { i: { townshipCode: HEXI, month: THIS } });
    const original = buildRoster.roster;
    const early = await t.gql(SUPPLEMENT, { i: { rosterId: original.id, reason: '补录' } }, await t.login('hexi.caseworker'));
    expect(messageKeyOf(early)).toBe('funds.roster.notSubmitted');
    await as(t, 'hexi.head', SUBMIT_ROSTER, { i: { rosterId: original.id } });
    const { submitFundRequest: first } = await as(t, 'district.officer', SUBMIT_REQUEST, { i: { month: THIS } });
    const nothing = await t.gql(SUPPLEMENT, { i: { rosterId: original.id, reason: '补录' } }, await t.login('hexi.caseworker'));
    expect(messageKeyOf(nothing)).toBe('requirements.unmet');

    // An emergency payment made after the roster went to the district.
    const { case: applied } = await apply(t, 'LINSHI', { head: '补充', emergency: true, cause: '火灾 (house fire)' });
    await as(t, 'hexi.head', 'mutation($i: DecideEmergencyPaymentInput!) { decideEmergencyPayment(input: $i) { case { id } } }', {
      i: { caseId: applied.id, amount: 1200 },
    });
    await stepOk(t, 'hexi.caseworker', 'emergencyPay', applied.id, { amount: 1200 });

    for (const username of ['va.101202', 'shiqiao.caseworker', 'district.officer', 'finance']) {
      const refused = await t.gql(SUPPLEMENT, { i: { rosterId: original.id, reason: '补录急难救助' } }, await t.login(username));
      expect([username, codeOf(refused)]).toEqual([username, expect.stringMatching(/^(FORBIDDEN|NOT_FOUND)$/)]);
    }
    const { buildSupplementaryRoster } = await as(t, 'hexi.caseworker', SUPPLEMENT, {
      i: { rosterId: original.id, reason: '补录报送后的急难救助' },
    });
    const supplement = buildSupplementaryRoster.roster;
    expect(supplement).toMatchObject({
      status: 'DRAFT',
      supplements: original.id,
      reason: '补录报送后的急难救助',
      lineCount: 1,
      total: '1200.00',
    });
    expect(supplement.lines.nodes).toEqual([{ kind: 'EMERGENCY_PAID', payee: applied.id, amount: '1200.00' }]);
    // The original is untouched, and the regular roster is still the one buildRoster returns.
    const again = await as(t, 'hexi.caseworker', BUILD, { i: { townshipCode: HEXI, month: THIS } });
    expect(again.buildRoster.roster).toEqual({ ...original, status: 'SUBMITTED' });

    await as(t, 'hexi.head', SUBMIT_ROSTER, { i: { rosterId: supplement.id } });
    const { submitFundRequest: second } = await as(t, 'district.officer', SUBMIT_REQUEST, { i: { month: THIS } });
    expect(second.fundRequest.requestedTotal).toBe('1200.00');
    expect(codeOf(await t.gql(SUBMIT_REQUEST, { i: { month: THIS } }, await t.login('district.officer')))).toBe('CONFLICT');
    for (const request of [first, second]) {
      await as(t, 'finance', 'mutation($i: ApproveFundRequestInput!) { approveFundRequest(input: $i) { fundRequest { id } } }', {
        i: { fundRequestId: request.fundRequest.id, allocatedAmount: request.fundRequest.requestedTotal },
      });
    }
    const { reconciliation } = await as(
      t,
      'auditor',
      'query($m: String!, $t: String!) { reconciliation(month: $m, townshipCode: $t) { rosterTotal requestedTotal allocatedTotal emergencyPaidTotal } }',
      { m: THIS, t: HEXI },
    );
    const sum = (Number(original.total) * 100 + 120000) / 100;
    expect(Number(reconciliation.rosterTotal)).toBe(sum);
    expect(Number(reconciliation.requestedTotal)).toBe(sum);
    expect(Number(reconciliation.allocatedTotal)).toBe(sum);
    expect(Number(reconciliation.emergencyPaidTotal)).toBeGreaterThanOrEqual(1200);
    const [{ n }] = await t.dataSource.query('SELECT count(*)::int AS n FROM payments WHERE payee_key = $1', [rawId(applied.id)]);
    expect(n).toBe(0);
  });
});
