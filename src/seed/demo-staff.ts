import crypto from 'node:crypto';
import type { DataSource } from 'typeorm';
import { defineAbilityFor } from '../../permissions/ability';
import { createTokenSigner } from '../auth/tokens';
import { Caller, PendingAudit } from '../auth/caller';
import { createLogger } from '../logger';
import { createServices, Services } from '../services';
import { Account } from '../modules/account/account.entity';
import { actorOf } from '../modules/account/account.service';
import { delegationsInForce } from '../modules/delegation/delegations-in-force';

/** The district officer of each demo district, by district code: who accepts its townships' work plans and delegates to them. */
const DISTRICT_OFFICERS: Record<string, string> = { '510199000000': 'district.officer', '510197000000': 'qingshan.officer' };

export const districtOfficerOf = (code: string): string => DISTRICT_OFFICERS[code.slice(0, 6) + '000000'];

/**
 * The demo accounts acting through the service layer. Each `as` call is one request: a fresh
 * context built the way `src/app.ts` builds it for a signed-in account, with the same policy checks,
 * and its queued audit entries written at the end, so that every row the seed leaves (events, audit
 * entries, enrolments …) is one the API itself would have written.
 */
export class DemoStaff {
  private requests = 0;

  private constructor(
    readonly dataSource: DataSource,
    readonly services: Services,
    private readonly accounts: ReadonlyMap<string, Account>,
  ) {}

  static async load(dataSource: DataSource): Promise<DemoStaff> {
    // Nobody signs in during the seed: the signer and the throttle only complete the services.
    const services = createServices(dataSource, SILENT, createTokenSigner(crypto.randomBytes(32).toString('hex'), 60), {
      loginMaxFailures: 1,
      loginMaxFailuresPerAddress: 1,
      loginLockSeconds: 1,
      idempotencyTtlSeconds: 1,
    });
    const accounts = await dataSource.getRepository(Account).find({ relations: { roles: true } });
    return new DemoStaff(dataSource, services, new Map(accounts.map((a) => [a.username, a])));
  }

  idOf(username: string): string {
    return this.accountOrThrow(username).id;
  }

  async as<T>(username: string, work: (caller: Caller, services: Services) => Promise<T>): Promise<T> {
    const account = this.accountOrThrow(username);
    const actor = actorOf(account, await delegationsInForce(this.services.data, account.districtCode));
    const caller: Caller = {
      actor,
      authMethod: 'TOKEN',
      ability: defineAbilityFor(actor),
      requestId: `seed-${++this.requests}`,
      clientAddress: 'seed',
      audit: new PendingAudit(),
    };
    try {
      return await work(caller, this.services);
    } finally {
      await this.services.audit.flush(caller);
    }
  }

  private accountOrThrow(username: string): Account {
    const account = this.accounts.get(username);
    if (!account) throw new Error(`No demo account ${username}`);
    return account;
  }
}

const SILENT = createLogger('silent');
