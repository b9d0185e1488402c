import { DataSource } from 'typeorm';
import { scopeQuery } from '../../../permissions/sql';
import { assertCan } from '../../auth/authorize';
import { badInput, notFound, textOrThrow } from '../../errors';
import type { RequestContext } from '../../graphql/context';
import { Connection, keysetPage, PageArgs } from '../../graphql/connection';
import { fromGlobalIdOrThrow } from '../../graphql/node';
import { fetchNode } from '../../graphql/node-fetchers';
import { levelOfCodeOrThrow, RegionLevel } from '../region/region-code';
import { Enrolment } from '../enrolment/enrolment.entity';
import { AuditFinding, DevelopmentLink, FindingSeverity } from './oversight.entity';

/** What the audit bureau and the poverty office add of their own (P4.4). */
export class OversightService {
  constructor(private readonly dataSource: DataSource) {}

  async recordFinding(ctx: RequestContext, input: { severity: FindingSeverity; title: string; body: string; townshipCode?: string | null; subjectId?: string | null }): Promise<AuditFinding> {
    if (input.townshipCode) {
      const township = await ctx.loaders.regionByCode.load(input.townshipCode);
      if (levelOfCodeOrThrow(input.townshipCode) !== RegionLevel.TOWNSHIP || !township) {
        throw badInput('townshipCode', 'region.code.notTownshipOfDistrict', { field: 'townshipCode' });
      }
    }
    if (input.subjectId) {
      const { type, key } = fromGlobalIdOrThrow(input.subjectId);
      // The auditor may point only at what it can read.
      if (!(await fetchNode(ctx, type, key))) throw notFound('node.notFound', { type });
    }
    const finding = Object.assign(new AuditFinding(), {
      districtCode: ctx.actor!.districtCode, townshipCode: input.townshipCode ?? null, subjectId: input.subjectId ?? null,
      severity: input.severity, title: textOrThrow(input.title, 'title', 200), body: textOrThrow(input.body, 'body', 10000), createdById: ctx.actor!.accountId,
    });
    assertCan(ctx, 'create', 'AuditFinding', finding);
    return this.dataSource.transaction(async (manager) => {
      const saved = await manager.save(finding);
      await ctx.services.audit.recordChange(manager, ctx, {
        action: 'recordFinding', subjectType: 'AuditFinding', subjectId: saved.id, districtCode: saved.districtCode, townshipCode: saved.townshipCode,
        details: { severity: saved.severity },
      });
      return saved;
    });
  }

  listFindings(ctx: RequestContext, page: PageArgs): Promise<Connection<AuditFinding>> {
    const qb = this.dataSource.getRepository(AuditFinding).createQueryBuilder('f');
    return keysetPage(scopeQuery(qb, ctx.ability, 'read', 'AuditFinding'), page, { type: 'AuditFinding', sortColumn: 'created_at' });
  }

  /** Links development support to an enrolment the poverty office may see: rural DIBAO, able to work. */
  async linkDevelopment(ctx: RequestContext, enrolmentId: string, measure: string): Promise<DevelopmentLink> {
    const qb = this.dataSource.getRepository(Enrolment).createQueryBuilder('e').where("e.id = :id AND e.status = 'ACTIVE'", { id: enrolmentId });
    const enrolment = await scopeQuery(qb, ctx.ability, 'read', 'Enrolment').getOne();
    if (!enrolment) throw notFound('enrolment.active.notFound');
    const link = Object.assign(new DevelopmentLink(), {
      districtCode: enrolment.districtCode, enrolmentId: enrolment.id, townshipCode: enrolment.townshipCode, villageCode: enrolment.villageCode,
      measure: textOrThrow(measure, 'measure', 200), createdById: ctx.actor!.accountId,
    });
    assertCan(ctx, 'create', 'DevelopmentLink', link);
    return this.dataSource.transaction(async (manager) => {
      const saved = await manager.save(link);
      await ctx.services.audit.recordChange(manager, ctx, {
        action: 'linkDevelopment', subjectType: 'DevelopmentLink', subjectId: saved.id, districtCode: saved.districtCode,
        townshipCode: saved.townshipCode, villageCode: saved.villageCode, details: { enrolmentId },
      });
      return saved;
    });
  }

  listLinks(ctx: RequestContext, page: PageArgs): Promise<Connection<DevelopmentLink>> {
    const qb = this.dataSource.getRepository(DevelopmentLink).createQueryBuilder('l');
    return keysetPage(scopeQuery(qb, ctx.ability, 'read', 'DevelopmentLink'), page, { type: 'DevelopmentLink', sortColumn: 'created_at' });
  }
}
