import type { SelectQueryBuilder } from 'typeorm';
import { Role } from '../../../permissions/roles';
import type { Caller } from '../../auth/caller';
import { generateActivationCode, hashSecret } from '../../auth/api-key-secret';
import type { DataAccess } from '../../db/data-access';
import { changed, tenantSubject } from '../../db/guarded-writes';
import type { ChangeLog, GuardedWrites } from '../../db/guarded-writes';
import type { TenantKey } from '../../db/tenant-keys';
import { badInput, conflict, notFound } from '../../errors';
import { Connection, keysetPage, PageArgs } from '../../graphql/connection';
import { Account } from '../account/account.entity';
import { USERNAME_PATTERN } from '../account/account.service';
import { RoleGrantAct, RoleGrantActKind } from '../account/role-grant.entity';
import { newAct, newGrant } from '../account/role-grant.records';
import { levelOfCodeOrThrow, provinceCodeOf, RegionLevel, scopeCodesOf } from '../region/region-code';
import { Region, RegionKind } from '../region/region.entity';
import { DistrictSettings } from '../settings/settings.entity';
import { insertDefaultCatalogues } from '../settings/catalogues';
import { defaultSettings } from '../settings/settings-definitions';
import { checkSettingOrThrow } from '../settings/settings.service';
import {
  DistrictProposal,
  DistrictProposalDecision,
  DistrictProposalDecisionKind,
  DistrictProposalStatus,
  ProposedSetting,
} from './district-proposal.entity';
import { whereKey } from '../../db/scoped-filters';

export interface NewDistrict {
  regionCode: string;
  name: string;
  population: number;
  adminUsername: string;
  adminDisplayName: string;
  settings: ProposedSetting[];
}

const PROPOSAL = tenantSubject('DistrictProposal', DistrictProposal, () => notFound('province.proposal.notFound'));

/** Where a proposal stands, from its decision record. */
export function statusOf(proposal: DistrictProposal): DistrictProposalStatus {
  if (!proposal.decision) return DistrictProposalStatus.PROPOSED;
  return proposal.decision.kind === DistrictProposalDecisionKind.CONFIRM
    ? DistrictProposalStatus.CONFIRMED
    : DistrictProposalStatus.REJECTED;
}

/**
 * The province as a tenant of tenants (D§1, issue #15): a province operator proposes a district with
 * its first administrator and initial settings, and a second one confirms it (D§14) — only then do the
 * district's place, settings, administrator account and ADMIN grant exist. Who may do which is the
 * policy table's; each step is its own append-only record, and the new district's audit log opens
 * with how it was created. The province reads none of the district's rows, before or after.
 */
export class ProvinceService {
  constructor(
    private readonly data: DataAccess,
    private readonly writes: GuardedWrites,
    private readonly log: ChangeLog,
  ) {}

  /** Records the proposal; the administrator's activation code is returned now and never again. */
  async propose(caller: Caller, input: NewDistrict): Promise<{ proposal: DistrictProposal; activationCode: string }> {
    if (levelOfCodeOrThrow(input.regionCode) !== RegionLevel.DISTRICT)
      throw badInput('regionCode', 'province.notADistrict', { code: input.regionCode });
    if (!USERNAME_PATTERN.test(input.adminUsername)) throw badInput('adminUsername', 'account.username.invalid');
    const keys = new Set<string>();
    for (const { key, value } of input.settings) {
      if (keys.has(key)) throw badInput('settings', 'province.settingTwice', { key });
      keys.add(key);
      checkSettingOrThrow(key, value);
    }
    const activationCode = generateActivationCode();
    const proposal = Object.assign(new DistrictProposal(), {
      // The province's own records are keyed by the province's code, where the operator's account lives.
      districtCode: caller.actor!.districtCode,
      provinceCode: provinceCodeOf(input.regionCode),
      regionCode: input.regionCode,
      name: input.name,
      population: input.population,
      adminUsername: input.adminUsername,
      adminDisplayName: input.adminDisplayName,
      activationCodeHash: hashSecret(activationCode),
      settings: input.settings.map(({ key, value }) => ({ key, value })),
      proposedById: caller.actor!.accountId,
    });
    const saved = await this.writes.guardedCreate(caller, 'DistrictProposal', proposal, 'create', async (manager) => {
      // The district must not exist yet, and its administrator's username must be free.
      if (await manager.existsBy(Region, { code: input.regionCode })) throw conflict('province.districtExists', { code: input.regionCode });
      if (await manager.existsBy(Account, { username: input.adminUsername }))
        throw conflict('account.username.taken', { username: input.adminUsername }).with({ field: 'adminUsername' });
      const row = await manager.save(proposal);
      return changed(row, 'proposeDistrict', { regionCode: row.regionCode, name: row.name, adminUsername: row.adminUsername });
    });
    return { proposal: Object.assign(saved, { decision: null }), activationCode };
  }

