import { EntityManager, SelectQueryBuilder } from 'typeorm';
import type { Actor, DelegationInForce } from '../../../permissions/ability';
import { delegationsInForce } from '../delegation/delegations-in-force';
import { assertCan } from '../../auth/authorize';
import { Department, Role } from '../../../permissions/roles';
import { badInput, conflict, notFound, unauthenticated } from '../../errors';
import type { Caller, Viewer } from '../../auth/caller';
import { subject as asSubject } from '@casl/ability';
import { defineAbilityFor } from '../../../permissions/ability';
import { Connection, keysetPage, PageArgs } from '../../graphql/connection';
import { decoyPasswordHash, hashPassword, verifyPassword } from '../../auth/passwords';
import type { TokenAccount, TokenSigner } from '../../auth/tokens';
import type { LoginThrottle } from '../../auth/login-throttle';
import { generateActivationCode, generateApiKey, hashSecret, parseApiKey, secretMatches } from '../../auth/api-key-secret';
import type { SettingsService } from '../settings/settings.service';
import { Region } from '../region/region.entity';
import { scopeCodesOf } from '../region/region-code';
import { Account, RoleAssignment } from './account.entity';
import { ApiKey } from './api-key.entity';
import type { AuditService } from '../audit/audit.service';
import type { DataAccess } from '../../db/data-access';
import { changed, unchanged } from '../../db/guarded-writes';
import type { GuardedSubject, GuardedWrites } from '../../db/guarded-writes';
import type { SignedInActors } from './signed-in-actors';
import { whereEqual } from '../../db/scoped-filters';

export interface AccountFilter {
  regionCode?: string;
  role?: Role;
}

/** A new account holds no role and no password: roles come by grants, the password from its holder (D§14). */
export interface NewAccount {
  username: string;
  displayName: string;
  regionCode: string;
  departmentCode?: Department;
}

/** Last-use times are written at most this often per key, so that busy integrations do not write on
 * every call. */
const LAST_USED_RESOLUTION_MS = 60_000;

export const USERNAME_PATTERN = /^[a-z][a-z0-9._-]{2,63}$/;
export const MIN_PASSWORD_LENGTH = 8;

/** The actor an account is, given the delegations in force in its district (they decide who decides, D§13). */
export function actorOf(account: Account, delegations: DelegationInForce[]): Actor {
  return {
    accountId: account.id,
    username: account.username,
    districtCode: account.districtCode,
    departmentCode: account.departmentCode,
    roles: account.roles.map(({ role, regionCode }) => ({ role, regionCode })),
    delegations,
  };
}

/** Accounts (with their roles, as every answer carries them) and API keys as their changes find, lock and audit them. */
const ACCOUNT: GuardedSubject<Account, 'id'> = {
  name: 'Account',
  entity: Account,
  key: ['id'],
  relations: ['roles'],
  notFound: () => notFound('account.notFound'),
};
const API_KEY: GuardedSubject<ApiKey, 'id'> = { name: 'ApiKey', entity: ApiKey, key: ['id'], notFound: () => notFound('apiKey.notFound') };

export class AccountService {
  constructor(
    private readonly data: DataAccess,
    private readonly tokens: TokenSigner,
    private readonly throttle: LoginThrottle,
    private readonly audit: AuditService,
    private readonly writes: GuardedWrites,
    private readonly settings: SettingsService,
    private readonly signedIn: SignedInActors,
  ) {}

  /** Changes the caller's own password; every token issued before stops working. */
  async changePassword(
    caller: Caller,
    currentPassword: string,
    newPassword: string,
  ): Promise<{ token: string; expiresAt: Date; account: Account }> {
    const account = await this.me(caller);
    // The current password is guessable with a stolen token: the same throttle as sign-in.
    await this.throttle.attempt(account.username, caller.clientAddress);
    if (!account.passwordHash || !(await verifyPassword(account.passwordHash, currentPassword))) {
      throw unauthenticated('auth.password.currentWrong');
    }
    await this.throttle.succeeded(account.username, caller.clientAddress);
    if (newPassword.length < MIN_PASSWORD_LENGTH) throw badInput('newPassword', 'account.password.tooShort', { min: MIN_PASSWORD_LENGTH });
    if (newPassword === currentPassword) throw badInput('newPassword', 'account.password.unchanged');
    const passwordHash = await hashPassword(newPassword);
    const version = await this.data.system('write a change the caller was allowed').transaction(async (manager) => {
      // Raised in SQL, so two changes at once cannot both hand out tokens of the same version.
      const [[row]]: [{ credentials_version: number }[]] = await manager.query(
        'UPDATE accounts SET password_hash = $2, credentials_version = credentials_version + 1 WHERE id = $1 RETURNING credentials_version',
        [account.id, passwordHash],
      );
      await this.audit.recordChange(manager, caller, {
        action: 'changePassword',
        subjectType: 'Account',
        subjectId: account.id,
        districtCode: account.districtCode,
        townshipCode: account.townshipCode,
        villageCode: account.villageCode,
      });
      return row.credentials_version;
    });
    const { token, expiresAt } = await this.tokens.sign(account.id, version);
    return { token, expiresAt, account };
  }

