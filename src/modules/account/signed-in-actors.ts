import type { Actor } from '../../../permissions/ability';
import type { Department, Role } from '../../../permissions/roles';
import type { DataAccess } from '../../db/data-access';
import { delegationsInForce, today } from '../delegation/delegations-in-force';

/** What a token's account is, as one statement reads it together with its district's authority epoch. */
export interface TokenAccountRow {
  id: string;
  username: string;
  districtCode: string;
  departmentCode: Department | null;
  active: boolean;
  credentialsVersion: number;
  roles: { role: Role; regionCode: string }[];
  epoch: string;
  /** The next instant a grant of the account begins, ends, is confirmed or revoked, after now. */
  rolesChangeAt: Date | null;
}

interface Remembered {
  actor: Actor;
  expiresAtMs: number;
  epoch: string;
  /** The day the delegations in force were read for: they change at midnight without a write. */
  day: string;
  rolesChangeAt: Date | null;
}

/** Enough for the signed-in staff of a few districts; past it the cache starts over rather than grow. */
const LIMIT = 10_000;

/**
 * The actor behind each signed-in token (issue #14), so that a request does not read the account,
 * its roles and the delegations in force again: it reads only its district's authority epoch (one
 * statement instead of two), which the database raises in the transaction of any change to them
 * (migration AuthorityEpochs: accounts, role grants and their acts, delegations), whichever replica
 * or SQL session made it. A moved epoch, a grant beginning or ending by its own dates, a new day
 * (delegations in force are counted by date) or the token's expiry sends the request through the full
 * sign-in again. Keyed by the exact token text, whose signature was checked when it was remembered.
 */
export class SignedInActors {
  private readonly byToken = new Map<string, Remembered>();

  constructor(private readonly data: DataAccess) {}

  /** The account a token names with its roles and epoch, in one statement (null when it is gone). */
  async read(accountId: string): Promise<TokenAccountRow | null> {
    const [row] = await this.data.system('sign in and resolve credentials').query<TokenAccountRow[]>(
      `SELECT a.id, a.username, a.district_code AS "districtCode", a.department_code AS "departmentCode", a.active,
         a.credentials_version AS "credentialsVersion",
         (SELECT COALESCE(json_agg(json_build_object('role', r.role, 'regionCode', r.region_code) ORDER BY r.role, r.region_code), '[]'::json)
            FROM account_roles r WHERE r.account_id = a.id) AS roles,
         COALESCE((SELECT e.epoch FROM authority_epochs e WHERE e.district_code = a.district_code), 0)::text AS epoch,
         (SELECT min(t) FROM (
            SELECT g.effective_from AS t FROM role_grants g WHERE g.account_id = a.id
            UNION ALL SELECT g.effective_until FROM role_grants g WHERE g.account_id = a.id
            UNION ALL SELECT x.effective_at FROM role_grant_acts x JOIN role_grants g ON g.district_code = x.district_code AND g.id = x.grant_id
              WHERE g.account_id = a.id) AS instants WHERE t > now()) AS "rolesChangeAt"
       FROM accounts a WHERE a.id = $1`,
      [accountId],
    );
    return row ?? null;
  }

  /** The remembered actor of `token`, if nothing it depends on changed since. */
  async current(token: string): Promise<Actor | null> {
    const known = this.byToken.get(token);
    if (!known) return null;
    if (Date.now() >= known.expiresAtMs || known.day !== today()) {
      this.byToken.delete(token);
      return null;
    }
    const [{ epoch, now }] = await this.data
      .system('sign in and resolve credentials')
      .query<{ epoch: string; now: Date }[]>(
        'SELECT COALESCE((SELECT epoch FROM authority_epochs WHERE district_code = $1), 0)::text AS epoch, now() AS now',
        [known.actor.districtCode],
      );
    if (epoch !== known.epoch || (known.rolesChangeAt && now >= known.rolesChangeAt)) {
      this.byToken.delete(token);
      return null;
    }
    return known.actor;
  }

  /** The actor of an account just read for a valid token, remembered for the token's next requests. */
  async actorOf(token: string, account: TokenAccountRow, expiresAtMs: number): Promise<Actor> {
    const day = today();
    const actor: Actor = {
      accountId: account.id,
      username: account.username,
      districtCode: account.districtCode,
      departmentCode: account.departmentCode,
      roles: account.roles,
      delegations: await delegationsInForce(this.data, account.districtCode, day),
    };
    if (this.byToken.size >= LIMIT) this.byToken.clear();
    this.byToken.set(token, { actor, expiresAtMs, epoch: account.epoch, day, rolesChangeAt: account.rolesChangeAt });
    return actor;
  }
}
