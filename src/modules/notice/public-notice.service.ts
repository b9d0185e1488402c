import { badInput } from '../../errors';
import { maskName } from '../household/id-number';
import { CaseStatus, Programme } from '../case/case.entity';
import { levelOfCodeOrThrow, RegionLevel } from '../region/region-code';
import type { DataAccess } from '../../db/data-access';
import type { TenantKey } from '../../db/tenant-keys';
import { tenantGlobalId } from '../../graphql/node';

export interface PublicNotice {
  /** The global ID of the notice: what a resident cites to object or petition (D§3, D§12). */
  nodeId: string;
  maskedName: string;
  householdSize: number;
  programme: Programme;
  amount: number | null;
  villageCode: string;
  villageName: string;
  noticeStartsAt: Date;
  noticeEndsAt: Date;
}

/** Where the case behind a notice lies: what a petition citing the notice is filed against. */
export interface NoticedCase {
  districtCode: string;
  townshipCode: string;
  villageCode: string;
  caseId: string;
}

interface NoticeRow {
  district_code: string;
  id: string;
  township_code: string;
  applicant_name: string;
  household_size: number;
  programme: Programme;
  amount: string | null;
  village_code: string;
  village_name: string;
  notice_starts_at: Date;
  notice_ends_at: Date;
}

/**
 * Public notices (公示), readable without signing in (P2.2, D§12). This is the one read that is
 * public by design: it selects only the columns a notice may show — a masked name, household size,
 * programme, amount, village and period — never an ID number, phone, bank account, address,
 * illness or disability. A TEKUN household with a minor is never published (D§3). A notice's id
 * is that of its case under the type `PublicNotice`, which only this service resolves, and only
 * while the notice runs.
 */
export class PublicNoticeService {
  constructor(private readonly data: DataAccess) {}

  async list(villageCode?: string): Promise<PublicNotice[]> {
    if (villageCode !== undefined && levelOfCodeOrThrow(villageCode) !== RegionLevel.VILLAGE) {
      throw badInput('villageCode', 'region.code.notVillage', { field: 'villageCode' });
    }
    const rows = await this.running('($3::varchar IS NULL OR c.village_code = $3)', [villageCode ?? null]);
    return rows.map(toNotice);
  }

  /** The running notice of this key, or null when there is none (ended, never published, or no such case). */
  async find(key: TenantKey): Promise<PublicNotice | null> {
    const [row] = await this.running('c.district_code = $3 AND c.id = $4::uuid', [key.districtCode, key.id]);
    return row ? toNotice(row) : null;
  }

  /** The case behind a running notice, for a petition that cites it. */
  async caseOf(key: TenantKey): Promise<NoticedCase | null> {
    const [row] = await this.running('c.district_code = $3 AND c.id = $4::uuid', [key.districtCode, key.id]);
    return row ? { districtCode: row.district_code, townshipCode: row.township_code, villageCode: row.village_code, caseId: row.id } : null;
  }

  private running(condition: string, params: unknown[]): Promise<NoticeRow[]> {
    return this.data.system('public notices for anyone').query(
      `SELECT c.district_code, c.id, c.township_code, c.applicant_name, h.member_count AS household_size, c.programme, c.amount,
              c.village_code, r.name AS village_name, c.notice_starts_at, c.notice_ends_at
       FROM cases c
       JOIN households h ON h.district_code = c.district_code AND h.id = c.household_id
       JOIN regions r ON r.code = c.village_code
       WHERE c.status = $1 AND c.notice_ends_at > now() AND ${condition}
         AND NOT (c.programme = $2 AND EXISTS (
           SELECT 1 FROM persons p WHERE p.district_code = c.district_code AND p.household_id = c.household_id
             AND to_date(substr(p.id_number, 7, 8), 'YYYYMMDD') > (now() AT TIME ZONE 'Asia/Shanghai')::date - interval '18 years'))
       ORDER BY c.notice_starts_at DESC
       LIMIT 500`,
      [CaseStatus.PUBLIC_NOTICE, Programme.TEKUN, ...params],
    );
  }
}

function toNotice(row: NoticeRow): PublicNotice {
  return {
    nodeId: tenantGlobalId('PublicNotice', { districtCode: row.district_code, id: row.id }),
    maskedName: maskName(row.applicant_name),
    householdSize: row.household_size,
    programme: row.programme,
    amount: row.amount === null ? null : Number(row.amount),
    villageCode: row.village_code,
    villageName: row.village_name,
    noticeStartsAt: row.notice_starts_at,
    noticeEndsAt: row.notice_ends_at,
  };
}