  /** Signs in with a password. Unknown names cost as much as wrong passwords (no user probing). */
  async login(username: string, password: string, address: string): Promise<{ token: string; expiresAt: Date; account: Account }> {
    if (!USERNAME_PATTERN.test(username)) throw unauthenticated('auth.signIn.failed');
    await this.throttle.attempt(username, address);
    const account = await this.signInAccounts().where('account.username = :username', { username }).getOne();
    const valid = await verifyPassword(account?.passwordHash ?? (await decoyPasswordHash()), password);
    if (!account || !account.passwordHash || !valid) throw unauthenticated('auth.signIn.failed');
    await this.throttle.succeeded(username, address);
    if (!account.active) throw unauthenticated('auth.account.deactivated');
    const { token, expiresAt } = await this.tokens.sign(account.id, account.credentialsVersion);
    return { token, expiresAt, account };
  }

  /** The actor behind a bearer credential: a signed token or a department API key; for a "view as"
   * token, also the account looking, checked again on every request (its password, its activity and
   * its power to view as the actor), so that taking the power away ends the view at once. */
  async actorFromCredential(credential: string): Promise<{ actor: Actor; method: 'TOKEN' | 'API_KEY'; viewer: Viewer | null }> {
    if (credential.startsWith('dak_')) return { actor: await this.actorFromApiKey(credential), method: 'API_KEY', viewer: null };
    const known = await this.signedIn.current(credential);
    if (known) return { actor: known, method: 'TOKEN', viewer: null };
    const verified = await this.tokens.verify(credential);
    if ('invalid' in verified) throw unauthenticated(verified.invalid);
    if (!verified.viewer) {
      const row = await this.signedIn.read(verified.accountId);
      if (!row || !row.active) throw unauthenticated('auth.token.accountGone');
      if (verified.credentialsVersion !== row.credentialsVersion) throw unauthenticated('auth.token.passwordChanged');
      return { actor: await this.signedIn.actorOf(credential, row, verified.expiresAtMs), method: 'TOKEN', viewer: null };
    }
    // A "view as" token is checked in full on every request: it is short-lived and rare.
    const account = await this.tokenAccount(verified);
    const delegations = await delegationsInForce(this.data, account.districtCode);
    const looking = await this.tokenAccount(verified.viewer);
    if (defineAbilityFor(actorOf(looking, delegations)).cannot('viewAs', asSubject('Account', account))) {
      throw unauthenticated('auth.viewAs.noLongerAllowed');
    }
    return { actor: actorOf(account, delegations), method: 'TOKEN', viewer: { accountId: looking.id, username: looking.username } };
  }

  /** The account a token names, while it is active and its password unchanged since the token. */
  private async tokenAccount(named: TokenAccount): Promise<Account> {
    const account = await this.signInAccounts().where('account.id = :id', { id: named.accountId }).getOne();
    if (!account || !account.active) throw unauthenticated('auth.token.accountGone');
    if (named.credentialsVersion !== account.credentialsVersion) throw unauthenticated('auth.token.passwordChanged');
    return account;
  }

