import { Role } from '../../../permissions/roles';
import { assertDateOrThrow, badInput, conflict, notFound, textOrThrow, unmet } from '../../errors';
import { message, Message } from '../../i18n/message';
import type { Caller } from '../../auth/caller';
import { Connection, keysetPage, PageArgs } from '../../graphql/connection';
import { TenantKey, whereTenantKeysIn } from '../../db/tenant-keys';
import type { DataAccess } from '../../db/data-access';
import { changed } from '../../db/guarded-writes';
import type { GuardedWrites } from '../../db/guarded-writes';
import { levelOfCodeOrThrow, RegionLevel } from '../region/region-code';
import type { RegionService } from '../region/region.service';
import type { AccountService } from '../account/account.service';
import { Committee } from '../committee/committee.entity';
import type { CommitteeService } from '../committee/committee.service';
import type { Programme } from '../case/case.entity';
import { requiredCaseworkers } from '../staffing/staffing-rule';
import { hasAcceptedWorkPlan } from '../work-plan/accepted-work-plan';
import { Delegation, DelegationKind } from './delegation.entity';
import { delegationsInForce, today } from './delegations-in-force';
import { whereEqual, whereKey } from '../../db/scoped-filters';

export interface GrantDelegationInput {
  townshipCode: string;
  programme: Programme;
  effectiveFrom: string;
  effectiveUntil?: string | null;
  documentReference: string;
}

/** The district's delegation of the authority to decide, and its revocation (P3.1, P3.3, P5, D§13). */
export class DelegationService {
  constructor(
    private readonly data: DataAccess,
    private readonly writes: GuardedWrites,
    private readonly regions: RegionService,
    private readonly accounts: AccountService,
    private readonly committees: CommitteeService,
  ) {}

  /**
   * Records a grant. Every precondition the township misses is named at once (UNMET); a staffing
   * shortfall does not stop it and comes back as a warning (P6.2).
   */
  async grant(caller: Caller, input: GrantDelegationInput): Promise<{ delegation: Delegation; warnings: Message[] }> {
    const township = await this.townshipOrThrow(caller, input.townshipCode);
    assertDateOrThrow(input.effectiveFrom, 'effectiveFrom');
    if (input.effectiveUntil) {
      assertDateOrThrow(input.effectiveUntil, 'effectiveUntil');
      if (input.effectiveUntil < input.effectiveFrom) throw badInput('effectiveUntil', 'delegation.until.beforeFrom');
    }
    const delegation = Object.assign(new Delegation(), {
      districtCode: township.districtCode,
      townshipCode: township.code,
      kind: DelegationKind.GRANT,
      programme: input.programme,
      effectiveFrom: input.effectiveFrom,
      effectiveUntil: input.effectiveUntil ?? null,
      documentReference: textOrThrow(input.documentReference, 'documentReference', 200),
      revokesId: null,
      createdById: caller.actor!.accountId,
    });
    const saved = await this.writes.guardedCreate(caller, 'Delegation', delegation, 'create', async (manager) => {
      const missing = await this.missingPreconditions(township.districtCode, township.code, input.effectiveFrom);
      if (missing.length) throw unmet(...missing);
      const overlapping = await this.grantInForce(township.districtCode, township.code, input.programme, input.effectiveFrom);
      if (overlapping) throw conflict('delegation.alreadyInForce', { townshipCode: township.code, programme: input.programme });
      return changed(await manager.save(delegation), 'grantDelegation', {
        programme: input.programme,
        effectiveFrom: input.effectiveFrom,
        documentReference: delegation.documentReference,
      });
    });
    return { delegation: saved, warnings: await this.staffingWarnings(caller, township.code, township.population) };
  }

  /** Ends a grant from a date with a revocation record; the grant itself is never changed. */
  async revoke(caller: Caller, key: TenantKey, effectiveFrom: string, documentReference: string): Promise<Delegation> {
    assertDateOrThrow(effectiveFrom, 'effectiveFrom');
    const granted = await this.findByKey(caller, key);
    if (!granted || granted.kind !== DelegationKind.GRANT) throw notFound('delegation.notFound');
    if (effectiveFrom < granted.effectiveFrom) throw badInput('effectiveFrom', 'delegation.revocation.beforeGrant');
    const revocation = Object.assign(new Delegation(), {
      districtCode: granted.districtCode,
      townshipCode: granted.townshipCode,
      kind: DelegationKind.REVOCATION,
      programme: granted.programme,
      effectiveFrom,
      effectiveUntil: null,
      documentReference: textOrThrow(documentReference, 'documentReference', 200),
      revokesId: granted.id,
      createdById: caller.actor!.accountId,
    });
    return this.writes.guardedCreate(caller, 'Delegation', revocation, 'revoke', async (manager) => {
      const earlier = await this.data
        .scoped(caller, 'read', 'Delegation', Delegation, 'r', manager)
        .andWhere('r.district_code = :d AND r.revokes_id = :id', { d: granted.districtCode, id: granted.id })
        .getExists();
      if (earlier) throw conflict('delegation.alreadyRevoked');
      return changed(await manager.save(revocation), 'revokeDelegation', { revokes: granted.id, effectiveFrom });
    });
  }

