import { bankAccountOrThrow } from '../payee-account/account-change.service';
import { EntityManager, In } from 'typeorm';
import type { Caller } from '../../auth/caller';
import { badInput, conflict, notFound, textOrThrow, unmet } from '../../errors';
import { message } from '../../i18n/message';
import { Connection, keysetPage, PageArgs } from '../../graphql/connection';
import type { TenantKey } from '../../db/tenant-keys';
import { UUID_PATTERN } from '../../db/tenant-keys';
import type { DataAccess } from '../../db/data-access';
import { changed, tenantSubject, unchanged } from '../../db/guarded-writes';
import type { GuardedWrites } from '../../db/guarded-writes';
import { levelOfCodeOrThrow, RegionLevel } from '../region/region-code';
import type { RegionService } from '../region/region.service';
import type { SettingsService } from '../settings/settings.service';
import { termsInMonthSql } from '../enrolment/terms-in-month';
import {
  FundRequest,
  FundRequestRoster,
  FundRequestStatus,
  InstitutionPayee,
  Payment,
  PaymentBatch,
  PaymentBatchKind,
  PaymentOutcome,
  PaymentResult,
  PaymentStatus,
  PaymentTransfer,
  Roster,
  RosterLine,
  RosterStatus,
} from './funds.entity';
import { batchCsv } from './batch-file';
import { Enrolment } from '../enrolment/enrolment.entity';
import { Programme, SupportForm } from '../case/case.entity';
import { fenOf, reconcile, Reconciliation, TransferOutcome } from './reconciliation';
import { whereEqual, whereKey } from '../../db/scoped-filters';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The month and township a funds list is narrowed to, each only when given. */
interface MonthTownshipFilter {
  month?: string | null;
  townshipCode?: string | null;
}

function assertMonthOrThrow(month: string, field = 'month'): void {
  if (!MONTH.test(month)) throw badInput(field, 'funds.month.invalid', { field });
}

/** Statuses of a LINSHI case whose amount was approved (D§6): it is paid in the month of its decision. */
const LINSHI_APPROVED = ['APPROVED', 'FILED', 'SPOT_CHECKED', 'CORRECTION_ORDERED', 'PAID'];

const ROSTER = tenantSubject('Roster', Roster, () => notFound('funds.roster.notFound'));
const FUND_REQUEST = tenantSubject('FundRequest', FundRequest, () => notFound('funds.request.notFound'));
const PAYMENT_BATCH = tenantSubject('PaymentBatch', PaymentBatch, () => notFound('funds.batch.notFound'));
const INSTITUTION = tenantSubject('InstitutionPayee', InstitutionPayee, () => notFound('funds.institution.notFound'));
const ENROLMENT = tenantSubject('Enrolment', Enrolment, () => notFound('enrolment.notFound'));

export interface PaymentResultInput {
  reference: string;
  outcome: PaymentOutcome;
  reason?: string | null;
}

/*
 * A roster's lines, written by one INSERT … SELECT whatever its size (issue #12: a roster of 20,000 in
 * ≤ 2 s): ids and amounts never travel through Node and back. Parameters: $1 district, $2 township,
 * $3 the roster's id, $4 the month's first day, $5 the LINSHI statuses whose amount was approved.
 * Each payee is taken only if no other roster of the township's month holds it, so that a
 * supplementary roster holds only what the submitted ones miss and no payee is paid twice in a month.
 */
const notYetRostered = (key: string) =>
  `NOT EXISTS (SELECT 1 FROM roster_lines o JOIN rosters r ON r.district_code = o.district_code AND r.id = o.roster_id
     WHERE o.district_code = $1 AND r.township_code = $2 AND r.month = to_char($4::date, 'YYYY-MM') AND r.id <> $3
       AND coalesce(o.enrolment_id, o.case_id) = ${key})`;

/** The ID number on the line: the household head's. */
const HEAD_ID_NUMBER = `LEFT JOIN LATERAL (SELECT p.id_number FROM persons p WHERE p.district_code = h.district_code AND p.household_id = h.id
                         ORDER BY (p.relation = 'HEAD') DESC, p.id LIMIT 1) head ON true`;

/**
 * The enrolments paid in the month at their amount of that month (`termsInMonthSql`). A centralised
 * TEKUN recipient is paid to the care institution named on the enrolment (D§10), everyone else to
 * the household; a centralised recipient without an institution gets a line without an account,
 * which is never sent to a bank and shows in the reconciliation until the roster is corrected.
 */
