import type { SelectQueryBuilder } from 'typeorm';
import { Role, ROLE_TIER } from '../../../permissions/roles';
import type { Caller } from '../../auth/caller';
import type { DataAccess } from '../../db/data-access';
import { changed, tenantSubject } from '../../db/guarded-writes';
import type { GuardedWrites } from '../../db/guarded-writes';
import type { TenantKey } from '../../db/tenant-keys';
import { badInput, conflict, notFound } from '../../errors';
import { Connection, keysetPage, PageArgs } from '../../graphql/connection';
import { levelOfCodeOrThrow, scopeCodesOf } from '../region/region-code';
import { Region } from '../region/region.entity';
import type { AccountService } from './account.service';
import { Account } from './account.entity';
import { RoleGrant, RoleGrantAct, RoleGrantActKind } from './role-grant.entity';
import { newAct, newGrant } from './role-grant.records';
import { whereEqual, whereKey } from '../../db/scoped-filters';

export interface GrantProposal {
  accountId: string;
  role: Role;
  regionCode: string;
  effectiveFrom?: Date;
  effectiveUntil?: Date;
}

export interface GrantFilter {
  accountId?: string;
  role?: Role;
  regionCode?: string;
  /** Only the grants in force at this instant (confirmed, not revoked, inside their dates). */
  at?: Date;
}

const GRANT = tenantSubject('RoleGrant', RoleGrant, () => notFound('roleGrant.notFound'));

/**
 * Role grants (D§14): one account proposes, a second confirms, and only then is the role held; a
 * revocation ends it from its date. Who may do which is the policy table's (the RoleGrant rows); this
 * service checks the shape of a grant and keeps each step its own append-only record.
 */
export class RoleGrantService {
  constructor(
    private readonly data: DataAccess,
    private readonly writes: GuardedWrites,
    private readonly accounts: AccountService,
  ) {}

  async propose(caller: Caller, input: GrantProposal): Promise<RoleGrant> {
    const account = await this.accounts.findByIdOrThrow(caller, input.accountId);
    assertRoleFits(input.role, input.regionCode, account.districtCode, account.departmentCode !== null);
    if (input.role === Role.DEPARTMENT) await this.assertDepartmentInUse(account, 'accountId');
    const from = input.effectiveFrom ?? new Date();
    if (input.effectiveUntil && input.effectiveUntil <= from) throw badInput('effectiveUntil', 'roleGrant.untilBeforeFrom');
    const proposedAs = caller.actor!.roles.some((r) => r.role === Role.ADMIN) ? Role.ADMIN : Role.TOWNSHIP_HEAD;
    const grant = newGrant(
      account,
      input.role,
      input.regionCode,
      { id: caller.actor!.accountId, as: proposedAs },
      from,
      input.effectiveUntil ?? null,
    );
    const saved = await this.writes.guardedCreate(caller, 'RoleGrant', grant, 'create', async (manager) => {
      if (!(await manager.existsBy(Region, { code: input.regionCode })))
        throw badInput('regionCode', 'region.unknown', { codes: [input.regionCode] });
      const row = await manager.save(grant);
      return changed(row, 'proposeRoleGrant', { accountId: account.id, role: row.role, regionCode: row.regionCode });
    });
    return Object.assign(saved, { confirmation: null, revocation: null });
  }

  /** The second account's confirmation; the role is held from then (or from the grant's own later date). */
  async confirm(caller: Caller, key: TenantKey): Promise<RoleGrant> {
    await this.writes.guardedChange(caller, GRANT, key, 'confirm', async ({ manager, row }) => {
      const acts = await manager.findBy(RoleGrantAct, { districtCode: row.districtCode, grantId: row.id });
      if (acts.some((act) => act.kind === RoleGrantActKind.REVOKE)) throw conflict('roleGrant.revoked');
      if (acts.some((act) => act.kind === RoleGrantActKind.CONFIRM)) throw conflict('roleGrant.alreadyConfirmed');
      // The district may have switched the department off since the grant was proposed.
      if (row.role === Role.DEPARTMENT)
        await this.assertDepartmentInUse(await manager.findOneByOrFail(Account, { id: row.accountId }), 'roleGrantId');
      await manager.insert(RoleGrantAct, newAct(row, RoleGrantActKind.CONFIRM, caller.actor!.accountId, new Date()));
      return changed(row, 'confirmRoleGrant', { accountId: row.accountId, role: row.role, regionCode: row.regionCode });
    });
    return this.findOrThrow(caller, key);
  }

