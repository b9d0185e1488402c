import type { EntityManager } from 'typeorm';
import { Role, ROLE_TIER } from '../../../permissions/roles';
import { scopeCodesOf } from '../region/region-code';
import type { Account } from './account.entity';
import { ProposedAs, RoleGrant, RoleGrantAct, RoleGrantActKind } from './role-grant.entity';

/** A grant's record as proposed: its tier and township are derived from the role and region. */
export function newGrant(
  account: Pick<Account, 'id' | 'districtCode'>,
  role: Role,
  regionCode: string,
  proposer: { id: string | null; as: ProposedAs },
  effectiveFrom: Date,
  effectiveUntil: Date | null,
): RoleGrant {
  return Object.assign(new RoleGrant(), {
    districtCode: account.districtCode,
    accountId: account.id,
    role,
    regionCode,
    townshipCode: scopeCodesOf(regionCode).townshipCode,
    districtTier: ROLE_TIER[role] === 'DISTRICT',
    proposedById: proposer.id,
    proposedAs: proposer.as,
    effectiveFrom,
    effectiveUntil,
  });
}

export function newAct(grant: RoleGrant, kind: RoleGrantActKind, byId: string | null, effectiveAt: Date): RoleGrantAct {
  return Object.assign(new RoleGrantAct(), { districtCode: grant.districtCode, grantId: grant.id, kind, byId, effectiveAt });
}

/** The seed is a system act (D§14): its roles are grants it proposed and confirmed itself, in force at once. */
export async function seedGrants(manager: EntityManager, account: Account, roles: Role[]): Promise<void> {
  const now = new Date();
  for (const role of roles) {
    const grant = await manager.save(newGrant(account, role, account.regionCode, { id: null, as: 'SEED' }, now, null));
    await manager.insert(RoleGrantAct, newAct(grant, RoleGrantActKind.CONFIRM, null, now));
  }
}