const ENROLMENT_LINES = `
  SELECT e.district_code, e.township_code, e.village_code, $3::uuid, e.id, NULL::uuid, e.programme, 'PAYABLE', i.id,
         CASE WHEN paid.central THEN coalesce(i.name, e.payee_name) ELSE e.payee_name END, coalesce(head.id_number, ''),
         CASE WHEN paid.central THEN i.bank_name ELSE h.bank_name END, CASE WHEN paid.central THEN i.bank_account ELSE h.bank_account END, t.amount
  FROM (${termsInMonthSql('$1', '$2', '$4::date')}) AS t
  JOIN enrolments e ON e.district_code = $1 AND e.id = t.enrolment_id
  CROSS JOIN LATERAL (SELECT e.programme = 'TEKUN' AND e.support_form = 'CENTRALISED' AS central) paid
  LEFT JOIN institution_payees i ON paid.central AND i.district_code = e.district_code AND i.id = e.institution_payee_id
  JOIN households h ON h.district_code = e.district_code AND h.id = e.household_id
  ${HEAD_ID_NUMBER}
  WHERE ${notYetRostered('e.id')}`;

/**
 * LINSHI lines of the month, paid to the household (D§6, D§10): amounts approved in it (decided in
 * it, by China Standard Time) that the bank pays, and emergency payments made in it (the head's
 * decision, paid on the spot), which enter the same books as lines of their own kind: counted in the
 * roster, the request and the reconciliation, and never given a payment, so no bank batch can pay
 * them a second time.
 */
const linshiLines = (kind: 'PAYABLE' | 'EMERGENCY_PAID', inMonth: string) => `
  SELECT c.district_code, c.township_code, c.village_code, $3::uuid, NULL::uuid, c.id, c.programme, '${kind}', NULL::uuid,
         h.head_name, coalesce(head.id_number, ''), h.bank_name, h.bank_account, c.amount
  FROM cases c
  JOIN households h ON h.district_code = c.district_code AND h.id = c.household_id
  ${HEAD_ID_NUMBER}
  WHERE c.district_code = $1 AND c.township_code = $2 AND c.programme = 'LINSHI' AND c.amount IS NOT NULL
    AND ${inMonth}
    AND ${notYetRostered('c.id')}`;
const inTheMonth = (column: string) => `to_char(${column} AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') = to_char($4::date, 'YYYY-MM')`;
// An approved amount already paid on the spot is an emergency line, never one the bank pays.
const LINSHI_LINES = linshiLines('PAYABLE', `c.status = ANY($5) AND ${inTheMonth('c.decided_at')} AND c.emergency_paid_at IS NULL`);
const EMERGENCY_LINES = linshiLines('EMERGENCY_PAID', `c.emergency_paid_at IS NOT NULL AND ${inTheMonth('c.emergency_paid_at')}`);

/** The monthly funds cycle (D§10, P4.3, P4.4): roster, fund request, payment batches, bank results, reconciliation. */
export class FundsService {
  constructor(
    private readonly data: DataAccess,
    private readonly writes: GuardedWrites,
    private readonly regions: RegionService,
    private readonly settings: SettingsService,
  ) {}

  /**
   * The township's roster for a month, built once (D§10): the enrolments paid in the month
   * (`termsInMonthSql`), the LINSHI amounts approved in it and the emergency payments made in it,
   * each with the payee's account as it stands today. Building again returns the roster already built.
   */
  async buildRoster(caller: Caller, townshipCode: string, month: string): Promise<Roster> {
    assertMonthOrThrow(month);
    const districtCode = await this.townshipOrThrow(caller, townshipCode);
    const existing = await this.rosterOf(caller, districtCode, townshipCode, month);
    if (existing) return existing;
    const roster = this.newRoster(caller, districtCode, townshipCode, month, null, null);
    return this.writes.guardedCreate(caller, 'Roster', roster, 'create', async (manager) => {
      const saved = await this.saveWithLines(manager, roster);
      return changed(saved, 'buildRoster', { month, lines: saved.lineCount, total: saved.total });
    });
  }

  /**
   * A correction of a submitted roster (补充花名册), D§10: the submitted roster stays as it was; the
   * payees of the month that no roster of the township's month holds yet (an approval or emergency
   * payment recorded after submission, an institution named late) go on a roster of their own,
   * linked to the original, with the reason. A failed transfer is not corrected here: it is re-paid
   * by a supplementary payment batch once the account is corrected.
   */
  async buildSupplementaryRoster(caller: Caller, key: TenantKey, reason: string): Promise<Roster> {
    const text = textOrThrow(reason, 'reason', 500);
    const original = await this.findRoster(caller, key);
    if (!original) throw notFound('funds.roster.notFound');
    if (original.supplementsId) throw badInput('rosterId', 'funds.roster.supplementOfSupplement');
    if (original.status !== RosterStatus.SUBMITTED) throw conflict('funds.roster.notSubmitted');
    const roster = this.newRoster(caller, original.districtCode, original.townshipCode, original.month, original.id, text);
    return this.writes.guardedCreate(caller, 'Roster', roster, 'create', async (manager) => {
      const saved = await this.saveWithLines(manager, roster);
      // Thrown inside the transaction: the empty roster is rolled back with it.
      if (!saved.lineCount) throw unmet(message('funds.roster.nothingToSupplement', { month: saved.month }));
      return changed(saved, 'buildSupplementaryRoster', {
        supplements: original.id,
        reason: text,
        lines: saved.lineCount,
        total: saved.total,
      });
    });
  }

