import type { DataSource } from 'typeorm';
import type { TokenSigner } from './auth/tokens';
import { RegionService } from './modules/region/region.service';
import { AccountService } from './modules/account/account.service';
import { AuditService } from './modules/audit/audit.service';
import { HouseholdService } from './modules/household/household.service';
import { CaseService } from './modules/case/case.service';

/** Application services, created once per server; each takes the request context per call. */
export function createServices(dataSource: DataSource, tokens: TokenSigner) {
  return {
    regions: new RegionService(dataSource),
    accounts: new AccountService(dataSource, tokens),
    audit: new AuditService(dataSource),
    households: new HouseholdService(dataSource),
    cases: new CaseService(dataSource),
  };
}

export type Services = ReturnType<typeof createServices>;