  /** Grants and revocations the caller may read, newest first: the history of the authority to decide. */
  list(caller: Caller, filter: { townshipCode?: string | null }, page: PageArgs): Promise<Connection<Delegation>> {
    const qb = this.data.scoped(caller, 'read', 'Delegation', Delegation, 'd');
    whereEqual(qb, { township_code: filter.townshipCode });
    return keysetPage(qb, page, { type: 'Delegation', sortColumn: 'created_at' });
  }

  findByKey(caller: Caller, key: TenantKey): Promise<Delegation | null> {
    return whereKey(this.data.scoped(caller, 'read', 'Delegation', Delegation, 'd'), key).getOne();
  }

  /** Several delegations by key in one scoped query (the decisions of a page of cases). */
  findByKeys(caller: Caller, keys: readonly TenantKey[]): Promise<Delegation[]> {
    return whereTenantKeysIn(this.data.scoped(caller, 'read', 'Delegation', Delegation, 'd'), 'id', keys).getMany();
  }

  /**
   * What a township must have on the delegation's date before it can take it up (P3.2, P5.1, D§13),
   * each check one entry: a valid joint review committee, its memberships as they stood at the end
   * of that date when it has passed (a backdated grant needs the committee of its date), as they
   * stand now for today or a later date (memberships are never dated ahead); and a work plan the
   * district accepted.
   */
  private async missingPreconditions(districtCode: string, townshipCode: string, on: string): Promise<Message[]> {
    const workPlan = (await hasAcceptedWorkPlan(this.data, districtCode, townshipCode))
      ? []
      : [message('delegation.precondition.noAcceptedWorkPlan', { townshipCode })];
    const committee = await this.data
      .system('check a committee against its members')
      .getRepository(Committee)
      .createQueryBuilder('c')
      .where('c.district_code = :districtCode AND c.township_code = :townshipCode', { districtCode, townshipCode })
      .getOne();
    if (!committee) return [message('delegation.precondition.noCommittee', { townshipCode }), ...workPlan];
    const at = on < today() ? new Date(`${on}T23:59:59.999Z`) : null;
    const state = await this.committees.stateOf(this.data.system('check a committee against its members').manager, committee, at);
    const committeeProblems = state.problems.length
      ? [message('delegation.precondition.committeeInvalid', { townshipCode }), ...state.problems]
      : [];
    return [...committeeProblems, ...workPlan];
  }

  /** A grant for the same township and programme already in force on the date, if one is. */
  private async grantInForce(districtCode: string, townshipCode: string, programme: string, on: string) {
    const inForce = await delegationsInForce(this.data, districtCode, on);
    return inForce.find((d) => d.townshipCode === townshipCode && d.programme === programme) ?? null;
  }

  private async staffingWarnings(caller: Caller, townshipCode: string, population: number): Promise<Message[]> {
    const caseworkers = (await this.accounts.list(caller, { regionCode: townshipCode, role: Role.TOWNSHIP_CASEWORKER })).filter(
      (account) => account.active && account.roles.some((r) => r.role === Role.TOWNSHIP_CASEWORKER && r.regionCode === townshipCode),
    ).length;
    const required = requiredCaseworkers(population);
    return caseworkers < required ? [message('delegation.warning.understaffed', { townshipCode, caseworkers, required, population })] : [];
  }

  private async townshipOrThrow(caller: Caller, code: string) {
    if (levelOfCodeOrThrow(code) !== RegionLevel.TOWNSHIP) {
      throw badInput('townshipCode', 'region.code.notTownship', { field: 'townshipCode' });
    }
    const [township] = await this.regions.findByCodes(caller, [code]);
    if (!township) throw badInput('townshipCode', 'region.code.notTownshipOfDistrict', { field: 'townshipCode' });
    return { code: township.code, districtCode: code.slice(0, 6) + '000000', population: township.population };
  }
}