  private newRoster(
    caller: Caller,
    districtCode: string,
    townshipCode: string,
    month: string,
    supplementsId: string | null,
    reason: string | null,
  ): Roster {
    return Object.assign(new Roster(), {
      districtCode,
      townshipCode,
      month,
      supplementsId,
      reason,
      status: RosterStatus.DRAFT,
      total: 0,
      lineCount: 0,
      builtById: caller.actor!.accountId,
      submittedById: null,
      submittedAt: null,
    });
  }

  private async saveWithLines(manager: EntityManager, roster: Roster): Promise<Roster> {
    const saved = await manager.save(roster);
    const [totals]: { total: string; count: number }[] = await manager.query(
      `WITH added AS (
         INSERT INTO roster_lines (district_code, township_code, village_code, roster_id, enrolment_id, case_id, programme, kind,
                                   institution_payee_id, payee_name, id_number, bank_name, bank_account, amount)
         ${ENROLMENT_LINES} UNION ALL ${LINSHI_LINES} UNION ALL ${EMERGENCY_LINES}
         RETURNING amount)
       SELECT coalesce(sum(amount), 0)::text AS total, count(*)::int AS count FROM added`,
      [saved.districtCode, saved.townshipCode, saved.id, `${saved.month}-01`, LINSHI_APPROVED],
    );
    Object.assign(saved, { total: Number(totals.total), lineCount: totals.count });
    await manager.update(Roster, { districtCode: saved.districtCode, id: saved.id }, { total: saved.total, lineCount: saved.lineCount });
    return saved;
  }

  /**
   * A care institution's payee record (D§10): centralised TEKUN recipients in its care are paid to
   * its account. Kept by the township it is in, or by the district (policy rows, D§10).
   */
  async createInstitutionPayee(
    caller: Caller,
    input: { townshipCode: string; name: string; bankName: string; bankAccount: string },
  ): Promise<InstitutionPayee> {
    const districtCode = await this.townshipOrThrow(caller, input.townshipCode);
    const payee = Object.assign(new InstitutionPayee(), {
      districtCode,
      townshipCode: input.townshipCode,
      name: textOrThrow(input.name, 'name', 50),
      bankName: textOrThrow(input.bankName, 'bankName', 50),
      bankAccount: bankAccountOrThrow(input.bankAccount),
      createdById: caller.actor!.accountId,
    });
    return this.writes.guardedCreate(caller, 'InstitutionPayee', payee, 'create', async (manager) => {
      if (await manager.exists(InstitutionPayee, { where: { districtCode, townshipCode: payee.townshipCode, name: payee.name } }))
        throw conflict('funds.institution.exists');
      return changed(await manager.save(payee), 'createInstitutionPayee', { name: payee.name, bankName: payee.bankName });
    });
  }

  /**
   * Corrects an institution's record in one step. Its account is not corrected here: the institution
   * is a payee, so its account changes only as a proposal a second account confirms (D§10, D§14;
   * proposeInstitutionAccountChange). The bank fields are still taken, and pass when they repeat the
   * record, so that a client sending the record back as it read it is not refused.
   */
  updateInstitutionPayee(
    caller: Caller,
    key: TenantKey,
    input: { name?: string | null; bankName?: string | null; bankAccount?: string | null },
  ): Promise<InstitutionPayee> {
    const name = input.name == null ? undefined : textOrThrow(input.name, 'name', 50);
    return this.writes.guardedChange(caller, INSTITUTION, key, 'update', async ({ manager, row }) => {
      if (input.bankAccount != null && bankAccountOrThrow(input.bankAccount) !== row.bankAccount)
        throw badInput('bankAccount', 'funds.institution.secondAccountNeeded');
      if (input.bankName != null && input.bankName.trim() !== row.bankName)
        throw badInput('bankName', 'funds.institution.secondAccountNeeded');
      if (name === undefined || name === row.name) return unchanged(row);
      const where = { districtCode: row.districtCode, townshipCode: row.townshipCode, name };
      if (await manager.exists(InstitutionPayee, { where })) throw conflict('funds.institution.exists');
      const before = row.name;
      row.name = name;
      return changed(await manager.save(row), 'updateInstitutionPayee', { before: { name: before }, after: { name } });
    });
  }

  /**
   * Names the institution paid for a centralised TEKUN recipient (D§10); refused for anyone else,
   * who is paid to the household's account. The institution must be one the caller may see.
   */
  async assignInstitutionPayee(caller: Caller, enrolmentKey: TenantKey, institutionKey: TenantKey): Promise<Enrolment> {
    const institution = await this.findInstitutionPayee(caller, institutionKey);
    if (!institution || institution.districtCode !== enrolmentKey.districtCode) throw notFound('funds.institution.notFound');
    return this.writes.guardedChange(caller, ENROLMENT, enrolmentKey, 'update', async ({ manager, row }) => {
      if (row.programme !== Programme.TEKUN || row.supportForm !== SupportForm.CENTRALISED)
        throw badInput('enrolmentId', 'funds.institution.notCentralised');
      const before = row.institutionPayeeId;
      await manager.update(Enrolment, { districtCode: row.districtCode, id: row.id }, { institutionPayeeId: institution.id });
      row.institutionPayeeId = institution.id;
      return changed(row, 'assignInstitutionPayee', { before, institution: institution.id, name: institution.name });
    });
  }