  /** Ends a grant from `effectiveAt` (now if not given); the grant itself is kept as it was. */
  async revoke(caller: Caller, key: TenantKey, effectiveAt?: Date): Promise<RoleGrant> {
    await this.writes.guardedChange(caller, GRANT, key, 'revoke', async ({ manager, row }) => {
      if (await manager.existsBy(RoleGrantAct, { districtCode: row.districtCode, grantId: row.id, kind: RoleGrantActKind.REVOKE })) {
        throw conflict('roleGrant.revoked');
      }
      const at = effectiveAt ?? new Date();
      await manager.insert(RoleGrantAct, newAct(row, RoleGrantActKind.REVOKE, caller.actor!.accountId, at));
      return changed(row, 'revokeRoleGrant', { accountId: row.accountId, role: row.role, regionCode: row.regionCode, effectiveAt: at });
    });
    return this.findOrThrow(caller, key);
  }

  /** A DEPARTMENT grant makes its account answer data checks for its department: only for one the district uses (D§7). */
  private async assertDepartmentInUse(account: Account, field: string): Promise<void> {
    if (!account.departmentCode || !(await this.accounts.departmentInUse(account.districtCode, account.departmentCode))) {
      throw badInput(field, 'account.department.notInUse', { department: account.departmentCode ?? '—' });
    }
  }

  /** Grants the caller may read, newest first, each with its confirmation and revocation. */
  page(caller: Caller, filter: GrantFilter, page: PageArgs): Promise<Connection<RoleGrant>> {
    const qb = this.withActs(caller);
    whereEqual(qb, { account_id: filter.accountId, role: filter.role, region_code: filter.regionCode });
    if (filter.at) {
      qb.andWhere('grant.effective_from <= :at AND (grant.effective_until IS NULL OR grant.effective_until > :at)', { at: filter.at })
        .andWhere('confirmation.effective_at <= :at', { at: filter.at })
        .andWhere('(revocation.grant_id IS NULL OR revocation.effective_at > :at)', { at: filter.at });
    }
    return keysetPage(qb, page, { type: 'RoleGrant', sortColumn: 'created_at' });
  }

  async find(caller: Caller, key: TenantKey): Promise<RoleGrant | null> {
    return whereKey(this.withActs(caller), key).getOne();
  }

  private async findOrThrow(caller: Caller, key: TenantKey): Promise<RoleGrant> {
    return (await this.find(caller, key)) ?? Promise.reject(notFound('roleGrant.notFound'));
  }

  private withActs(caller: Caller): SelectQueryBuilder<RoleGrant> {
    const act = (kind: RoleGrantActKind, alias: string) =>
      `${alias}.district_code = grant.district_code AND ${alias}.grant_id = grant.id AND ${alias}.kind = '${kind}'`;
    return this.data
      .scoped(caller, 'read', 'RoleGrant', RoleGrant, 'grant')
      .leftJoinAndMapOne('grant.confirmation', RoleGrantAct, 'confirmation', act(RoleGrantActKind.CONFIRM, 'confirmation'))
      .leftJoinAndMapOne('grant.revocation', RoleGrantAct, 'revocation', act(RoleGrantActKind.REVOKE, 'revocation'));
  }
}

/** A role is held for a region of its tier inside the account's district; DEPARTMENT only by a department's account (D§2). */
function assertRoleFits(role: Role, regionCode: string, districtCode: string, isDepartmentAccount: boolean): void {
  const level = levelOfCodeOrThrow(regionCode);
  if ((level as string) !== ROLE_TIER[role])
    throw badInput('regionCode', 'account.role.wrongLevel', { role, tier: ROLE_TIER[role], regionCode, level });
  if (scopeCodesOf(regionCode).districtCode !== districtCode)
    throw badInput('regionCode', 'account.role.outsideDistrict', { regionCode, districtCode });
  if ((role === Role.DEPARTMENT) !== isDepartmentAccount) throw badInput('role', 'account.department.mismatch');
}
