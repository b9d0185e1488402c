import { Department, Role } from '../permissions/roles';
import { termsInMonth } from '../src/modules/enrolment/terms-in-month';
import { codeOf, messageKeyOf, unmetKeysOf, useTestApp } from './support/harness';
import { accountIdOf, as, rawId } from './support/workflow';
import { monthFromNow } from './support/funds';

/**
 * The monthly funds cycle over HTTP on the seeded demo (D§10, P4.3, P4.4): Hexi's roster for the
 * month its approved enrolments start, the district's fund request, finance's approval, the bank
 * batch, one failed transfer re-paid after the account is corrected, and the reconciliation.
 */

const HEXI = '510199101000';
const DISTRICT = '510199000000';
/** Seeded approvals enrol from the month after approval (D§3); the seeded LINSHI case was decided this month. */
const NEXT = monthFromNow(1);
const THIS = monthFromNow(0);

const ROSTER = 'id month status total lineCount townshipCode';
const BUILD = `mutation($i: BuildRosterInput!) { buildRoster(input: $i) { roster { ${ROSTER} } } }`;
const SUBMIT_ROSTER = `mutation($i: SubmitRosterInput!) { submitRoster(input: $i) { roster { ${ROSTER} } } }`;
const LINES = `query($m: String) { rosters(month: $m, first: 10) { nodes { id townshipCode lines(first: 100) { totalCount nodes {
  id payee programme payeeName idNumber bankName bankAccount amount } } } } }`;
const REQUEST = 'id month status requestedTotal allocatedAmount returnReasons';
const SUBMIT_REQUEST = `mutation($i: SubmitFundRequestInput!) { submitFundRequest(input: $i) { fundRequest { ${REQUEST} } } }`;
const APPROVE = `mutation($i: ApproveFundRequestInput!) { approveFundRequest(input: $i) { fundRequest { ${REQUEST} } } }`;
const EXPORT = `mutation($i: ExportPaymentBatchInput!) { exportPaymentBatch(input: $i) { paymentBatch { id kind transferCount total dueOn file } } }`;
const RESULTS = `mutation($i: RecordPaymentResultsInput!) { recordPaymentResults(input: $i) { paymentBatch { id } } }`;
const BATCHES = '{ paymentBatches { totalCount nodes { id kind month townshipCode transferCount total file } } }';
const PAYMENTS = `query($m: String) { payments(month: $m, first: 100) { totalCount nodes { id villageCode payeeName amount status failureReason bankAccount } } }`;
const RECONCILE = `query($m: String!, $t: String!) { reconciliation(month: $m, townshipCode: $t) {
  rosterTotal requestedTotal allocatedTotal paidTotal failedTotal repaidTotal balanced differences { kind payee payeeName rosterAmount paidAmount } } }`;

/** A second bank, and one account holding both the district's and finance's roles, for the separation of duties. */
const FIXTURE = {
  regions: [],
  accounts: [
    {
      username: 'dept.bank2',
      displayName: 'Second bank integration',
      regionCode: DISTRICT,
      roles: [Role.DEPARTMENT],
      departmentCode: Department.BANK,
    },
    {
      username: 'dual.officer',
      displayName: 'Officer holding two roles',
      regionCode: DISTRICT,
      roles: [Role.DISTRICT_OFFICER, Role.FINANCE_OFFICER],
    },
  ],
};

const t = useTestApp({ demo: true, fixture: FIXTURE });

const cents = (yuan: string) => Math.round(Number(yuan) * 100);

/** Parses the batch file: BOM, header, and one row per transfer (no field in the demo needs quoting). */
function csvRows(file: string): string[][] {
  expect(file.startsWith('\uFEFF')).toBe(true);
  return file
    .slice(1)
    .split('\r\n')
    .filter(Boolean)
    .map((line) => line.split(','));
}

/** Hexi's enrolments paid in a month, as the township sees them. */
async function hexiEnrolmentsPaidIn(month: string) {
  const { enrolments } = await as(
    t,
    'hexi.caseworker',
    '{ enrolments(first: 100) { nodes { id status startMonth monthlyAmount payeeName } } }',
  );
  return enrolments.nodes.filter((e: { status: string; startMonth: string }) => e.status === 'ACTIVE' && e.startMonth.slice(0, 7) <= month);
}

