import type { DelegationInForce } from '../../../permissions/ability';
import type { DataAccess } from '../../db/data-access';
import { Delegation } from './delegation.entity';

/** Today's date as the delegation records count it. */
export const today = (): string => new Date().toISOString().slice(0, 10);

/**
 * The grants of a district in force on a date (D§13): begun, not past their end, and not revoked by
 * a record in effect by then. The policy reads these for every actor of the district.
 */
export function delegationsInForce(data: DataAccess, districtCode: string, on: string = today()): Promise<DelegationInForce[]> {
  return (
    data
      .system('resolve the delegations in force')
      .getRepository(Delegation)
      .createQueryBuilder('g')
      .select(['g.id AS id', 'g.township_code AS "townshipCode"', 'g.programme AS programme'])
      .where("g.district_code = :districtCode AND g.kind = 'GRANT' AND g.effective_from <= :on", { districtCode, on })
      .andWhere('(g.effective_until IS NULL OR g.effective_until >= :on)', { on })
      // A grant is revoked by at most one record (a unique index): unrevoked by the date when none has begun by then.
      .leftJoin(
        Delegation,
        'r',
        "r.kind = 'REVOCATION' AND r.district_code = g.district_code AND r.revokes_id = g.id AND r.effective_from <= :on",
      )
      .andWhere('r.id IS NULL')
      .orderBy('g.township_code')
      .getRawMany<DelegationInForce>()
  );
}
