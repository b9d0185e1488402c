import DataLoader from 'dataloader';
import type { RequestContext } from '../../graphql/context';
import { tenantKeyOf } from '../household/household.loaders';
import type { TenantKey } from '../../db/tenant-keys';
import type { Case, CaseEvent } from './case.entity';
import { Appraisal, Delivery, IncomeAccounting, Investigation, Objection, SpotCheck } from './case-records.entity';

type StepRecord = Investigation | IncomeAccounting | Appraisal | Delivery | Objection | SpotCheck;

/** One loader per kind of step record: each batch is one scoped query over the cases asked for. */
function recordsLoader<T extends StepRecord>(ctx: RequestContext, entity: new () => T) {
  return new DataLoader<TenantKey, T[], string>(async (keys) => {
    const records = await ctx.services.steps.recordsOf(ctx.caller, entity, keys);
    return keys.map((key) => records.filter((r) => r.districtCode === key.districtCode && r.caseId === key.id));
  }, { cacheKeyFn: tenantKeyOf });
}

export function createCaseLoaders(ctx: RequestContext) {
  return {
    caseByKey: new DataLoader<TenantKey, Case | null, string>(async (keys) => {
      const found = new Map((await ctx.services.cases.findByKeys(ctx.caller, keys)).map((c) => [tenantKeyOf(c), c] as const));
      return keys.map((key) => found.get(tenantKeyOf(key)) ?? null);
    }, { cacheKeyFn: tenantKeyOf }),
    eventsByCaseKey: new DataLoader<TenantKey, CaseEvent[], string>(async (keys) => {
      const events = await ctx.services.cases.eventsOf(ctx.caller, keys);
      return keys.map((key) => events.filter((e) => e.districtCode === key.districtCode && e.caseId === key.id));
    }, { cacheKeyFn: tenantKeyOf }),
    investigationsByCaseKey: recordsLoader(ctx, Investigation),
    incomeAccountingsByCaseKey: recordsLoader(ctx, IncomeAccounting),
    appraisalsByCaseKey: recordsLoader(ctx, Appraisal),
    objectionsByCaseKey: recordsLoader(ctx, Objection),
    deliveriesByCaseKey: recordsLoader(ctx, Delivery),
    spotChecksByCaseKey: recordsLoader(ctx, SpotCheck),
    casesByHouseholdKey: new DataLoader<TenantKey, Case[], string>(async (keys) => {
      const cases = await ctx.services.cases.casesOfHouseholds(ctx.caller, keys);
      return keys.map((key) => cases.filter((c) => c.districtCode === key.districtCode && c.householdId === key.id));
    }, { cacheKeyFn: tenantKeyOf }),
  };
}
