import DataLoader from 'dataloader';
import type { Caller } from '../../auth/caller';
import type { Services } from '../../services';
import type { TenantKey } from '../../db/tenant-keys';
import { tenantKeyOf } from '../household/household.loaders';
import type { EnrolmentChange } from './enrolment-change.entity';
import type { ChangeReport, EnrolmentReview } from '../review/review.entity';

/** The records of an enrolment, grouped from one batch over a page of enrolments. */
function perEnrolment<T extends { districtCode: string; enrolmentId: string }>(load: (keys: readonly TenantKey[]) => Promise<T[]>) {
  return new DataLoader<TenantKey, T[], string>(
    async (keys) => {
      const byEnrolment = new Map<string, T[]>();
      for (const record of await load(keys)) {
        const key = `${record.districtCode}:${record.enrolmentId}`;
        byEnrolment.set(key, [...(byEnrolment.get(key) ?? []), record]);
      }
      return keys.map((key) => byEnrolment.get(tenantKeyOf(key)) ?? []);
    },
    { cacheKeyFn: tenantKeyOf },
  );
}

/** Per-request batches of an enrolment's history, reviews and change reports: one scoped statement
 * each for a whole page of enrolments. */
export function createEnrolmentLoaders(caller: Caller, services: Services) {
  return {
    historyByEnrolmentKey: perEnrolment<EnrolmentChange>((keys) => services.enrolments.historyOf(caller, keys)),
    reviewsByEnrolmentKey: perEnrolment<EnrolmentReview>((keys) => services.reviews.reviewsOf(caller, keys)),
    changeReportsByEnrolmentKey: perEnrolment<ChangeReport>((keys) => services.reviews.changeReportsOf(caller, keys)),
  };
}
