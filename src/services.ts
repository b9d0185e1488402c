import type { DataSource } from 'typeorm';
import type { TokenSigner } from './auth/tokens';
import { RegionService } from './modules/region/region.service';
import { AccountService } from './modules/account/account.service';

/** Application services, created once per server; each takes the request context per call. */
export function createServices(dataSource: DataSource, tokens: TokenSigner) {
  return {
    regions: new RegionService(dataSource),
    accounts: new AccountService(dataSource, tokens),
  };
}

export type Services = ReturnType<typeof createServices>;
