import { badInput, notFound, textOrThrow } from '../../errors';
import type { Caller } from '../../auth/caller';
import { Connection, keysetPage, PageArgs } from '../../graphql/connection';
import { levelOfCodeOrThrow, RegionLevel } from '../region/region-code';
import { Enrolment } from '../enrolment/enrolment.entity';
import { AuditFinding, DevelopmentLink, FindingSeverity } from './oversight.entity';
import type { RegionService } from '../region/region.service';
import type { DataAccess } from '../../db/data-access';
import { changed } from '../../db/guarded-writes';
import type { GuardedWrites } from '../../db/guarded-writes';

/** What the audit bureau and the poverty office add of their own (P4.4). */
export class OversightService {
  constructor(
    private readonly data: DataAccess,
    private readonly writes: GuardedWrites,
    private readonly regions: RegionService,
  ) {}

  async recordFinding(
    caller: Caller,
    input: { severity: FindingSeverity; title: string; body: string; townshipCode?: string | null; subjectId?: string | null },
  ): Promise<AuditFinding> {
    if (input.townshipCode) {
      const [township] = await this.regions.findByCodes(caller, [input.townshipCode]);
      if (levelOfCodeOrThrow(input.townshipCode) !== RegionLevel.TOWNSHIP || !township) {
        throw badInput('townshipCode', 'region.code.notTownshipOfDistrict', { field: 'townshipCode' });
      }
    }
    const finding = Object.assign(new AuditFinding(), {
      districtCode: caller.actor!.districtCode,
      townshipCode: input.townshipCode ?? null,
      subjectId: input.subjectId ?? null,
      severity: input.severity,
      title: textOrThrow(input.title, 'title', 200),
      body: textOrThrow(input.body, 'body', 10000),
      createdById: caller.actor!.accountId,
    });
    return this.writes.guardedCreate(caller, 'AuditFinding', finding, 'create', async (manager) => {
      const saved = await manager.save(finding);
      return changed(saved, 'recordFinding', { severity: saved.severity });
    });
  }

  listFindings(caller: Caller, page: PageArgs): Promise<Connection<AuditFinding>> {
    const qb = this.data.scoped(caller, 'read', 'AuditFinding', AuditFinding, 'f');
    return keysetPage(qb, page, { type: 'AuditFinding', sortColumn: 'created_at' });
  }

  /** Links development support to an enrolment the poverty office may see: rural DIBAO, able to work. */
  async linkDevelopment(caller: Caller, enrolmentId: string, measure: string): Promise<DevelopmentLink> {
    const qb = this.data
      .scoped(caller, 'read', 'Enrolment', Enrolment, 'e')
      .andWhere("e.id = :id AND e.status = 'ACTIVE'", { id: enrolmentId });
    const enrolment = await qb.getOne();
    if (!enrolment) throw notFound('enrolment.active.notFound');
    const link = Object.assign(new DevelopmentLink(), {
      districtCode: enrolment.districtCode,
      enrolmentId: enrolment.id,
      townshipCode: enrolment.townshipCode,
      villageCode: enrolment.villageCode,
      measure: textOrThrow(measure, 'measure', 200),
      createdById: caller.actor!.accountId,
    });
    return this.writes.guardedCreate(caller, 'DevelopmentLink', link, 'create', async (manager) => {
      const saved = await manager.save(link);
      return changed(saved, 'linkDevelopment', { enrolmentId });
    });
  }

  listLinks(caller: Caller, page: PageArgs): Promise<Connection<DevelopmentLink>> {
    const qb = this.data.scoped(caller, 'read', 'DevelopmentLink', DevelopmentLink, 'l');
    return keysetPage(qb, page, { type: 'DevelopmentLink', sortColumn: 'created_at' });
  }
}
