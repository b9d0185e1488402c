import { EntityManager } from 'typeorm';
import type { TenantKey } from '../../db/tenant-keys';
import { Department } from '../../../permissions/roles';
import { badInput, conflict, notFound, textOrThrow, unmet } from '../../errors';
import { message } from '../../i18n/message';
import type { Caller } from '../../auth/caller';
import { Connection, keysetPage, PageArgs } from '../../graphql/connection';
import { Person } from '../household/household.entity';
import type { Case } from '../case/case.entity';
import { caseColumnsOf } from '../case/case-rows';
import { VerificationAnswer, VerificationRequest, VerificationStatus } from './verification.entity';
import type { DataAccess } from '../../db/data-access';
import type { SettingsService } from '../settings/settings.service';
import { changed } from '../../db/guarded-writes';
import type { GuardedSubject, GuardedWrites } from '../../db/guarded-writes';
import { whereEqual, whereKey } from '../../db/scoped-filters';

/** Requests and answers as their changes find, lock and audit them; both are found by id alone. */
const REQUEST: GuardedSubject<VerificationRequest, 'id'> = {
  name: 'VerificationRequest',
  entity: VerificationRequest,
  key: ['id'],
  notFound: () => notFound('verification.request.notFound'),
};
const ANSWER: GuardedSubject<VerificationAnswer, 'id'> = {
  name: 'VerificationAnswer',
  entity: VerificationAnswer,
  key: ['id'],
  notFound: () => notFound('verification.answer.notFound'),
};

/** Economic-status verification (核对): township requests, district approves, departments answer,
 * district approves the combined report (D§7, P4.3, P4.4). */
export class VerificationService {
  constructor(
    private readonly data: DataAccess,
    private readonly writes: GuardedWrites,
    private readonly settings: SettingsService,
  ) {}

  /** Opened with the investigation: every new case is verified, by the departments the district uses (D§7). */
  async requestFor(manager: EntityManager, caller: Caller, c: Case): Promise<void> {
    const departments = await this.settings.departmentsInUse(c.districtCode);
    await manager.insert(VerificationRequest, {
      ...caseColumnsOf(c),
      status: VerificationStatus.REQUESTED,
      departments,
      requestedById: caller.actor!.accountId,
      reportApprovedAt: null,
    });
  }

  listRequests(
    caller: Caller,
    filter: { caseId?: string; status?: VerificationStatus },
    page: PageArgs,
  ): Promise<Connection<VerificationRequest>> {
    const qb = this.data.scoped(caller, 'read', 'VerificationRequest', VerificationRequest, 'v');
    whereEqual(qb, { case_id: filter.caseId, status: filter.status });
    return keysetPage(qb, page, { type: 'VerificationRequest', sortColumn: 'requested_at' });
  }

  /** A page of the answers the caller may read; a department sees only those addressed to it. */
  async listAnswers(
    caller: Caller,
    filter: { requestId?: string; pending?: boolean },
    page: PageArgs,
  ): Promise<Connection<VerificationAnswer>> {
    const qb = this.data.scoped(caller, 'read', 'VerificationAnswer', VerificationAnswer, 'a');
    whereEqual(qb, { request_id: filter.requestId });
    if (filter.pending !== undefined) qb.andWhere(filter.pending ? 'a.answered_at IS NULL' : 'a.answered_at IS NOT NULL');
    const found = await keysetPage(qb, page, { type: 'VerificationAnswer', sortColumn: 'created_at' });
    this.auditAnswerReads(caller, found.nodes);
    return found;
  }

  /** The answers to one request that the caller may read (one per department asked). */
  async answersOf(caller: Caller, requestId: string): Promise<VerificationAnswer[]> {
    const qb = this.data
      .scoped(caller, 'read', 'VerificationAnswer', VerificationAnswer, 'a')
      .andWhere('a.request_id = :requestId', { requestId });
    const answers = await qb.orderBy('a.department_code').getMany();
    this.auditAnswerReads(caller, answers);
    return answers;
  }

  /** Reading the identity fields an answer carries is a read of personal data, and is audited. */
  private auditAnswerReads(caller: Caller, answers: VerificationAnswer[]): void {
    for (const answer of answers) {
      caller.audit.queueOnce({
        kind: 'READ_PERSONAL_DATA',
        action: 'read',
        subjectType: 'VerificationAnswer',
        subjectId: answer.id,
        field: 'subjects',
        districtCode: answer.districtCode,
        townshipCode: answer.townshipCode,
      });
    }
  }

