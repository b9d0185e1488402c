import DataLoader from 'dataloader';
import type { Caller } from '../../auth/caller';
import type { Services } from '../../services';
import { tenantKeyOf } from '../household/household.loaders';
import type { TenantKey } from '../../db/tenant-keys';
import type { Case, CaseEvent } from './case.entity';
import { Appraisal, Delivery, IncomeAccounting, Investigation, Objection, SpotCheck } from './case-records.entity';

type StepRecord = Investigation | IncomeAccounting | Appraisal | Delivery | Objection | SpotCheck;

/** One loader per kind of step record: each batch is one scoped query over the cases asked for. */
function recordsLoader<T extends StepRecord>(caller: Caller, services: Services, entity: new () => T) {
  return new DataLoader<TenantKey, T[], string>(
    async (keys) => {
      const records = await services.steps.recordsOf(caller, entity, keys);
      return keys.map((key) => records.filter((r) => r.districtCode === key.districtCode && r.caseId === key.id));
    },
    { cacheKeyFn: tenantKeyOf },
  );
}

export function createCaseLoaders(caller: Caller, services: Services) {
  return {
    caseByKey: new DataLoader<TenantKey, Case | null, string>(
      async (keys) => {
        const found = new Map((await services.cases.findByKeys(caller, keys)).map((c) => [tenantKeyOf(c), c] as const));
        return keys.map((key) => found.get(tenantKeyOf(key)) ?? null);
      },
      { cacheKeyFn: tenantKeyOf },
    ),
    eventsByCaseKey: new DataLoader<TenantKey, CaseEvent[], string>(
      async (keys) => {
        const events = await services.cases.eventsOf(caller, keys);
        return keys.map((key) => events.filter((e) => e.districtCode === key.districtCode && e.caseId === key.id));
      },
      { cacheKeyFn: tenantKeyOf },
    ),
    investigationsByCaseKey: recordsLoader(caller, services, Investigation),
    incomeAccountingsByCaseKey: recordsLoader(caller, services, IncomeAccounting),
    appraisalsByCaseKey: recordsLoader(caller, services, Appraisal),
    objectionsByCaseKey: recordsLoader(caller, services, Objection),
    deliveriesByCaseKey: recordsLoader(caller, services, Delivery),
    spotChecksByCaseKey: recordsLoader(caller, services, SpotCheck),
    casesByHouseholdKey: new DataLoader<TenantKey, Case[], string>(
      async (keys) => {
        const cases = await services.cases.casesOfHouseholds(caller, keys);
        return keys.map((key) => cases.filter((c) => c.districtCode === key.districtCode && c.householdId === key.id));
      },
      { cacheKeyFn: tenantKeyOf },
    ),
  };
}