  /**
   * A second operator's confirmation: the district's place, settings, administrator account (which
   * activates with the code its proposer was shown) and ADMIN grant — proposed by the proposer,
   * confirmed by the confirmer, so that the administrator's power traces to both (D§14).
   */
  async confirm(caller: Caller, key: TenantKey): Promise<DistrictProposal> {
    await this.writes.guardedChange(caller, PROPOSAL, key, 'confirm', async ({ manager, row }) => {
      if (await manager.existsBy(DistrictProposalDecision, { districtCode: row.districtCode, proposalId: row.id }))
        throw conflict('province.proposal.decided');
      if (await manager.existsBy(Region, { code: row.regionCode })) throw conflict('province.districtExists', { code: row.regionCode });
      if (await manager.existsBy(Account, { username: row.adminUsername }))
        throw conflict('account.username.taken', { username: row.adminUsername }).with({ field: 'adminUsername' });
      const now = new Date();
      await manager.insert(DistrictProposalDecision, decision(row, DistrictProposalDecisionKind.CONFIRM, caller, null));
      // The new district's rows are written here, in the confirmation's transaction, not through a
      // scope of the caller: the province holds none inside a district, by design, and the district
      // has nobody yet who could write them.
      const codes = scopeCodesOf(row.regionCode);
      await manager.insert(Region, {
        code: row.regionCode,
        name: row.name,
        level: RegionLevel.DISTRICT,
        kind: RegionKind.DISTRICT,
        parentCode: null,
        provinceCode: row.provinceCode,
        population: row.population,
        ...codes,
      });
      const values = Object.fromEntries(row.settings.map(({ key: name, value }) => [name, value]));
      if (row.settings.length) await manager.insert(DistrictSettings, { districtCode: row.regionCode, values });
      await insertDefaultCatalogues(manager, row.regionCode);
      const settings = { ...defaultSettings(), ...values };
      const admin = await manager.save(
        Object.assign(new Account(), {
          username: row.adminUsername,
          displayName: row.adminDisplayName,
          regionCode: row.regionCode,
          ...codes,
          departmentCode: null,
          active: true,
          passwordHash: null,
          activationCodeHash: row.activationCodeHash,
          activationExpiresAt: new Date(now.getTime() + settings.activationCodeDays * 86_400_000),
        }),
      );
      const grant = await manager.save(
        newGrant(admin, Role.ADMIN, row.regionCode, { id: row.proposedById, as: Role.PROVINCE_OPERATOR }, now, null),
      );
      await manager.insert(RoleGrantAct, newAct(grant, RoleGrantActKind.CONFIRM, caller.actor!.accountId, now));
      // The district's own audit log begins with its creation.
      const inDistrict = { districtCode: row.regionCode, details: { proposalId: row.id, proposedById: row.proposedById } };
      await this.log.recordChange(manager, caller, {
        ...inDistrict,
        action: 'createDistrict',
        subjectType: 'Region',
        subjectId: row.regionCode,
      });
      await this.log.recordChange(manager, caller, { ...inDistrict, action: 'createAccount', subjectType: 'Account', subjectId: admin.id });
      await this.log.recordChange(manager, caller, {
        ...inDistrict,
        action: 'confirmRoleGrant',
        subjectType: 'RoleGrant',
        subjectId: grant.id,
      });
      return changed(row, 'confirmDistrictProposal', { regionCode: row.regionCode, adminUsername: row.adminUsername });
    });
    return this.findOrThrow(caller, key);
  }

  /** A second operator turns the proposal down; nothing of the district is created. */
  async reject(caller: Caller, key: TenantKey, reason: string): Promise<DistrictProposal> {
    await this.writes.guardedChange(caller, PROPOSAL, key, 'reject', async ({ manager, row }) => {
      if (await manager.existsBy(DistrictProposalDecision, { districtCode: row.districtCode, proposalId: row.id }))
        throw conflict('province.proposal.decided');
      await manager.insert(DistrictProposalDecision, decision(row, DistrictProposalDecisionKind.REJECT, caller, reason));
      return changed(row, 'rejectDistrictProposal', { regionCode: row.regionCode, reason });
    });
    return this.findOrThrow(caller, key);
  }

  /** Proposals the caller may read, newest first, each with its decision. */
  page(caller: Caller, filter: { status?: DistrictProposalStatus }, page: PageArgs): Promise<Connection<DistrictProposal>> {
    const qb = this.withDecision(caller);
    if (filter.status === DistrictProposalStatus.PROPOSED) qb.andWhere('decision.proposal_id IS NULL');
    else if (filter.status) {
      const kind =
        filter.status === DistrictProposalStatus.CONFIRMED ? DistrictProposalDecisionKind.CONFIRM : DistrictProposalDecisionKind.REJECT;
      qb.andWhere('decision.kind = :kind', { kind });
    }
    return keysetPage(qb, page, { type: 'DistrictProposal', sortColumn: 'created_at' });
  }

  find(caller: Caller, key: TenantKey): Promise<DistrictProposal | null> {
    return whereKey(this.withDecision(caller), key).getOne();
  }

  private async findOrThrow(caller: Caller, key: TenantKey): Promise<DistrictProposal> {
    return (await this.find(caller, key)) ?? Promise.reject(notFound('province.proposal.notFound'));
  }

  private withDecision(caller: Caller): SelectQueryBuilder<DistrictProposal> {
    return this.data
      .scoped(caller, 'read', 'DistrictProposal', DistrictProposal, 'proposal')
      .leftJoinAndMapOne(
        'proposal.decision',
        DistrictProposalDecision,
        'decision',
        'decision.district_code = proposal.district_code AND decision.proposal_id = proposal.id',
      );
  }
}

const decision = (row: DistrictProposal, kind: DistrictProposalDecisionKind, caller: Caller, reason: string | null) =>
  Object.assign(new DistrictProposalDecision(), {
    districtCode: row.districtCode,
    proposalId: row.id,
    kind,
    byId: caller.actor!.accountId,
    reason,
  });