  /** One answer by its key, as `node(id)` reads it: scoped and audited like the list. */
  async findAnswer(caller: Caller, key: TenantKey): Promise<VerificationAnswer | null> {
    const qb = whereKey(this.data.scoped(caller, 'read', 'VerificationAnswer', VerificationAnswer, 'a'), key);
    const answer = await qb.getOne();
    if (answer) this.auditAnswerReads(caller, [answer]);
    return answer ?? null;
  }

  /** The district approves the request (核对系统审批); it fans out to the departments, each seeing
   * only the names and ID numbers it needs. The approving officer may name the departments instead
   * of those the request listed, among those the district uses (D§7: "and others as configured"). */
  async approveRequest(caller: Caller, id: string, departments?: readonly Department[] | null): Promise<VerificationRequest> {
    const chosen = departments && [...new Set(departments)];
    if (chosen) {
      const inUse = await this.settings.departmentsInUse(caller.actor!.districtCode);
      const unknown = chosen.find((d) => !inUse.includes(d));
      if (unknown) throw badInput('departments', 'catalogue.department.notInUse', { department: unknown });
    }
    return this.writes.guardedChange(caller, REQUEST, { id }, 'verify', async ({ manager, row: locked }) => {
      if (locked.status !== VerificationStatus.REQUESTED)
        throw conflict('verification.request.alreadyProcessed', { status: locked.status });
      if (chosen) locked.departments = chosen;
      if (!locked.departments.length) throw unmet(message('verification.request.noDepartments'));
      const caseRow: { household_id: string }[] = await manager.query(
        'SELECT household_id FROM cases WHERE district_code = $1 AND id = $2',
        [locked.districtCode, locked.caseId],
      );
      const members = await manager.findBy(Person, { districtCode: locked.districtCode, householdId: caseRow[0].household_id });
      const subjects = members.map((m) => ({ name: m.name, idNumber: m.idNumber }));
      await manager.insert(
        VerificationAnswer,
        locked.departments.map((departmentCode) => ({
          districtCode: locked.districtCode,
          requestId: locked.id,
          caseId: locked.caseId,
          townshipCode: locked.townshipCode,
          departmentCode,
          subjects,
          findings: null,
          answeredAt: null,
          answeredById: null,
        })),
      );
      locked.status = VerificationStatus.DISPATCHED;
      await manager.save(locked);
      return changed(locked, 'approveVerificationRequest', { departments: locked.departments });
    });
  }

  /** A department answers a request addressed to it, once. */
  async answer(caller: Caller, id: string, findings: string): Promise<VerificationAnswer> {
    const text = textOrThrow(findings, 'findings');
    return this.writes.guardedChange(caller, ANSWER, { id }, 'answer', async ({ manager, row: answer }) => {
      if (answer.answeredAt) throw conflict('verification.answer.already');
      const key = { districtCode: answer.districtCode, id };
      await manager.update(VerificationAnswer, key, { findings: text, answeredAt: () => 'now()', answeredById: caller.actor!.accountId });
      return changed(await manager.findOneByOrFail(VerificationAnswer, key), 'answerVerification', { department: answer.departmentCode });
    });
  }

  /** The district approves the combined report once every department has answered. */
  async approveReport(caller: Caller, id: string): Promise<VerificationRequest> {
    return this.writes.guardedChange(caller, REQUEST, { id }, 'verify', async ({ manager, row: locked }) => {
      if (locked.status !== VerificationStatus.DISPATCHED)
        throw unmet(message('verification.report.notDispatched', { status: locked.status }));
      const pending = await manager
        .getRepository(VerificationAnswer)
        .createQueryBuilder('a')
        .where('a.district_code = :d AND a.request_id = :id AND a.answered_at IS NULL', { d: locked.districtCode, id })
        .getMany();
      if (pending.length) throw unmet(...pending.map((a) => message('verification.report.waitingFor', { department: a.departmentCode })));
      locked.status = VerificationStatus.REPORT_APPROVED;
      locked.reportApprovedAt = new Date();
      await manager.save(locked);
      return changed(locked, 'approveVerificationReport');
    });
  }
}