  findInstitutionPayee(caller: Caller, key: TenantKey): Promise<InstitutionPayee | null> {
    return whereKey(this.data.scoped(caller, 'read', 'InstitutionPayee', InstitutionPayee, 'i'), key).getOne();
  }

  listInstitutionPayees(caller: Caller, filter: { townshipCode?: string | null }, page: PageArgs): Promise<Connection<InstitutionPayee>> {
    const qb = this.data.scoped(caller, 'read', 'InstitutionPayee', InstitutionPayee, 'i');
    whereEqual(qb, { township_code: filter.townshipCode });
    return keysetPage(qb, page, { type: 'InstitutionPayee', sortColumn: 'created_at' });
  }

  /** The township head submits the roster to the district; from then on it is frozen (the table refuses changes). */
  submitRoster(caller: Caller, key: TenantKey): Promise<Roster> {
    return this.writes.guardedChange(caller, ROSTER, key, 'submit', async ({ manager, row }) => {
      if (row.status !== RosterStatus.DRAFT) throw conflict('funds.roster.alreadySubmitted');
      row.status = RosterStatus.SUBMITTED;
      row.submittedById = caller.actor!.accountId;
      row.submittedAt = new Date();
      return changed(await manager.save(row), 'submitRoster', { month: row.month, total: row.total });
    });
  }