describe('the monthly cycle: roster → request → approval → batch → results → re-payment → reconciliation (D§10)', () => {
  let rosterId: string;
  let requestId: string;
  let batchFile: string;
  let batchId: string;

  it('a township caseworker builds the roster from the enrolments paid in the month; building it again gives the same roster', async () => {
    const expected = await hexiEnrolmentsPaidIn(NEXT);
    expect(expected.length).toBeGreaterThan(0);
    const built = (await as(t, 'hexi.caseworker', BUILD, { i: { townshipCode: HEXI, month: NEXT } })).buildRoster.roster;
    expect(built).toMatchObject({ month: NEXT, status: 'DRAFT', townshipCode: HEXI, lineCount: expected.length });
    const sum = expected.reduce((total: number, e: { monthlyAmount: string }) => total + cents(e.monthlyAmount), 0);
    expect(cents(built.total)).toBe(sum);
    const again = (await as(t, 'hexi.caseworker2', BUILD, { i: { townshipCode: HEXI, month: NEXT } })).buildRoster.roster;
    expect(again).toEqual(built);
    const { rosters } = await as(t, 'district.officer', `{ rosters(month: "${NEXT}") { totalCount } }`);
    expect(rosters.totalCount).toBe(1);
    rosterId = built.id;
  });

  it.each(['va.101201', 'hexi.member1', 'shiqiao.caseworker', 'district.officer', 'finance', 'auditor', 'dept.bank', 'admin'])(
    'only the township builds its own roster: %s is refused (D§10)',
    async (username) => {
      const result = await t.gql(BUILD, { i: { townshipCode: HEXI, month: NEXT } }, await t.login(username));
      expect(codeOf(result)).toBe('FORBIDDEN');
    },
  );

  it('the head submits it, after which the database refuses any change to it or its lines', async () => {
    expect(codeOf(await t.gql(SUBMIT_ROSTER, { i: { rosterId } }, await t.login('hexi.caseworker')))).toBe('FORBIDDEN');
    const submitted = (await as(t, 'hexi.head', SUBMIT_ROSTER, { i: { rosterId } })).submitRoster.roster;
    expect(submitted.status).toBe('SUBMITTED');
    const again = await t.gql(SUBMIT_ROSTER, { i: { rosterId } }, await t.login('hexi.head'));
    expect(messageKeyOf(again)).toBe('funds.roster.alreadySubmitted');
    await expect(t.ownerDataSource.query(`UPDATE rosters SET total = total + 1 WHERE id = $1`, [rawId(rosterId)])).rejects.toThrow(
      /frozen/,
    );
    await expect(
      t.ownerDataSource.query(`UPDATE roster_lines SET amount = amount + 1 WHERE roster_id = $1`, [rawId(rosterId)]),
    ).rejects.toThrow(/append-only/);
    await expect(
      t.dataSource.query(
        `INSERT INTO roster_lines (district_code, township_code, village_code, roster_id, enrolment_id, programme, payee_name, id_number, amount)
         SELECT district_code, township_code, village_code, roster_id, enrolment_id, programme, payee_name, id_number, amount FROM roster_lines WHERE roster_id = $1 LIMIT 1`,
        [rawId(rosterId)],
      ),
    ).rejects.toThrow(/frozen/);
    const rebuilt = (await as(t, 'hexi.caseworker', BUILD, { i: { townshipCode: HEXI, month: NEXT } })).buildRoster.roster;
    expect(rebuilt).toEqual(submitted);
  });

  it('the district compiles the fund request; only finance approves it, in full, and never the one who compiled it (P4.3, P4.4)', async () => {
    for (const username of ['hexi.head', 'finance', 'auditor', 'va.101201']) {
      expect(codeOf(await t.gql(SUBMIT_REQUEST, { i: { month: NEXT } }, await t.login(username)))).toBe('FORBIDDEN');
    }
    const { fundRequest } = (await as(t, 'dual.officer', SUBMIT_REQUEST, { i: { month: NEXT } })).submitFundRequest;
    const { rosters } = await as(t, 'finance', `{ rosters(month: "${NEXT}") { nodes { total } } }`);
    expect(fundRequest.requestedTotal).toBe(rosters.nodes[0].total);
    requestId = fundRequest.id;
    const i = { fundRequestId: requestId, allocatedAmount: fundRequest.requestedTotal };
    const byCompiler = await t.gql(APPROVE, { i }, await t.login('dual.officer'));
    expect(codeOf(byCompiler)).toBe('FORBIDDEN');
    expect(byCompiler.errors![0].extensions!.clause).toBe('D§10');
    for (const username of ['district.officer', 'auditor', 'hexi.head', 'dept.bank']) {
      expect(codeOf(await t.gql(APPROVE, { i }, await t.login(username)))).toBe('FORBIDDEN');
    }
    const short = await t.gql(
      APPROVE,
      { i: { ...i, allocatedAmount: (Number(i.allocatedAmount) - 0.01).toFixed(2) } },
      await t.login('finance'),
    );
    expect(messageKeyOf(short)).toBe('funds.request.allocationNotInFull');
    const approved = (await as(t, 'finance', APPROVE, { i })).approveFundRequest.fundRequest;
    expect(approved).toMatchObject({ status: 'APPROVED', allocatedAmount: fundRequest.requestedTotal });
    expect(messageKeyOf(await t.gql(APPROVE, { i }, await t.login('finance')))).toBe('funds.request.decided');
  });

  it('finance exports the batch file to the bank: UTF-8 with the payee, account, bank, amount and reference of every line', async () => {
    const bank = await accountIdOf(t, 'dept.bank');
    const input = { townshipCode: HEXI, month: NEXT, bankIntegrationId: bank, kind: 'REGULAR' };
    for (const username of ['district.officer', 'auditor', 'hexi.caseworker', 'dept.bank']) {
      expect(codeOf(await t.gql(EXPORT, { i: input }, await t.login(username)))).toBe('FORBIDDEN');
    }
    const tax = await accountIdOf(t, 'dept.tax');
    expect(messageKeyOf(await t.gql(EXPORT, { i: { ...input, bankIntegrationId: tax } }, await t.login('finance')))).toBe(
      'funds.batch.notABank',
    );
    const batch = (await as(t, 'finance', EXPORT, { i: input })).exportPaymentBatch.paymentBatch;
    const [header, ...rows] = csvRows(batch.file);
    expect(header).toEqual(['收款人姓名', '银行账号', '开户银行', '金额', '业务参考号']);
    const { rosters } = await as(t, 'hexi.caseworker', LINES, { m: NEXT });
    const lines = rosters.nodes[0].lines.nodes;
    expect(rows.map(([name, account, , amount]) => [name, account, amount]).sort()).toEqual(
      lines.map((l: { payeeName: string; bankAccount: string; amount: string }) => [l.payeeName, l.bankAccount, l.amount]).sort(),
    );
    expect(batch.transferCount).toBe(lines.length);
    // Due by the district's payment day, by default the 10th (D§10).
    expect(batch.dueOn).toBe(`${NEXT}-10`);
    const again = await t.gql(EXPORT, { i: input }, await t.login('finance'));
    expect(unmetKeysOf(again)).toEqual(['funds.batch.nothingToPay']);
    batchFile = batch.file;
    batchId = batch.id;
  });

  it('the bank integration sees the batch sent to it; another bank and other departments see none of it', async () => {
    expect((await as(t, 'dept.bank', BATCHES)).paymentBatches.nodes.map((b: { id: string }) => b.id)).toEqual([batchId]);
    expect((await as(t, 'dept.bank', BATCHES)).paymentBatches.nodes[0].file).toBe(batchFile);
    expect((await as(t, 'dept.bank2', BATCHES)).paymentBatches.totalCount).toBe(0);
    expect((await as(t, 'dept.tax', BATCHES)).paymentBatches.totalCount).toBe(0);
    const [, first] = csvRows(batchFile);
    const results = { batchId, results: [{ reference: first[4], outcome: 'PAID' }] };
    expect(codeOf(await t.gql(RESULTS, { i: results }, await t.login('dept.bank2')))).toBe('NOT_FOUND');
    expect(codeOf(await t.gql(RESULTS, { i: results }, await t.login('finance')))).toBe('FORBIDDEN');
  });

  it('the bank reports one failure and the rest paid; a result once recorded cannot change; the books show the failure', async () => {
    const [, failed, ...paid] = csvRows(batchFile);
    await as(t, 'dept.bank', RESULTS, {
      i: {
        batchId,
        results: [
          { reference: failed[4], outcome: 'FAILED', reason: '账户已销户 (account closed)' },
          ...paid.map((row) => ({ reference: row[4], outcome: 'PAID' })),
        ],
      },
    });
    const again = await t.gql(
      RESULTS,
      { i: { batchId, results: [{ reference: failed[4], outcome: 'PAID' }] } },
      await t.login('dept.bank'),
    );
    expect(messageKeyOf(again)).toBe('funds.result.alreadyRecorded');
    const books = (await as(t, 'finance', RECONCILE, { m: NEXT, t: HEXI })).reconciliation;
    expect(books.balanced).toBe(false);
    expect(books.failedTotal).toBe(failed[3]);
    expect(books.differences).toEqual([
      expect.objectContaining({ kind: 'FAILED', payeeName: failed[0], rosterAmount: failed[3], paidAmount: '0.00' }),
    ]);
    const payments = (await as(t, 'hexi.caseworker', PAYMENTS, { m: NEXT })).payments.nodes;
    expect(payments.find((p: { payeeName: string }) => p.payeeName === failed[0])).toMatchObject({
      status: 'FAILED',
      failureReason: '账户已销户 (account closed)',
    });
  });

  it('after the account is corrected the failed payment is re-paid in a supplementary batch, and every total agrees to the fen', async () => {
    const bank = await accountIdOf(t, 'dept.bank');
    const supplementary = { townshipCode: HEXI, month: NEXT, bankIntegrationId: bank, kind: 'SUPPLEMENTARY' };
    expect(unmetKeysOf(await t.gql(EXPORT, { i: supplementary }, await t.login('finance')))).toEqual(['funds.batch.nothingToPay']);
    const [, failed] = csvRows(batchFile);
    const { households } = await as(t, 'hexi.caseworker', `query($s: String) { households(search: $s) { nodes { id } } }`, {
      s: failed[0],
    });
    // An enrolled payee's account changes only when a second account confirms the proposal.
    const { proposeBankAccountChange } = await as(
      t,
      'hexi.caseworker',
      'mutation($i: ProposeBankAccountChangeInput!) { proposeBankAccountChange(input: $i) { bankAccountChange { id } } }',
      {
        i: {
          householdId: households.nodes[0].id,
          bankAccount: '6228480000000000999',
          bankName: '农业银行 (Agricultural Bank)',
          reason: '银行退回：账户已销户 (account closed)',
        },
      },
    );
    await as(
      t,
      'hexi.caseworker2',
      'mutation($c: ID!) { confirmBankAccountChange(input: { changeId: $c }) { bankAccountChange { id } } }',
      {
        c: proposeBankAccountChange.bankAccountChange.id,
      },
    );
    // The district moves its payment day: the re-payment is due by the new one.
    await as(t, 'district.officer', 'mutation { updateSetting(input: { key: "paymentDay", value: 15 }) { settings { districtCode } } }');
    const batch = (await as(t, 'finance', EXPORT, { i: supplementary })).exportPaymentBatch.paymentBatch;
    expect(batch.dueOn).toBe(`${NEXT}-15`);
    const [, row, ...none] = csvRows(batch.file);
    expect(none).toEqual([]);
    expect(row).toEqual([failed[0], '6228480000000000999', '农业银行 (Agricultural Bank)', failed[3], failed[4]]);
    await as(t, 'dept.bank', RESULTS, { i: { batchId: batch.id, results: [{ reference: row[4], outcome: 'PAID' }] } });
    const books = (await as(t, 'auditor', RECONCILE, { m: NEXT, t: HEXI })).reconciliation;
    expect(books).toMatchObject({ failedTotal: '0.00', repaidTotal: failed[3], balanced: true, differences: [] });
    expect(books.requestedTotal).toBe(books.rosterTotal);
    expect(books.allocatedTotal).toBe(books.rosterTotal);
    expect(cents(books.paidTotal) + cents(books.repaidTotal)).toBe(cents(books.rosterTotal));
  });

  it('finance sees payees with masked ID numbers and their accounts, never the household circumstances or an applicant never approved', async () => {
    const { rosters } = await as(t, 'finance', LINES, { m: NEXT });
    const line = rosters.nodes[0].lines.nodes[0];
    expect(line.idNumber).toMatch(/^\d{4}\*{10}[\dX]{4}$/);
    expect(line.bankAccount).toMatch(/^\d{19}$/);
    const { rosters: full } = await as(t, 'district.officer', LINES, { m: NEXT });
    expect(full.nodes[0].lines.nodes[0].idNumber).toMatch(/^\d{17}[\dX]$/);
    // Audit reads every payee, with the ID number and the account masked (D§2, invariant reads.personal.AUDITOR).
    const { rosters: audited } = await as(t, 'auditor', LINES, { m: NEXT });
    expect(audited.nodes[0].lines.nodes[0].idNumber).toMatch(/^\d{4}\*{10}[\dX]{4}$/);
    expect(audited.nodes[0].lines.nodes[0].bankAccount).not.toBe(line.bankAccount);
    const enrolment = await as(
      t,
      'finance',
      '{ enrolments(first: 100) { nodes { payeeName residence reviewClass household { headName memberCount address members { name } } } } }',
    );
    for (const e of enrolment.enrolments.nodes) {
      expect(e).toMatchObject({ residence: null, reviewClass: null, household: { memberCount: null, address: null, members: null } });
    }
    const applicants = await as(t, 'finance', `query($s: String) { households(search: $s) { totalCount } }`, { s: '刘桂兰' });
    expect(applicants.households.totalCount).toBe(0);
  });

  it('a village sees whether its recipients were paid, not their accounts; it reads no roster (P4.1)', async () => {
    const { payments } = await as(t, 'va.101204', PAYMENTS, { m: NEXT });
    expect(payments.totalCount).toBeGreaterThan(0);
    for (const p of payments.nodes) {
      expect(p.villageCode).toBe('510199101204');
      expect(p.status).toBe('PAID');
      expect(p.bankAccount).toMatch(/^\*{4}\d{4}$/);
    }
    expect((await as(t, 'va.101201', PAYMENTS, { m: NEXT })).payments.totalCount).toBe(0);
    expect(codeOf(await t.gql(LINES, { m: NEXT }, await t.login('va.101204')))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(RECONCILE, { m: NEXT, t: HEXI }, await t.login('va.101204')))).toBe('FORBIDDEN');
    expect((await as(t, 'shiqiao.caseworker', PAYMENTS, { m: NEXT })).payments.totalCount).toBe(0);
  });

  it('the auditor reads the whole cycle and changes none of it, but records findings against it (P4.4)', async () => {
    expect((await as(t, 'auditor', BATCHES)).paymentBatches.totalCount).toBe(2);
    expect((await as(t, 'auditor', `{ fundRequests { nodes { id status } } }`)).fundRequests.nodes).toEqual([
      { id: requestId, status: 'APPROVED' },
    ]);
    expect((await as(t, 'auditor', PAYMENTS, { m: NEXT })).payments.totalCount).toBeGreaterThan(0);
    const bank = await accountIdOf(t, 'dept.bank');
    const attempts: [string, Record<string, unknown>][] = [
      [BUILD, { townshipCode: HEXI, month: THIS }],
      [SUBMIT_ROSTER, { rosterId }],
      [SUBMIT_REQUEST, { month: THIS }],
      [APPROVE, { fundRequestId: requestId, allocatedAmount: '1.00' }],
      [EXPORT, { townshipCode: HEXI, month: NEXT, bankIntegrationId: bank, kind: 'REGULAR' }],
      [RESULTS, { batchId, results: [{ reference: '00000000-0000-4000-8000-000000000000', outcome: 'PAID' }] }],
    ];
    for (const [mutation, i] of attempts) expect(codeOf(await t.gql(mutation, { i }, await t.login('auditor')))).toBe('FORBIDDEN');
    const finding = await as(
      t,
      'auditor',
      'mutation($i: RecordAuditFindingInput!) { recordAuditFinding(input: $i) { auditFinding { subjectId } } }',
      {
        i: {
          severity: 'OBSERVATION',
          title: '补发核查',
          body: '一笔失败发放已在更正账户后补发。',
          townshipCode: HEXI,
          subjectId: rosterId,
        },
      },
    );
    expect(finding.recordAuditFinding.auditFinding.subjectId).toBe(rosterId);
  });
});

