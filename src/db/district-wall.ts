import { Client } from 'pg';
import { currentScope, withScope } from '../async-scope';

/**
 * The second wall between districts (issue #10 item 5): PostgreSQL's row-level security on every
 * tenant table (migration `DistrictWall`) lets the application's role see and write only rows whose
 * `district_code` lies between two settings of its connection, `app.district_low` and
 * `app.district_high`. The policy table is the first wall; this one holds where a query forgot it.
 *
 * A request runs inside `withinRequest`: it starts with the wall shut (no district), and `admit`
 * opens it to the caller's district once the credential is resolved (a province operator: the
 * districts of its province, whose codes share its first two digits). Work outside any request
 * (start-up, the seed, background jobs, a service called directly) is system work and sees every
 * district; so does work inside `acrossDistricts`, which `DataAccess.system` uses for the reasons
 * that must cross districts (sign-in, noticing an attempt on another district's row, the public's
 * petitions and notices, the audit log).
 *
 * `WalledClient` is the pool's connection: it hands its statements to the connection one after the
 * other, and before one whose wall differs from the one the connection last had, it sends one
 * `set_config` (nothing runs between the two). A connection serving one district therefore sets it
 * once, not per statement. The setting is a session's, so it outlives a transaction; a transaction that
 * changed it and then ended (committed or not: a failed COMMIT rolls back) leaves it unknown, and the
 * next statement sets it again.
 */
export interface Wall {
  low: string;
  high: string;
}

const key = (wall: Wall) => `${wall.low}:${wall.high}`;

/** Every district: district codes are twelve digits (`src/modules/region/region-code.ts`). */
export const EVERY_DISTRICT: Wall = { low: '000000000000', high: '999999999999' };
/** No district: an empty range. */
export const NO_DISTRICT: Wall = { low: '1', high: '0' };

/** What a request's caller may reach: its district, or for a province operator (whose account lives
 * under the province's own code, `PP0000000000`) every district of the province. */
export function wallOf(actor: { districtCode: string } | null): Wall {
  if (!actor) return NO_DISTRICT;
  const code = actor.districtCode;
  if (/^\d{2}0{10}$/.test(code)) return { low: code, high: `${code.slice(0, 2)}${'9'.repeat(10)}` };
  return { low: code, high: code };
}

/** The wall of the running piece of work; a request's may change once its caller is known. */
interface Holder {
  wall: Wall;
}

declare module '../async-scope' {
  interface ScopeSlots {
    /** A new holder per `withinRequest` and per `acrossDistricts`, shared by the scopes nested in it
     * (a transaction): `admit` opens the request's wall for the rest of the request wherever in it the
     * caller is resolved, and an `acrossDistricts` inside it leaves it as it was. */
    districtWall?: Holder;
  }
}

export const currentWall = (): Wall => currentScope().districtWall?.wall ?? EVERY_DISTRICT;

/** Runs a request's handling behind a shut wall, until `admit` opens it to its caller. */
export function withinRequest<T>(work: () => T): T {
  return withScope({ districtWall: { wall: NO_DISTRICT } }, work);
}

/** Opens the running request's wall to what `actor` may reach. Outside a request it does nothing. */
export function admit(actor: { districtCode: string } | null): void {
  const holder = currentScope().districtWall;
  if (holder) holder.wall = wallOf(actor);
}

/** Runs `work`, and everything it starts, with every district in reach. */
export function acrossDistricts<T>(work: () => T): T {
  return withScope({ districtWall: { wall: EVERY_DISTRICT } }, work);
}

const SET_WALL = `SELECT set_config('app.district_low', $1, false), set_config('app.district_high', $2, false)`;
/** Statements before which nothing else may run (SET TRANSACTION must follow START TRANSACTION at once). */
const CONTROL = /^\s*(START|BEGIN|SET\s+TRANSACTION|SAVEPOINT|RELEASE|COMMIT|END|ROLLBACK|ABORT)\b/i;
const ENDS_TRANSACTION = /^\s*(COMMIT|END|ROLLBACK|ABORT)\b/i;
const STARTS_TRANSACTION = /^\s*(START|BEGIN)\b/i;
const TO_SAVEPOINT = /^\s*ROLLBACK\s+TO\b/i;

type QueryArguments = unknown[];
type Query = (...args: QueryArguments) => unknown;

/** A `pg` client that carries the wall of the work that issues each statement. */
export class WalledClient extends Client {
  /** The wall the connection has, as far as is known. */
  private wallKey: string | undefined;
  private inTransaction = false;
  private wallChangedInTransaction = false;
  /** The last statement handed to the connection: each waits for the one before (pg's own queue is deprecated). */
  private tail: Promise<unknown> = Promise.resolve();

  constructor(...config: ConstructorParameters<typeof Client>) {
    super(...config);
    const send = (Client.prototype.query as Query).bind(this);
    // One signature for pg's overloads: every form passes its text (or a query object) first.
    this.query = ((...args: QueryArguments) => this.walled(send, args)) as Client['query'];
  }

  private walled(send: Query, args: QueryArguments): unknown {
    const first = args[0] as { text?: string; submit?: unknown } | string | undefined;
    if (typeof first === 'object' && typeof first?.submit === 'function') {
      throw new Error('A streamed query would not wait for the district wall; read rows with an ordinary query');
    }
    const text = typeof first === 'string' ? first : first?.text;
    const control = text !== undefined && CONTROL.test(text);
    // The wall is the one of the work that issues the statement, taken now; it is compared with the
    // connection's when the statement's turn comes, after every statement issued before it.
    const wall = control ? undefined : currentWall();
    const callback = typeof args[args.length - 1] === 'function' ? (args.pop() as (error: unknown, result?: unknown) => void) : undefined;
    const run = this.tail.then(async () => {
      if (control) this.track(text);
      else if (key(wall!) !== this.wallKey) {
        this.wallKey = undefined;
        await send(SET_WALL, [wall!.low, wall!.high]);
        this.wallKey = key(wall!);
        if (this.inTransaction) this.wallChangedInTransaction = true;
      }
      return send(...args);
    });
    this.tail = run.catch(() => undefined);
    if (!callback) return run;
    run.then(
      (result) => callback(null, result),
      (error) => callback(error),
    );
    return undefined;
  }

  /** Follows the transaction a control statement starts or ends: the session's wall set inside a
   * transaction is undone by its rollback, and by a COMMIT that fails. */
  private track(text: string | undefined): void {
    if (text === undefined) return;
    if (TO_SAVEPOINT.test(text)) {
      if (this.wallChangedInTransaction) this.wallKey = undefined;
    } else if (STARTS_TRANSACTION.test(text)) {
      this.inTransaction = true;
      this.wallChangedInTransaction = false;
    } else if (ENDS_TRANSACTION.test(text)) {
      if (this.wallChangedInTransaction) this.wallKey = undefined;
      this.inTransaction = false;
      this.wallChangedInTransaction = false;
    }
  }
}