  /**
   * A short-lived, read-only token to look at the API as another account of the caller's district
   * sees it (issue #16), as the policy allows (`viewAs` on Account). It lasts the district's
   * `viewAsMinutes`; starting it is audited, like every request made with it.
   */
  async viewAs(caller: Caller, accountId: string): Promise<{ token: string; expiresAt: Date; account: Account; viewer: Account }> {
    const account = await this.findByIdOrThrow(caller, accountId);
    assertCan(caller, 'viewAs', 'Account', account, undefined, { operation: 'viewAs', subjectId: account.id });
    const viewer = await this.me(caller);
    const { settings } = await this.settings.calendarOf(caller.actor!.districtCode);
    const issued = await this.tokens.signViewAs(
      { accountId: account.id, credentialsVersion: account.credentialsVersion },
      { accountId: viewer.id, credentialsVersion: viewer.credentialsVersion },
      settings.viewAsMinutes * 60,
    );
    caller.audit.queue({
      kind: 'VIEW_AS',
      action: 'viewAs',
      subjectType: 'Account',
      subjectId: account.id,
      districtCode: account.districtCode,
      townshipCode: account.townshipCode,
      villageCode: account.villageCode,
      details: { viewedAs: account.username, until: issued.expiresAt.toISOString() },
    });
    return { ...issued, account, viewer };
  }