describe('LINSHI in the month of its approval (D§6, D§10)', () => {
  it("the approved LINSHI amount is in the roster of the month it was decided, paid to the case's payee", async () => {
    const built = (await as(t, 'hexi.caseworker', BUILD, { i: { townshipCode: HEXI, month: THIS } })).buildRoster.roster;
    const { rosters } = await as(t, 'hexi.caseworker', LINES, { m: THIS });
    const linshi = rosters.nodes
      .find((r: { id: string }) => r.id === built.id)
      .lines.nodes.filter((l: { programme: string }) => l.programme === 'LINSHI');
    const { cases } = await as(t, 'hexi.caseworker', `{ cases(filter: { search: "杨国强" }) { nodes { id amount } } }`);
    expect(linshi).toEqual([expect.objectContaining({ payee: cases.nodes[0].id, payeeName: '杨国强', amount: cases.nodes[0].amount })]);
  });
});

describe('the roster is built by one set-based insert from the enrolments’ history (issue #12)', () => {
  const BAIYUN = '510199201000';
  const RECIPIENTS = 60;
  const AHEAD = [3, 4, 5, 6].map((add) => monthFromNow(add));
  const firstDay = (add: number) => `${monthFromNow(add)}-01`;
  let recipients: { id: string; village_code: string; monthly_amount: string }[];

  /** Baiyun (no demo enrolments) gets `RECIPIENTS` DIBAO households enrolled from this month, as the benchmark seeds them. */
  beforeAll(async () => {
    recipients = await t.dataSource.query(
      `WITH villages AS (SELECT array_agg(code ORDER BY code) AS codes FROM regions WHERE level = 'VILLAGE' AND code LIKE '510199201%'),
       creator AS (SELECT id FROM accounts WHERE username = 'admin'),
       h AS (
         INSERT INTO households (district_code, township_code, village_code, residence, head_name, member_count, address, bank_name, bank_account, created_by_id)
         SELECT $1, $2, v.codes[1 + g % array_length(v.codes, 1)], 'RURAL', '白云户' || g, 1, '地址 ' || g, '农村信用社', '62284800' || lpad(g::text, 11, '0'), (SELECT id FROM creator)
         FROM generate_series(1, $3::int) g, villages v
         RETURNING district_code, id, township_code, village_code, head_name, created_by_id),
       p AS (
         INSERT INTO persons (district_code, household_id, township_code, village_code, name, id_number, relation, labour_capacity)
         SELECT district_code, id, township_code, village_code, head_name, '51019919500101' || lpad(row_number() OVER ()::text, 3, '0') || 'X', 'HEAD', 'NONE' FROM h),
       c AS (
         INSERT INTO cases (district_code, household_id, township_code, village_code, programme, status, channel, applicant_name, residence, amount, created_by_id, version)
         SELECT district_code, id, township_code, village_code, 'DIBAO', 'APPROVED', 'WINDOW', head_name, 'RURAL', 300 + row_number() OVER (), created_by_id, 1 FROM h
         RETURNING district_code, id, household_id, township_code, village_code, applicant_name, amount),
       e AS (
         INSERT INTO enrolments (district_code, case_id, household_id, township_code, village_code, programme, residence, has_member_able_to_work, payee_name,
                                 monthly_amount, start_month, review_class, review_class_rule, next_review_on, status)
         SELECT district_code, id, household_id, township_code, village_code, 'DIBAO', 'RURAL', false, applicant_name, amount, $4::date, 'A', 'STABLE_INCOME', now()::date + 365, 'ACTIVE' FROM c
         RETURNING district_code, id, township_code, village_code, monthly_amount, start_month),
       history AS (
         INSERT INTO enrolment_changes (district_code, township_code, village_code, enrolment_id, kind, amount, status, effective_month, reason)
         SELECT district_code, township_code, village_code, id, 'ENROLLED', monthly_amount, 'ACTIVE', start_month, '经审核确认纳入' FROM e)
       SELECT id, village_code, monthly_amount::text AS monthly_amount FROM e ORDER BY id`,
      [DISTRICT, BAIYUN, RECIPIENTS, firstDay(0)],
    );
  });

  /** The enrolment lines of a roster, as (enrolment, amount) pairs in enrolment order. */
  async function enrolmentLines(rosterId: string) {
    const rows: { enrolment_id: string; amount: string }[] = await t.dataSource.query(
      `SELECT enrolment_id, amount::text AS amount FROM roster_lines WHERE roster_id = $1 AND enrolment_id IS NOT NULL ORDER BY enrolment_id`,
      [rawId(rosterId)],
    );
    return rows.map((row) => ({ enrolmentId: row.enrolment_id, amount: row.amount }));
  }

  it('costs the same number of SQL statements for a roster of 60 lines as for one of one line or none', async () => {
    const build = async (username: string, townshipCode: string, month: string) => {
      const result = await t.gql(BUILD, { i: { townshipCode, month } }, await t.login(username));
      return { lines: result.data!.buildRoster.roster.lineCount, statements: result.statements };
    };
    // A token's first request reads its account in full; later ones only check it is still current.
    for (const username of ['baiyun.caseworker', 'hexi.caseworker']) await t.gql('{ me { id } }', {}, await t.login(username));
    const many = await build('baiyun.caseworker', BAIYUN, monthFromNow(2));
    const one = await build('hexi.caseworker', HEXI, monthFromNow(2));
    const none = await build('baiyun.caseworker', BAIYUN, monthFromNow(-60));
    expect([many.lines, one.lines, none.lines]).toEqual([RECIPIENTS, 1, 0]);
    expect(many.statements).toBe(none.statements);
    expect(one.statements).toBe(none.statements);
  });

  it('pays exactly what termsInMonth reads from a varied history: lowered, raised and lowered in one month, gradual exit, ended', async () => {
    // Each recipient gets one of six histories after this month ([kind, amount, status, month, recorded
    // seconds from now]): of two records effective in the same month the one recorded later wins, and a
    // record of a later month is not yet in force.
    const histories: [string, string, string, number, number][][] = [
      [],
      [['LOWERED', '123.45', 'ACTIVE', 4, 0]],
      [
        ['RAISED', '130.00', 'ACTIVE', 5, 1],
        ['LOWERED', '120.50', 'ACTIVE', 5, 2],
      ],
      [['GRADUAL_EXIT', '50.00', 'ACTIVE', 4, 0]],
      [['ENDED', '0.00', 'ENDED', 4, 0]],
      [
        ['LOWERED', '99.99', 'ACTIVE', 6, 0],
        ['ENDED', '99.99', 'ENDED', 5, 1],
      ],
    ];
    for (const [index, r] of recipients.entries()) {
      for (const [kind, amount, status, add, later] of histories[index % histories.length]) {
        await t.dataSource.query(
          `INSERT INTO enrolment_changes (district_code, township_code, village_code, enrolment_id, kind, amount, status, effective_month, reason, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, '测试变动', now() + $9 * interval '1 second')`,
          [DISTRICT, BAIYUN, r.village_code, r.id, kind, amount, status, firstDay(add), later],
        );
      }
    }

    const token = await t.login('baiyun.caseworker');
    const paid = new Map<string, Map<string, string>>();
    for (const month of AHEAD) {
      const built = await t.gql(BUILD, { i: { townshipCode: BAIYUN, month } }, token);
      const lines = await enrolmentLines(built.data!.buildRoster.roster.id);
      expect(lines).toEqual(await termsInMonth(t.dataSource.manager, DISTRICT, BAIYUN, month));
      paid.set(month, new Map(lines.map((l) => [l.enrolmentId, l.amount])));
    }
    const amountsOf = (index: number) => AHEAD.map((month) => paid.get(month)!.get(recipients[index].id));
    const old = (index: number) => recipients[index].monthly_amount;
    expect(amountsOf(0)).toEqual([old(0), old(0), old(0), old(0)]);
    expect(amountsOf(1)).toEqual([old(1), '123.45', '123.45', '123.45']);
    expect(amountsOf(2)).toEqual([old(2), old(2), '120.50', '120.50']);
    expect(amountsOf(3)).toEqual([old(3), '50.00', '50.00', '50.00']);
    expect(amountsOf(4)).toEqual([old(4), undefined, undefined, undefined]);
    expect(amountsOf(5)).toEqual([old(5), old(5), undefined, '99.99']);
  });
});
