import type { DataAccess } from '../../db/data-access';
import { WorkPlan, WorkPlanKind, WorkPlanStatus } from './work-plan.entity';

/**
 * Whether the district has accepted a work plan the township filed (P5.1): one of the preconditions
 * for taking up a delegation (D§13), checked whoever asks, as the committee's validity is.
 */
export function hasAcceptedWorkPlan(data: DataAccess, districtCode: string, townshipCode: string): Promise<boolean> {
  return data
    .system("check a township's preconditions for a delegation")
    .getRepository(WorkPlan)
    .createQueryBuilder('w')
    .where('w.district_code = :districtCode AND w.township_code = :townshipCode', { districtCode, townshipCode })
    .andWhere('w.kind = :kind AND w.status = :status', { kind: WorkPlanKind.WORK_PLAN, status: WorkPlanStatus.ACCEPTED })
    .getExists();
}
