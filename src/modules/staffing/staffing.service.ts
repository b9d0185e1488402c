import { Role } from '../../../permissions/roles';
import type { Caller } from '../../auth/caller';
import type { DataAccess } from '../../db/data-access';
import { Account, RoleAssignment } from '../account/account.entity';
import { Region } from '../region/region.entity';
import { RegionLevel } from '../region/region-code';
import { requiredCaseworkers } from './staffing-rule';

export interface StaffingLine {
  township: Region;
  requiredCaseworkers: number;
  caseworkers: number;
  shortfall: number;
  villagesWithoutAssistant: Region[];
}

/**
 * The staffing compliance report (P6.2, D§11): per township its population, the civil-affairs staff
 * the rule requires, the staff it has — active accounts holding TOWNSHIP_CASEWORKER in force for the
 * township — and its villages without a designated assistant. The townships are those the caller's
 * report grant reaches; the accounts counted are those the caller may read.
 */
export class StaffingService {
  constructor(private readonly data: DataAccess) {}

  async report(caller: Caller): Promise<StaffingLine[]> {
    const townships = await this.regionsInReport(caller, RegionLevel.TOWNSHIP).orderBy('r.code').getMany();
    if (townships.length === 0) return [];
    const codes = townships.map((township) => township.code);
    const [caseworkers, villages] = await Promise.all([
      this.data
        .scoped(caller, 'read', 'Account', Account, 'a')
        .innerJoin(RoleAssignment, 'ar', 'ar.account_id = a.id AND ar.role = :caseworker', { caseworker: Role.TOWNSHIP_CASEWORKER })
        .select('ar.region_code', 'township')
        .addSelect('count(DISTINCT a.id)::int', 'count')
        .andWhere('a.active')
        .andWhere('ar.region_code IN (:...codes)', { codes })
        .groupBy('ar.region_code')
        .getRawMany<{ township: string; count: number }>(),
      this.villagesWithoutAssistant(caller, codes),
    ]);
    return townships.map((township) => {
      const required = requiredCaseworkers(township.population);
      const actual = caseworkers.find((row) => row.township === township.code)?.count ?? 0;
      return {
        township,
        requiredCaseworkers: required,
        caseworkers: actual,
        shortfall: Math.max(0, required - actual),
        villagesWithoutAssistant: villages.filter((village) => village.townshipCode === township.code),
      };
    });
  }

  /** Villages of the townships where no active account the caller may read holds VILLAGE_ASSISTANT for the village. */
  private villagesWithoutAssistant(caller: Caller, townshipCodes: string[]): Promise<Region[]> {
    const assistant = this.data.scopedSql(caller, 'read', 'Account', Account, 'a', (qb) =>
      qb
        .select('1')
        .innerJoin(RoleAssignment, 'ar', 'ar.account_id = a.id AND ar.role = :assistant', { assistant: Role.VILLAGE_ASSISTANT })
        .andWhere('a.active')
        .andWhere('ar.region_code = r.code'),
    );
    return this.regionsInReport(caller, RegionLevel.VILLAGE)
      .andWhere('r.township_code IN (:...townshipCodes)', { townshipCodes })
      .andWhere(`NOT EXISTS (${assistant.sql})`, assistant.params)
      .orderBy('r.code')
      .getMany();
  }

  private regionsInReport(caller: Caller, level: RegionLevel) {
    return this.data.scoped(caller, 'read', 'StaffingReport', Region, 'r').andWhere('r.level = :level', { level });
  }
}
