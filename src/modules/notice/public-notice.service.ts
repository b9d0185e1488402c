import { badInput } from '../../errors';
import { maskName } from '../household/id-number';
import { CaseStatus, Programme } from '../case/case.entity';
import { levelOfCodeOrThrow, RegionLevel } from '../region/region-code';
import type { DataAccess } from '../../db/data-access';

export interface PublicNotice {
  maskedName: string;
  householdSize: number;
  programme: Programme;
  amount: number | null;
  villageCode: string;
  villageName: string;
  noticeStartsAt: Date;
  noticeEndsAt: Date;
}

/**
 * Public notices (公示), readable without signing in (P2.2, D§12). This is the one read that is
 * public by design: it selects only the columns a notice may show — a masked name, household size,
 * programme, amount, village and period — never an ID number, phone, bank account, address,
 * illness or disability. A TEKUN household with a minor is never published (D§3).
 */
export class PublicNoticeService {
  constructor(private readonly data: DataAccess) {}

  async list(villageCode?: string): Promise<PublicNotice[]> {
    if (villageCode !== undefined && levelOfCodeOrThrow(villageCode) !== RegionLevel.VILLAGE) {
      throw badInput('villageCode', 'region.code.notVillage', { field: 'villageCode' });
    }
    const rows: {
      applicant_name: string;
      household_size: number;
      programme: Programme;
      amount: string | null;
      village_code: string;
      village_name: string;
      notice_starts_at: Date;
      notice_ends_at: Date;
    }[] = await this.data.system('public notices for anyone').query(
      `SELECT c.applicant_name, h.member_count AS household_size, c.programme, c.amount, c.village_code, r.name AS village_name,
              c.notice_starts_at, c.notice_ends_at
       FROM cases c
       JOIN households h ON h.district_code = c.district_code AND h.id = c.household_id
       JOIN regions r ON r.code = c.village_code
       WHERE c.status = $1 AND c.notice_ends_at > now() AND ($2::varchar IS NULL OR c.village_code = $2)
         AND NOT (c.programme = $3 AND EXISTS (
           SELECT 1 FROM persons p WHERE p.district_code = c.district_code AND p.household_id = c.household_id
             AND to_date(substr(p.id_number, 7, 8), 'YYYYMMDD') > (now() AT TIME ZONE 'Asia/Shanghai')::date - interval '18 years'))
       ORDER BY c.notice_starts_at DESC
       LIMIT 500`,
      [CaseStatus.PUBLIC_NOTICE, villageCode ?? null, Programme.TEKUN],
    );
    return rows.map((row) => ({
      maskedName: maskName(row.applicant_name),
      householdSize: row.household_size,
      programme: row.programme,
      amount: row.amount === null ? null : Number(row.amount),
      villageCode: row.village_code,
      villageName: row.village_name,
      noticeStartsAt: row.notice_starts_at,
      noticeEndsAt: row.notice_ends_at,
    }));
  }
}