  private async actorFromApiKey(key: string): Promise<Actor> {
    const parsed = parseApiKey(key);
    if (!parsed) throw unauthenticated('auth.apiKey.malformed');
    const row = await this.data
      .system('sign in and resolve credentials')
      .getRepository(ApiKey)
      .createQueryBuilder('key')
      .innerJoinAndMapOne('key.account', Account, 'account', 'account.id = key.account_id')
      .leftJoinAndSelect('account.roles', 'role')
      .where('key.prefix = :prefix', { prefix: parsed.prefix })
      .getOne();
    if (!row || !secretMatches(parsed.secret, row.secretHash)) throw unauthenticated('auth.apiKey.invalid');
    if (row.revokedAt) throw unauthenticated('auth.apiKey.revoked');
    if (!row.account!.active) throw unauthenticated('auth.apiKey.accountDeactivated');
    if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
      await this.data.system('sign in and resolve credentials').getRepository(ApiKey).update({ id: row.id }, { lastUsedAt: new Date() });
    }
    return actorOf(row.account!, await delegationsInForce(this.data, row.account!.districtCode));
  }

  async me(caller: Caller): Promise<Account> {
    return this.withRoles(caller).andWhere('account.id = :id', { id: caller.actor!.accountId }).getOneOrFail();
  }

  /** Before anyone is signed in there is no caller to scope by: the account a credential names. */
  private signInAccounts() {
    return this.data
      .system('sign in and resolve credentials')
      .getRepository(Account)
      .createQueryBuilder('account')
      .leftJoinAndSelect('account.roles', 'role');
  }

  /** One statement for the accounts the caller may read and their roles (find-with-relations would take two). */
  private withRoles(caller: Caller) {
    return this.data.scoped(caller, 'read', 'Account', Account, 'account').leftJoinAndSelect('account.roles', 'role');
  }

  /** Accounts the caller may read, optionally only those with a home region under `regionCode`. */
  list(caller: Caller, filter: AccountFilter = {}): Promise<Account[]> {
    return this.filtered(this.withRoles(caller), filter).orderBy('account.username').addOrderBy('role.role').getMany();
  }

  /** A page of what `list` answers, newest first. Roles are read for the page's accounts in a
   * second statement: joined into the page query, they would multiply the rows its LIMIT counts. */
  async page(caller: Caller, filter: AccountFilter, page: PageArgs): Promise<Connection<Account>> {
    const qb = this.filtered(this.data.scoped(caller, 'read', 'Account', Account, 'account'), filter);
    const found = await keysetPage(qb, page, { type: 'Account', sortColumn: 'created_at' });
    const ids = found.nodes.map((account) => account.id);
    const roles =
      ids.length === 0
        ? []
        : await this.data
            .system('roles of accounts the caller may read')
            .getRepository(RoleAssignment)
            .createQueryBuilder('role')
            .where('role.account_id IN (:...ids)', { ids })
            .orderBy('role.role')
            .getMany();
    for (const account of found.nodes) account.roles = roles.filter((role) => role.accountId === account.id);
    return found;
  }

  private filtered(qb: SelectQueryBuilder<Account>, filter: AccountFilter): SelectQueryBuilder<Account> {
    if (filter.regionCode) {
      const scope = scopeCodesOf(filter.regionCode);
      if (scope.villageCode) qb.andWhere('account.village_code = :code', { code: scope.villageCode });
      else if (scope.townshipCode) qb.andWhere('account.township_code = :code', { code: scope.townshipCode });
      else qb.andWhere('account.district_code = :code', { code: scope.districtCode });
    }
    if (filter.role) {
      const holding = this.data
        .system('roles of accounts the caller may read')
        .getRepository(RoleAssignment)
        .createQueryBuilder('r')
        .select('1')
        .where('r.account_id = account.id AND r.role = :role');
      qb.andWhere(`EXISTS (${holding.getQuery()})`, { role: filter.role });
    }
    return qb;
  }

  async findByIdsScoped(caller: Caller, ids: readonly string[]): Promise<Account[]> {
    return this.withRoles(caller).andWhere('account.id IN (:...ids)', { ids }).getMany();
  }

  async findByIdOrThrow(caller: Caller, id: string): Promise<Account> {
    const [account] = await this.findByIdsScoped(caller, [id]);
    if (!account) throw notFound('account.notFound');
    return account;
  }

  /** A new account, without roles or password; its one-time activation code is returned now and never again. */
  async create(caller: Caller, input: NewAccount): Promise<{ account: Account; activationCode: string }> {
    if (!USERNAME_PATTERN.test(input.username)) {
      throw badInput('username', 'account.username.invalid');
    }
    const home = scopeCodesOf(input.regionCode);
    const { settings } = await this.settings.calendarOf(home.districtCode);
    const activationCode = generateActivationCode();
    const account = Object.assign(new Account(), {
      username: input.username,
      displayName: input.displayName,
      regionCode: input.regionCode,
      ...home,
      departmentCode: input.departmentCode ?? null,
      active: true,
      passwordHash: null,
      activationCodeHash: hashSecret(activationCode),
      activationExpiresAt: new Date(Date.now() + settings.activationCodeDays * 86_400_000),
    });
    assertCan(caller, 'create', 'Account', account);
    if (input.departmentCode && !(await this.departmentInUse(home.districtCode, input.departmentCode))) {
      throw badInput('departmentCode', 'catalogue.department.notInUse', { department: input.departmentCode });
    }
    const saved = await this.data.system('write a change the caller was allowed').transaction(async (manager) => {
      await assertRegionsExist(manager, [input.regionCode]);
      if (await manager.existsBy(Account, { username: input.username })) {
        throw conflict('account.username.taken', { username: input.username }).with({ field: 'username' });
      }
      const row = await manager.save(account);
      row.roles = [];
      await this.audit.recordChange(manager, caller, {
        action: 'createAccount',
        subjectType: 'Account',
        subjectId: row.id,
        districtCode: row.districtCode,
        townshipCode: row.townshipCode,
        villageCode: row.villageCode,
        details: { username: row.username, activationExpiresAt: row.activationExpiresAt },
      });
      return row;
    });
    return { account: saved, activationCode };
  }

  /**
   * Whether a department is one the district asks in its verifications (D§7): an integration account
   * answers data checks for its department, so it is made or empowered only for one the district lists
   * and has switched on. The bank's account also sends the results of payment batches (D§10), which a
   * district needs whether or not it asks banks about deposits.
   */
  async departmentInUse(districtCode: string, department: Department): Promise<boolean> {
    if (department === Department.BANK) return true;
    return (await this.settings.departmentsInUse(districtCode)).includes(department);
  }

  /**
   * The holder of a new account chooses its password with the one-time code its creator handed over
   * (D§14: nobody sets another's password). Throttled like sign-in; a wrong, used or expired code
   * gets the same answer as an unknown name.
   */
  async activate(
    caller: Caller,
    username: string,
    code: string,
    password: string,
  ): Promise<{ token: string; expiresAt: Date; account: Account }> {
    const address = caller.clientAddress;
    if (!USERNAME_PATTERN.test(username)) throw unauthenticated('auth.activation.failed');
    await this.throttle.attempt(username, address);
    const account = await this.signInAccounts().where('account.username = :username', { username }).getOne();
    const usable = account?.activationCodeHash && account.activationExpiresAt && account.activationExpiresAt > new Date();
    if (!account || !usable || !secretMatches(code, account.activationCodeHash!)) throw unauthenticated('auth.activation.failed');
    await this.throttle.succeeded(username, address);
    if (password.length < MIN_PASSWORD_LENGTH) throw badInput('password', 'account.password.tooShort', { min: MIN_PASSWORD_LENGTH });
    const passwordHash = await hashPassword(password);
    const version = await this.data.system('sign in and resolve credentials').transaction(async (manager) => {
      // The code is spent in the same statement that sets the password, so it works once even when raced.
      const [rows]: [{ credentials_version: number }[]] = await manager.query(
        `UPDATE accounts SET password_hash = $2, activation_code_hash = NULL, activation_expires_at = NULL,
           credentials_version = credentials_version + 1 WHERE id = $1 AND activation_code_hash = $3 RETURNING credentials_version`,
        [account.id, passwordHash, account.activationCodeHash],
      );
      if (rows.length === 0) throw unauthenticated('auth.activation.failed');
      await this.audit.recordChange(manager, caller, {
        action: 'activateAccount',
        subjectType: 'Account',
        subjectId: account.id,
        districtCode: account.districtCode,
        townshipCode: account.townshipCode,
        villageCode: account.villageCode,
      });
      return rows[0].credentials_version;
    });
    if (!account.active) throw unauthenticated('auth.account.deactivated');
    const { token, expiresAt } = await this.tokens.sign(account.id, version);
    return { token, expiresAt, account };
  }

  async setActive(caller: Caller, id: string, active: boolean): Promise<Account> {
    return this.writes.guardedChange(caller, ACCOUNT, { id }, 'update', async ({ manager, row: account }) => {
      if (account.id === caller.actor!.accountId && !active) throw badInput('id', 'account.deactivateSelf');
      account.active = active;
      if (active) {
        await manager.update(Account, { id }, { active });
        return changed(account, 'activateAccount');
      }
      // Deactivation retires every credential for good (issue 10 item 6): tokens signed before it
      // carry the old credentials version, so they stay refused after a reactivation, and the
      // account's integration keys are revoked, not merely unusable while it is inactive.
      await manager.query('UPDATE accounts SET active = false, credentials_version = credentials_version + 1 WHERE id = $1', [id]);
      const revoked = await manager
        .createQueryBuilder()
        .update(ApiKey)
        .set({ revokedAt: () => 'now()' })
        .where('account_id = :id AND revoked_at IS NULL', { id })
        .execute();
      return changed(account, 'deactivateAccount', { apiKeysRevoked: revoked.affected ?? 0 });
    });
  }

  /** A department integration's own new key (D§14): the secret is returned to it now and never again. */
  async createApiKey(caller: Caller, name: string): Promise<{ apiKey: ApiKey; secret: string }> {
    const accountId = caller.actor!.accountId;
    const account = await this.me(caller);
    if (!account.roles.some((r) => r.role === Role.DEPARTMENT)) {
      throw badInput('accountId', 'apiKey.departmentOnly');
    }
    const generated = generateApiKey();
    const apiKey = Object.assign(new ApiKey(), {
      accountId,
      districtCode: account.districtCode,
      name,
      prefix: generated.prefix,
      secretHash: generated.secretHash,
      createdById: caller.actor!.accountId,
      lastUsedAt: null,
      revokedAt: null,
    });
    const saved = await this.writes.guardedCreate(caller, 'ApiKey', apiKey, 'create', async (manager) => {
      const row = await manager.save(apiKey);
      return changed(row, 'createApiKey', { accountId, prefix: row.prefix });
    });
    return { apiKey: saved, secret: generated.key };
  }

  listApiKeys(caller: Caller, accountId: string | undefined, page: PageArgs): Promise<Connection<ApiKey>> {
    const qb = this.data.scoped(caller, 'read', 'ApiKey', ApiKey, 'key');
    whereEqual(qb, { account_id: accountId });
    return keysetPage(qb, page, { type: 'ApiKey', sortColumn: 'created_at' });
  }

  async findApiKey(caller: Caller, id: string): Promise<ApiKey | null> {
    const qb = this.data.scoped(caller, 'read', 'ApiKey', ApiKey, 'key').andWhere('key.id = :id', { id });
    return qb.getOne();
  }

  async revokeApiKey(caller: Caller, id: string): Promise<ApiKey> {
    return this.writes.guardedChange(caller, API_KEY, { id }, 'revoke', async ({ manager, row: key }) => {
      if (key.revokedAt) return unchanged(key);
      key.revokedAt = new Date();
      await manager.update(ApiKey, { id }, { revokedAt: key.revokedAt });
      return changed(key, 'revokeApiKey', { prefix: key.prefix });
    });
  }
}

async function assertRegionsExist(manager: EntityManager, codes: string[]): Promise<void> {
  const unique = [...new Set(codes)];
  const found = await manager
    .getRepository(Region)
    .createQueryBuilder('r')
    .select('r.code')
    .where('r.code IN (:...unique)', { unique })
    .getMany();
  const missing = unique.filter((code) => !found.some((r) => r.code === code));
  if (missing.length) throw badInput('regionCode', 'region.unknown', { codes: missing });
}
