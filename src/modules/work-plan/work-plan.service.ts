import type { Caller } from '../../auth/caller';
import type { DataAccess } from '../../db/data-access';
import type { TenantKey } from '../../db/tenant-keys';
import { changed, tenantSubject } from '../../db/guarded-writes';
import type { GuardedWrites } from '../../db/guarded-writes';
import { assertDateOrThrow, badInput, notFound, textOrThrow, unmet } from '../../errors';
import { Connection, keysetPage, PageArgs } from '../../graphql/connection';
import { message } from '../../i18n/message';
import { levelOfCodeOrThrow, RegionLevel } from '../region/region-code';
import type { RegionService } from '../region/region.service';
import type { StatisticsService } from '../statistics/statistics.service';
import type { TownshipMonthFigures } from '../statistics/statistics.types';
import { WorkPlan, WorkPlanKind, WorkPlanStatus } from './work-plan.entity';
import { whereEqual } from '../../db/scoped-filters';

const WORK_PLAN = tenantSubject('WorkPlan', WorkPlan, () => notFound('workPlan.notFound'));

/** Where each step may start from (P5.1–P5.3): the township revises and files drafts and returned documents; the district decides on filed ones. */
const STEPS = {
  revise: [WorkPlanStatus.DRAFTED, WorkPlanStatus.RETURNED],
  file: [WorkPlanStatus.DRAFTED, WorkPlanStatus.RETURNED],
  accept: [WorkPlanStatus.FILED],
  return: [WorkPlanStatus.FILED],
} as const;

export interface DraftWorkPlanInput {
  townshipCode: string;
  kind: WorkPlanKind;
  year: number;
  title: string;
  body: string;
  documentDate: string;
}

export interface WorkPlanChanges {
  title?: string | null;
  body?: string | null;
  documentDate?: string | null;
}

export interface WorkPlanFilter {
  townshipCode?: string | null;
  kind?: WorkPlanKind | null;
  year?: number | null;
  status?: WorkPlanStatus | null;
}

/** Township work plans, progress reports and year-end evaluations filed with the district (P5.1–P5.3). */
export class WorkPlanService {
  constructor(
    private readonly data: DataAccess,
    private readonly writes: GuardedWrites,
    private readonly regions: RegionService,
    private readonly statistics: StatisticsService,
  ) {}

  async draft(caller: Caller, input: DraftWorkPlanInput): Promise<WorkPlan> {
    if (levelOfCodeOrThrow(input.townshipCode) !== RegionLevel.TOWNSHIP) {
      throw badInput('townshipCode', 'region.code.notTownship', { field: 'townshipCode' });
    }
    const [township] = await this.regions.findByCodes(caller, [input.townshipCode]);
    if (!township) throw badInput('townshipCode', 'region.code.notTownshipOfDistrict', { field: 'townshipCode' });
    assertYearOrThrow(input.year);
    assertDateOrThrow(input.documentDate, 'documentDate');
    const plan = Object.assign(new WorkPlan(), {
      districtCode: township.districtCode,
      townshipCode: township.code,
      kind: input.kind,
      year: input.year,
      title: textOrThrow(input.title, 'title', 200),
      body: textOrThrow(input.body, 'body', 50_000),
      documentDate: input.documentDate,
      status: WorkPlanStatus.DRAFTED,
      filedAt: null,
      returnReasons: null,
      reviewedAt: null,
      reviewedById: null,
      createdById: caller.actor!.accountId,
    });
    return this.writes.guardedCreate(caller, 'WorkPlan', plan, 'create', async (manager) =>
      changed(await manager.save(plan), 'draftWorkPlan', { kind: plan.kind, year: plan.year }),
    );
  }