  /**
   * The district compiles the month's submitted rosters into its fund request to finance (P4.3):
   * those not yet in a request in force, so that a supplementary roster submitted after the month's
   * request is requested on its own, and no roster is requested twice.
   */
  async submitFundRequest(caller: Caller, month: string): Promise<FundRequest> {
    assertMonthOrThrow(month);
    const districtCode = caller.actor!.districtCode;
    const submitted = await this.data
      .scoped(caller, 'read', 'Roster', Roster, 'r')
      .andWhere('r.district_code = :d AND r.month = :month AND r.status = :submitted', {
        d: districtCode,
        month,
        submitted: RosterStatus.SUBMITTED,
      })
      .orderBy('r.township_code')
      .addOrderBy('r.created_at')
      .getMany();
    if (!submitted.length) throw unmet(message('funds.request.noRosters', { month }));
    const request = Object.assign(new FundRequest(), {
      districtCode,
      month,
      status: FundRequestStatus.SUBMITTED,
      requestedTotal: 0,
      allocatedAmount: null,
      returnReasons: [],
      compiledById: caller.actor!.accountId,
      decidedById: null,
      decidedAt: null,
    });
    return this.writes.guardedCreate(caller, 'FundRequest', request, 'create', async (manager) => {
      // The month's requests are compiled one at a time: the lock is released when this one commits.
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`fund_request:${districtCode}:${month}`]);
      const requested: { roster_id: string }[] = await manager.query(
        `SELECT s.roster_id FROM fund_request_rosters s JOIN fund_requests f ON f.district_code = s.district_code AND f.id = s.fund_request_id
         WHERE s.district_code = $1 AND f.month = $2 AND f.status <> 'RETURNED'`,
        [districtCode, month],
      );
      const already = new Set(requested.map((r) => r.roster_id));
      const rosters = submitted.filter((r) => !already.has(r.id));
      if (!rosters.length) throw conflict('funds.request.exists', { month });
      request.requestedTotal = rosters.reduce((sum, r) => sum + fenOf(r.total), 0) / 100;
      const saved = await manager.save(request);
      await manager.insert(
        FundRequestRoster,
        rosters.map((r) => ({ districtCode, townshipCode: r.townshipCode, fundRequestId: saved.id, rosterId: r.id, amount: r.total })),
      );
      return changed(saved, 'submitFundRequest', { month, total: saved.requestedTotal, rosters: rosters.length });
    });
  }

  /**
   * Finance approves the request and records the allocation, in full (P4.4): one payment per payee
   * of its rosters is created, which the unique index keeps to one per payee and month. Emergency
   * lines were paid on the spot (D§6): the allocation covers them, but they get no payment to send.
   */
  approveFundRequest(caller: Caller, key: TenantKey, allocatedAmount: number): Promise<FundRequest> {
    return this.writes.guardedChange(caller, FUND_REQUEST, key, 'decide', async ({ manager, row }) => {
      if (row.status !== FundRequestStatus.SUBMITTED) throw conflict('funds.request.decided');
      if (fenOf(allocatedAmount) !== fenOf(row.requestedTotal)) {
        throw badInput('allocatedAmount', 'funds.request.allocationNotInFull', { requested: Number(row.requestedTotal).toFixed(2) });
      }
      row.status = FundRequestStatus.APPROVED;
      row.allocatedAmount = allocatedAmount;
      row.decidedById = caller.actor!.accountId;
      row.decidedAt = new Date();
      const saved = await manager.save(row);
      const created: unknown[] = await manager.query(
        `INSERT INTO payments (district_code, township_code, village_code, month, roster_line_id, payee_key, fund_request_id, programme, payee_name, amount)
         SELECT l.district_code, l.township_code, l.village_code, $3, l.id, coalesce(l.enrolment_id, l.case_id), $2, l.programme, l.payee_name, l.amount
         FROM fund_request_rosters s JOIN roster_lines l ON l.district_code = s.district_code AND l.roster_id = s.roster_id
         WHERE s.district_code = $1 AND s.fund_request_id = $2 AND l.kind = 'PAYABLE' RETURNING id`,
        [row.districtCode, row.id, row.month],
      );
      return changed(saved, 'approveFundRequest', { allocatedAmount, payments: created.length });
    });
  }

  /** Finance returns the request with its reasons (P4.4); the district may compile it again. */
  returnFundRequest(caller: Caller, key: TenantKey, reasons: string[]): Promise<FundRequest> {
    if (!reasons.length) throw badInput('reasons', 'funds.request.reasonsRequired');
    const texts = reasons.map((reason, i) => textOrThrow(reason, `reasons[${i}]`, 500));
    return this.writes.guardedChange(caller, FUND_REQUEST, key, 'decide', async ({ manager, row }) => {
      if (row.status !== FundRequestStatus.SUBMITTED) throw conflict('funds.request.decided');
      row.status = FundRequestStatus.RETURNED;
      row.returnReasons = texts;
      row.decidedById = caller.actor!.accountId;
      row.decidedAt = new Date();
      return changed(await manager.save(row), 'returnFundRequest', { reasons: texts });
    });
  }

  /**
   * Finance sends a township's payments of a month to a bank's integration as a batch file (D§10).
   * A regular batch holds the payments not yet sent; a supplementary one the failed payments whose
   * payee's account has been corrected since, sent to the corrected account.
   */
  async exportPaymentBatch(
    caller: Caller,
    input: { townshipCode: string; month: string; bankIntegrationId: string; kind: PaymentBatchKind },
  ): Promise<PaymentBatch> {
    assertMonthOrThrow(input.month);
    const districtCode = await this.townshipOrThrow(caller, input.townshipCode);
    await this.assertBankIntegrationOrThrow(districtCode, input.bankIntegrationId);
    const { settings } = await this.settings.calendarOf(districtCode);
    const batch = Object.assign(new PaymentBatch(), {
      districtCode,
      townshipCode: input.townshipCode,
      month: input.month,
      kind: input.kind,
      bankIntegrationId: input.bankIntegrationId,
      // The month's payments are due by the district's payment day (D§10), dated as the batch leaves.
      dueOn: `${input.month}-${String(settings.paymentDay).padStart(2, '0')}`,
      createdById: caller.actor!.accountId,
    });
    return this.writes.guardedCreate(caller, 'PaymentBatch', batch, 'create', async (manager) => {
      const transfers = await this.transfersDue(manager, batch);
      if (!transfers.length) throw unmet(message('funds.batch.nothingToPay', { townshipCode: batch.townshipCode, month: batch.month }));
      batch.transferCount = transfers.length;
      batch.total = transfers.reduce((sum, t) => sum + fenOf(t.amount), 0) / 100;
      batch.file = batchCsv(transfers);
      const saved = await manager.save(batch);
      await manager.insert(
        PaymentTransfer,
        transfers.map((t) => ({
          districtCode,
          townshipCode: t.townshipCode,
          villageCode: t.villageCode,
          batchId: saved.id,
          paymentId: t.paymentId,
          bankName: t.bankName,
          bankAccount: t.bankAccount,
          amount: Number(t.amount),
        })),
      );
      return changed(saved, 'exportPaymentBatch', { kind: saved.kind, transfers: saved.transferCount, total: saved.total });
    });
  }

  private transfersDue(manager: EntityManager, batch: PaymentBatch): Promise<DueTransfer[]> {
    const select = `SELECT p.id AS "paymentId", p.township_code AS "townshipCode", p.village_code AS "villageCode", p.payee_name AS "payeeName",
      p.amount::text AS amount`;
    if (batch.kind === PaymentBatchKind.REGULAR) {
      return manager.query(
        `${select}, l.bank_name AS "bankName", l.bank_account AS "bankAccount"
         FROM payments p JOIN roster_lines l ON l.district_code = p.district_code AND l.id = p.roster_line_id
         WHERE p.district_code = $1 AND p.township_code = $2 AND p.month = $3 AND l.bank_account IS NOT NULL
           AND NOT EXISTS (SELECT 1 FROM payment_transfers x WHERE x.district_code = p.district_code AND x.payment_id = p.id)
         ORDER BY p.village_code, p.id`,
        [batch.districtCode, batch.townshipCode, batch.month],
      );
    }
    // The latest transfer of each payment failed, and the payee's account (the institution's for a
    // centralised TEKUN recipient, D§10, else the household's) differs from the one it failed on.
    return manager.query(
      `${select}, payee.bank_name AS "bankName", payee.bank_account AS "bankAccount"
       FROM payments p
       JOIN roster_lines l ON l.district_code = p.district_code AND l.id = p.roster_line_id
       LEFT JOIN enrolments e ON e.district_code = l.district_code AND e.id = l.enrolment_id
       LEFT JOIN cases c ON c.district_code = l.district_code AND c.id = l.case_id
       JOIN households h ON h.district_code = p.district_code AND h.id = coalesce(e.household_id, c.household_id)
       LEFT JOIN institution_payees i ON i.district_code = l.district_code AND i.id = l.institution_payee_id
       CROSS JOIN LATERAL (SELECT CASE WHEN i.id IS NULL THEN h.bank_name ELSE i.bank_name END AS bank_name,
                                  CASE WHEN i.id IS NULL THEN h.bank_account ELSE i.bank_account END AS bank_account) payee
       JOIN LATERAL (SELECT x.id, x.bank_account FROM payment_transfers x WHERE x.district_code = p.district_code AND x.payment_id = p.id
                     ORDER BY x.created_at DESC, x.id DESC LIMIT 1) latest ON true
       JOIN payment_results r ON r.district_code = p.district_code AND r.transfer_id = latest.id AND r.outcome = 'FAILED'
       WHERE p.district_code = $1 AND p.township_code = $2 AND p.month = $3
         AND payee.bank_account IS NOT NULL AND payee.bank_account <> latest.bank_account
       ORDER BY p.village_code, p.id`,
      [batch.districtCode, batch.townshipCode, batch.month],
    );
  }

  /** The account a batch is sent to must be a bank's integration of the district (D§2). */
  private async assertBankIntegrationOrThrow(districtCode: string, accountId: string): Promise<void> {
    const found: unknown[] = await this.data
      .system('find the bank integration a payment batch is sent to')
      .query(`SELECT 1 FROM accounts WHERE id = $1 AND district_code = $2 AND department_code = 'BANK' AND active`, [
        accountId,
        districtCode,
      ]);
    if (!found.length) throw badInput('bankIntegrationId', 'funds.batch.notABank');
  }

  /** One batch by its key, as far as the caller may read it. */
  findBatch(caller: Caller, key: TenantKey): Promise<PaymentBatch | null> {
    return whereKey(this.data.scoped(caller, 'read', 'PaymentBatch', PaymentBatch, 'b'), key).getOne();
  }

  /** The bank's integration reports the result of each transfer of a batch sent to it: paid, or failed with the reason. */
  recordPaymentResults(caller: Caller, key: TenantKey, results: PaymentResultInput[]): Promise<PaymentBatch> {
    if (!results.length) throw badInput('results', 'funds.result.none');
    const seen = new Set<string>();
    const checked = results.map((result, i) => {
      const field = `results[${i}]`;
      if (!UUID_PATTERN.test(result.reference) || seen.has(result.reference))
        throw badInput(`${field}.reference`, 'funds.result.reference');
      seen.add(result.reference);
      if (result.outcome === PaymentOutcome.PAID && result.reason) throw badInput(`${field}.reason`, 'funds.result.reasonOnlyOnFailure');
      const reason = result.outcome === PaymentOutcome.FAILED ? textOrThrow(result.reason, `${field}.reason`, 200) : null;
      return { reference: result.reference, outcome: result.outcome, reason };
    });
    return this.writes.guardedChange(caller, PAYMENT_BATCH, key, 'answer', async ({ manager, row }) => {
      const transfers = await manager.find(PaymentTransfer, { where: { districtCode: row.districtCode, batchId: row.id } });
      const byPayment = new Map(transfers.map((t) => [t.paymentId, t]));
      const unknown = checked.find((r) => !byPayment.has(r.reference));
      if (unknown) throw badInput('results', 'funds.result.unknownReference', { reference: unknown.reference });
      const recorded = await manager.find(PaymentResult, {
        where: { districtCode: row.districtCode, paymentId: In(checked.map((r) => r.reference)) },
      });
      const transferIds = new Set(transfers.map((t) => t.id));
      const again = recorded.find((r) => transferIds.has(r.transferId));
      if (again) throw conflict('funds.result.alreadyRecorded', { reference: again.paymentId });
      await manager.insert(
        PaymentResult,
        checked.map((r) => {
          const transfer = byPayment.get(r.reference)!;
          return {
            districtCode: row.districtCode,
            townshipCode: transfer.townshipCode,
            villageCode: transfer.villageCode,
            transferId: transfer.id,
            paymentId: transfer.paymentId,
            outcome: r.outcome,
            reason: r.reason,
            recordedById: caller.actor!.accountId,
          };
        }),
      );
      const failed = checked.filter((r) => r.outcome === PaymentOutcome.FAILED).length;
      return changed(row, 'recordPaymentResults', { paid: checked.length - failed, failed });
    });
  }

  listRosters(caller: Caller, filter: MonthTownshipFilter, page: PageArgs): Promise<Connection<Roster>> {
    const qb = this.data.scoped(caller, 'read', 'Roster', Roster, 'r');
    whereEqual(qb, { month: filter.month, township_code: filter.townshipCode });
    return keysetPage(qb, page, { type: 'Roster', sortColumn: 'created_at' });
  }

  listRosterLines(caller: Caller, roster: Roster, page: PageArgs): Promise<Connection<RosterLine>> {
    const qb = this.data
      .scoped(caller, 'read', 'RosterLine', RosterLine, 'l')
      .andWhere('l.district_code = :d AND l.roster_id = :r', { d: roster.districtCode, r: roster.id });
    return keysetPage(qb, page, { type: 'RosterLine', sortColumn: 'created_at' });
  }

  listFundRequests(caller: Caller, filter: { month?: string | null }, page: PageArgs): Promise<Connection<FundRequest>> {
    const qb = this.data.scoped(caller, 'read', 'FundRequest', FundRequest, 'f');
    whereEqual(qb, { month: filter.month });
    return keysetPage(qb, page, { type: 'FundRequest', sortColumn: 'created_at' });
  }

  listPaymentBatches(caller: Caller, filter: MonthTownshipFilter, page: PageArgs): Promise<Connection<PaymentBatch>> {
    const qb = this.data.scoped(caller, 'read', 'PaymentBatch', PaymentBatch, 'b');
    whereEqual(qb, { month: filter.month, township_code: filter.townshipCode });
    return keysetPage(qb, page, { type: 'PaymentBatch', sortColumn: 'created_at' });
  }

  async listPayments(
    caller: Caller,
    filter: MonthTownshipFilter & { villageCode?: string | null },
    page: PageArgs,
  ): Promise<Connection<Payment>> {
    const qb = this.data.scoped(caller, 'read', 'Payment', Payment, 'p');
    whereEqual(qb, { month: filter.month, township_code: filter.townshipCode, village_code: filter.villageCode });
    const connection = await keysetPage(qb, page, { type: 'Payment', sortColumn: 'created_at' });
    await this.withStatus(caller, connection.nodes);
    return connection;
  }

  async findPayment(caller: Caller, key: TenantKey): Promise<Payment | null> {
    const payment = await whereKey(this.data.scoped(caller, 'read', 'Payment', Payment, 'p'), key).getOne();
    if (payment) await this.withStatus(caller, [payment]);
    return payment;
  }

  findRoster(caller: Caller, key: TenantKey): Promise<Roster | null> {
    return whereKey(this.data.scoped(caller, 'read', 'Roster', Roster, 'r'), key).getOne();
  }

  /** Every line of a roster the caller may read, for its export: the `lines` of `rosters`, all pages at once. */
  async rosterForExport(caller: Caller, key: TenantKey): Promise<{ roster: Roster; lines: RosterLine[] }> {
    const roster = await this.findRoster(caller, key);
    if (!roster) throw notFound('funds.roster.notFound');
    const lines = await this.data
      .scoped(caller, 'read', 'RosterLine', RosterLine, 'l')
      .andWhere('l.district_code = :d AND l.roster_id = :r', { d: roster.districtCode, r: roster.id })
      .orderBy('l.village_code')
      .addOrderBy('l.created_at')
      .addOrderBy('l.id')
      .getMany();
    return { roster, lines };
  }

  /** The month's payments the caller may read, with where each stands, for the payment report: the `payments` query, all pages at once. */
  async paymentsForExport(
    caller: Caller,
    filter: { month: string; townshipCode?: string | null; villageCode?: string | null },
  ): Promise<Payment[]> {
    assertMonthOrThrow(filter.month);
    const qb = this.data.scoped(caller, 'read', 'Payment', Payment, 'p').andWhere('p.month = :month', { month: filter.month });
    whereEqual(qb, { township_code: filter.townshipCode, village_code: filter.villageCode });
    const payments = await qb
      .orderBy('p.township_code')
      .addOrderBy('p.village_code')
      .addOrderBy('p.created_at')
      .addOrderBy('p.id')
      .getMany();
    await this.withStatus(caller, payments);
    return payments;
  }

  /** Each payment's status from its transfers and their results, read under the payment's own scope. */
  private async withStatus(caller: Caller, payments: Payment[]): Promise<void> {
    const history = await this.historyOf(caller, payments);
    for (const payment of payments) Object.assign(payment, statusOf(history.get(payment.id) ?? []));
  }

  private async historyOf(caller: Caller, payments: Payment[]): Promise<Map<string, TransferOutcome[]>> {
    const history = new Map<string, TransferOutcome[]>();
    if (!payments.length) return history;
    const rows = await this.data
      .scoped(caller, 'read', 'Payment', PaymentTransfer, 'x')
      .leftJoin(PaymentResult, 'r', 'r.district_code = x.district_code AND r.transfer_id = x.id')
      .select([
        'x.payment_id AS "paymentId"',
        'x.bank_account AS "bankAccount"',
        'x.amount::text AS amount',
        'r.outcome AS outcome',
        'r.reason AS reason',
      ])
      .andWhere('x.district_code = :d AND x.payment_id IN (:...ids)', { d: payments[0].districtCode, ids: payments.map((p) => p.id) })
      .orderBy('x.created_at')
      .addOrderBy('x.id')
      .getRawMany<TransferOutcome & { paymentId: string }>();
    for (const row of rows) history.set(row.paymentId, [...(history.get(row.paymentId) ?? []), row]);
    return history;
  }

  /**
   * roster = request = allocated = paid + failed + re-paid for a township and month, to the fen
   * (D§10); every line that keeps them apart is listed.
   */
  async reconciliation(caller: Caller, month: string, townshipCode: string): Promise<Reconciliation> {
    assertMonthOrThrow(month);
    const districtCode = await this.townshipOrThrow(caller, townshipCode);
    // The month's regular roster and its supplementary rosters make one set of books.
    const rosters = await this.data
      .scoped(caller, 'read', 'Roster', Roster, 'r')
      .andWhere('r.district_code = :d AND r.township_code = :t AND r.month = :month', { d: districtCode, t: townshipCode, month })
      .getMany();
    const rosterIds = rosters.map((r) => r.id);
    const lines = rosterIds.length
      ? await this.data
          .scoped(caller, 'read', 'RosterLine', RosterLine, 'l')
          .andWhere('l.district_code = :d AND l.roster_id IN (:...r)', { d: districtCode, r: rosterIds })
          .getMany()
      : [];
    const shares = rosterIds.length
      ? await this.data
          .scoped(caller, 'read', 'FundRequest', FundRequest, 'f')
          .innerJoin(FundRequestRoster, 's', 's.district_code = f.district_code AND s.fund_request_id = f.id')
          .select(['f.status AS status', 's.amount::text AS amount'])
          .andWhere('s.district_code = :d AND s.roster_id IN (:...r) AND f.status <> :returned', {
            d: districtCode,
            r: rosterIds,
            returned: FundRequestStatus.RETURNED,
          })
          .getRawMany<{ status: FundRequestStatus; amount: string }>()
      : [];
    const payments = await this.data
      .scoped(caller, 'read', 'Payment', Payment, 'p')
      .andWhere('p.district_code = :d AND p.township_code = :t AND p.month = :month', { d: districtCode, t: townshipCode, month })
      .getMany();
    const history = await this.historyOf(caller, payments);
    return reconcile({ month, townshipCode, rosters, lines, shares, payments, history });
  }

  /** The month's regular roster of a township, as far as the caller may read it. */
  private rosterOf(caller: Caller, districtCode: string, townshipCode: string, month: string): Promise<Roster | null> {
    return this.data
      .scoped(caller, 'read', 'Roster', Roster, 'r')
      .andWhere('r.district_code = :d AND r.township_code = :t AND r.month = :month AND r.supplements_id IS NULL', {
        d: districtCode,
        t: townshipCode,
        month,
      })
      .getOne();
  }

  private async townshipOrThrow(caller: Caller, code: string): Promise<string> {
    if (levelOfCodeOrThrow(code) !== RegionLevel.TOWNSHIP)
      throw badInput('townshipCode', 'region.code.notTownship', { field: 'townshipCode' });
    const [township] = await this.regions.findByCodes(caller, [code]);
    if (!township) throw badInput('townshipCode', 'region.code.notTownshipOfDistrict', { field: 'townshipCode' });
    return code.slice(0, 6) + '000000';
  }
}

interface DueTransfer {
  paymentId: string;
  townshipCode: string;
  villageCode: string;
  payeeName: string;
  amount: string;
  bankName: string | null;
  bankAccount: string;
}

/** Where a payment stands, from its transfers in order: the latest one decides. */
export function statusOf(transfers: TransferOutcome[]): Pick<Payment, 'status' | 'failureReason' | 'bankAccount'> {
  const latest = transfers.at(-1);
  if (!latest) return { status: PaymentStatus.PENDING, failureReason: null, bankAccount: null };
  const status =
    latest.outcome === null ? PaymentStatus.SENT : latest.outcome === PaymentOutcome.PAID ? PaymentStatus.PAID : PaymentStatus.FAILED;
  return { status, failureReason: status === PaymentStatus.FAILED ? latest.reason : null, bankAccount: latest.bankAccount };
}