  /** Changes the text of a draft or of a returned document before it is filed (again). */
  async revise(caller: Caller, key: TenantKey, changes: WorkPlanChanges): Promise<WorkPlan> {
    const title = changes.title == null ? undefined : textOrThrow(changes.title, 'title', 200);
    const body = changes.body == null ? undefined : textOrThrow(changes.body, 'body', 50_000);
    if (changes.documentDate != null) assertDateOrThrow(changes.documentDate, 'documentDate');
    return this.writes.guardedChange(caller, WORK_PLAN, key, 'update', async ({ manager, row }) => {
      assertStepOrThrow(row, 'revise');
      Object.assign(row, { title: title ?? row.title, body: body ?? row.body, documentDate: changes.documentDate ?? row.documentDate });
      return changed(await manager.save(row), 'reviseWorkPlan', {
        fields: Object.keys(changes).filter((k) => changes[k as keyof WorkPlanChanges] != null),
      });
    });
  }

  /** Files a draft, or a returned document once more, with the district bureau (P5.1–P5.3). */
  file(caller: Caller, key: TenantKey): Promise<WorkPlan> {
    return this.writes.guardedChange(caller, WORK_PLAN, key, 'file', async ({ manager, row }) => {
      assertStepOrThrow(row, 'file');
      const refiled = row.status === WorkPlanStatus.RETURNED;
      Object.assign(row, { status: WorkPlanStatus.FILED, filedAt: new Date() });
      return changed(await manager.save(row), 'fileWorkPlan', { kind: row.kind, year: row.year, refiled });
    });
  }

  accept(caller: Caller, key: TenantKey): Promise<WorkPlan> {
    return this.writes.guardedChange(caller, WORK_PLAN, key, 'review', async ({ manager, row }) => {
      assertStepOrThrow(row, 'accept');
      Object.assign(row, { status: WorkPlanStatus.ACCEPTED, reviewedAt: new Date(), reviewedById: caller.actor!.accountId });
      return changed(await manager.save(row), 'acceptWorkPlan', { kind: row.kind, year: row.year });
    });
  }

  /** Sends a filed document back with the district's reasons; the township revises it and files it again. */
  returnFiled(caller: Caller, key: TenantKey, reasons: string): Promise<WorkPlan> {
    const text = textOrThrow(reasons, 'reasons', 4000);
    return this.writes.guardedChange(caller, WORK_PLAN, key, 'review', async ({ manager, row }) => {
      assertStepOrThrow(row, 'return');
      Object.assign(row, {
        status: WorkPlanStatus.RETURNED,
        returnReasons: text,
        reviewedAt: new Date(),
        reviewedById: caller.actor!.accountId,
      });
      return changed(await manager.save(row), 'returnWorkPlan', { kind: row.kind, year: row.year, reasons: text });
    });
  }

  /** Documents the caller may read, newest first. */
  list(caller: Caller, filter: WorkPlanFilter, page: PageArgs): Promise<Connection<WorkPlan>> {
    const qb = this.data.scoped(caller, 'read', 'WorkPlan', WorkPlan, 'w');
    whereEqual(qb, { township_code: filter.townshipCode, kind: filter.kind, status: filter.status });
    if (filter.year != null) qb.andWhere('w.year = :year', { year: filter.year });
    return keysetPage(qb, page, { type: 'WorkPlan', sortColumn: 'created_at' });
  }

  /** The township's figures for the year of an evaluation, as the caller may see them (P5.3); none for other documents. */
  async figuresOf(caller: Caller, plan: WorkPlan): Promise<TownshipMonthFigures[] | null> {
    if (plan.kind !== WorkPlanKind.EVALUATION) return null;
    return this.statistics.monthly(caller, { year: plan.year, townshipCode: plan.townshipCode });
  }
}

function assertYearOrThrow(year: number): void {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw badInput('year', 'workPlan.year.range');
}

function assertStepOrThrow(row: WorkPlan, step: keyof typeof STEPS): void {
  if (!(STEPS[step] as readonly WorkPlanStatus[]).includes(row.status)) {
    throw unmet(message('workPlan.step.notFromStatus', { step, status: row.status }));
  }
}
