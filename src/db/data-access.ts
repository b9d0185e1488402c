import { EntityManager, QueryBuilder, Repository } from 'typeorm';
import type { DataSource, EntityTarget, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { currentScope, withScope } from '../async-scope';
import { acrossDistricts } from './district-wall';
import type { Action, SubjectName } from '../../permissions/policy';
import type { AppAbility } from '../../permissions/ability';
import { scopeQuery } from './policy-sql';
import { KeptColumns, selectPlain } from './plain-rows';
import type { Caller } from '../auth/caller';
import type { Logger } from '../logger';

/** Why a piece of work reads or writes across the policy's scopes; each is named at its call site. */
export type SystemReason =
  | 'seed the demo district'
  | 'write the audit log'
  | 'read district settings and holidays'
  | 'sign in and resolve credentials'
  | 'roles of accounts the caller may read'
  | 'check a committee against its members'
  | 'resolve the delegations in force'
  | "count a case's meetings and drafts for its next steps"
  | 'public notices for anyone'
  | 'check uniqueness across the district'
  | 'write a change the caller was allowed'
  | 'change a row the caller may change, under lock'
  | 'flag the cases of a declared relative'
  // A petition from the public has no account to scope by; it is checked against a running notice and the per-address limit (D§12).
  | 'record a petition from the public'
  // The holder of a reference reads its status and answer only, without an account (D§12).
  | 'a petition by the reference its petitioner holds'
  // Finance names the bank a batch goes to; finance may not list accounts, so the check reads across them (D§10).
  | 'find the bank integration a payment batch is sent to'
  // Whether the district accepted a township's work plan decides a delegation whoever records it (D§13).
  | "check a township's preconditions for a delegation"
  // An id out of the caller's scope is answered NOT_FOUND like an absent one; whether it exists is
  // looked up (and never returned) only to log the attempt as denied.
  | 'notice an attempt on a row outside the caller’s scope'
  // An idempotency key belongs to the calling account, not to a policy subject: the work it guards
  // is checked against the policy when it runs, and a replay reads its answer through the caller's scope.
  | 'remember the answers of idempotent requests'
  /** D§5: a person's other applications and benefits may lie in a township the accepting staff cannot read. */
  | 'check a person for a double benefit across the district';

/**
 * The reasons whose work reaches beyond the caller's district, past the database's district wall
 * (src/db/district-wall.ts): who is calling is not known yet (sign-in, the delegations that make an
 * actor), the public has no district (notices, petitions), an attempt on another district's row is
 * looked up to be logged, and the audit log records it there. Every other reason works inside the
 * caller's district, behind the wall.
 */
const ACROSS_DISTRICTS: ReadonlySet<SystemReason> = new Set<SystemReason>([
  'seed the demo district',
  'sign in and resolve credentials',
  'resolve the delegations in force',
  'read district settings and holidays',
  'public notices for anyone',
  'record a petition from the public',
  'a petition by the reference its petitioner holds',
  'notice an attempt on a row outside the caller’s scope',
  'write the audit log',
]);

/**
 * The one way services reach rows of the policy's subjects. `scoped` gives a query builder with the
 * caller's ability for an action AND-ed in from the start: filters are added with `andWhere`, and
 * `where`/`orWhere` — which would replace or widen the scope — refuse to run. Subqueries and joins to
 * another subject are built from a scoped builder of that subject (`scopedSql`). Work that must cross
 * the scopes (migrations, the seed, sign-in, the audit log itself, writes after an allowed check)
 * goes through `system(reason)`, the one named bypass: greppable, with its reason from a closed list,
 * and logged the first time each reason is used. A test over `src/` fails on any other route to the data.
 *
 * Work started inside a transaction opened here joins it: scoped builders, the bypass's repositories,
 * queries and nested transactions all run on the transaction's connection. A step that holds a row lock
 * therefore never waits for a second connection of the pool, which requests queued on that same lock
 * may all be holding (issue #10: fifty simultaneous decisions on one case starved a pool of ten).
 */
export class DataAccess {
  private readonly reasonsSeen = new Set<SystemReason>();
  private readonly joining: DataSource;
  private readonly acrossJoining: DataSource;
  /** The texts of `scopedRows` and `scopedKept` statements, per caller ability and shape. */
  private readonly statements = new WeakMap<AppAbility, Map<string, KeptStatement<unknown>>>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly logger: Logger,
  ) {
    this.joining = new Proxy(dataSource, {
      get: (target, property) => {
        if (property === 'transaction') return this.transaction;
        const current = this.current();
        if (current && property === 'manager') return current;
        const from: object = current && JOINED.has(property) ? current : target;
        const value: unknown = Reflect.get(from, property, from);
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(from) : value;
      },
    });
    this.acrossJoining = beyondTheWall(this.joining);
  }

  /** The open transaction of this piece of work, if any (a released one, outlived by a timer, is not). */
  private current(): EntityManager | undefined {
    let open = currentScope().transaction;
    while (open && open.access !== this) open = open.outer;
    return open && !open.manager.queryRunner?.isReleased ? open.manager : undefined;
  }

  /** `DataSource.transaction`, joining the transaction already open in this piece of work. */
  private readonly transaction = <T>(work: (manager: EntityManager) => Promise<T>): Promise<T> => {
    const current = this.current();
    if (current) return work(current);
    return this.dataSource.transaction((manager) =>
      withScope({ transaction: { access: this, manager, outer: currentScope().transaction } }, () => work(manager)),
    );
  };

  scoped<T extends ObjectLiteral>(
    caller: Caller,
    action: Action,
    subject: SubjectName,
    entity: EntityTarget<T>,
    alias: string,
    manager?: EntityManager,
  ): SelectQueryBuilder<T> {
    const qb = (manager ?? this.current() ?? this.dataSource.manager).getRepository(entity).createQueryBuilder(alias);
    scopeQuery(qb, caller.ability, action, subject);
    const refuse = (): never => {
      throw new Error(`A scoped ${subject} query takes its filters with andWhere: where/orWhere would drop the caller's scope`);
    };
    return Object.assign(qb, { where: refuse, orWhere: refuse });
  }

  /**
   * Plain rows (`selectPlain`) of a scoped statement that is the same request after request but for
   * `values`: its SQL text is built once through `scoped` and `build`, and kept per caller ability
   * (shared, never changed) and `shape`, which must name everything `build` adds besides `values`
   * (a loader's batch: the scope, and the keys asked for). `values` are bound by name, never
   * spread (`:...name`), so that their positions do not depend on their sizes.
   */
  scopedRows<T extends ObjectLiteral>(
    caller: Caller,
    action: Action,
    subject: SubjectName,
    entity: EntityTarget<T>,
    alias: string,
    shape: string,
    build: (qb: SelectQueryBuilder<T>) => SelectQueryBuilder<T>,
    values: Readonly<Record<string, unknown>>,
    columns?: KeptColumns<T>,
  ): Promise<T[]> {
    return this.scopedKept(
      caller,
      action,
      subject,
      entity,
      alias,
      `rows\0${shape}\0${columns?.shape ?? '*'}`,
      (qb) => {
        const built = build(qb);
        const select = selectPlain(built, columns?.properties(built));
        return { qb: select.qb, read: select.toRow };
      },
      values,
    );
  }

  /**
   * `scopedRows` for any statement over a scoped builder: `prepare` adds the filters, the selection
   * and the order (everything but `values`, all named by `shape`) and says how each raw row is read.
   * The cases page and its count (`keptKeysetPage`) are kept this way: TypeORM's rebuilding of their
   * text from metadata was the largest part of a page's CPU after the garbage collector (issue #14).
   * At most `KEPT_SHAPES` shapes are kept per ability, the oldest dropped first, so that a client
   * varying its selection cannot grow the memory without bound.
   */
  async scopedKept<T extends ObjectLiteral, R>(
    caller: Caller,
    action: Action,
    subject: SubjectName,
    entity: EntityTarget<T>,
    alias: string,
    shape: string,
    prepare: (qb: SelectQueryBuilder<T>) => { qb: SelectQueryBuilder<T>; read: (raw: Record<string, unknown>) => R },
    values: Readonly<Record<string, unknown>>,
  ): Promise<R[]> {
    let kept = this.statements.get(caller.ability);
    if (!kept) {
      kept = new Map();
      this.statements.set(caller.ability, kept);
    }
    const key = `${action}\0${subject}\0${alias}\0${shape}`;
    let statement = kept.get(key) as KeptStatement<R> | undefined;
    if (!statement) {
      // Stand-ins mark where each value goes among the positional parameters of the built text.
      const standIns = new Map(Object.keys(values).map((name) => [{ standIn: name }, name] as const));
      const prepared = prepare(this.scoped(caller, action, subject, entity, alias));
      const [sql, parameters] = prepared.qb
        .setParameters(Object.fromEntries([...standIns].map(([standIn, name]) => [name, standIn])))
        .getQueryAndParameters();
      statement = {
        sql,
        parameters,
        slots: parameters.map((parameter: unknown) => standIns.get(parameter as { standIn: string })),
        read: prepared.read,
      };
      if (kept.size >= KEPT_SHAPES) kept.delete(kept.keys().next().value!);
      kept.set(key, statement);
    }
    const { sql, parameters, slots, read } = statement;
    const bound = parameters.map((parameter, i) => (slots[i] === undefined ? parameter : values[slots[i]]));
    const rows = await (this.current() ?? this.dataSource.manager).query<Record<string, unknown>[]>(sql, bound);
    return rows.map(read);
  }

  /** A scoped builder's SQL and parameters, for an EXISTS or IN over another subject. */
  scopedSql<T extends ObjectLiteral>(
    caller: Caller,
    action: Action,
    subject: SubjectName,
    entity: EntityTarget<T>,
    alias: string,
    build: (qb: SelectQueryBuilder<T>) => SelectQueryBuilder<T>,
  ): { sql: string; params: ObjectLiteral } {
    const qb = build(this.scoped(caller, action, subject, entity, alias));
    return { sql: qb.getQuery(), params: qb.getParameters() };
  }

  /** The named bypass: the data source, joining the open transaction, for work that must cross the policy's scopes. */
  system(reason: SystemReason): DataSource {
    if (!this.reasonsSeen.has(reason)) {
      this.reasonsSeen.add(reason);
      this.logger.info({ reason }, 'system data access');
    }
    return ACROSS_DISTRICTS.has(reason) ? this.acrossJoining : this.joining;
  }
}

/**
 * `target` with every method run across districts, and the repositories, query builders and
 * managers it hands out wrapped the same way: the statements they issue, whenever they are awaited,
 * start inside `acrossDistricts` and so carry its wall.
 */
function beyondTheWall<T extends object>(target: T): T {
  const wrapped: T = new Proxy(target, {
    get(object, property) {
      const value: unknown = Reflect.get(object, property, object);
      if (typeof value !== 'function') return reaches(value) ? beyondTheWall(value) : value;
      return (...args: unknown[]) => {
        const result = acrossDistricts(() => (value as (...a: unknown[]) => unknown).apply(object, args));
        if (result === object) return wrapped;
        return reaches(result) ? beyondTheWall(result) : result;
      };
    },
  });
  return wrapped;
}

/** What reaches rows later, when its own methods are called. */
const reaches = (value: unknown): value is object =>
  value instanceof Repository || value instanceof QueryBuilder || value instanceof EntityManager;

interface KeptStatement<R> {
  sql: string;
  parameters: unknown[];
  /** For each positional parameter, the name of the value bound there on each run, if any. */
  slots: (string | undefined)[];
  read: (raw: Record<string, unknown>) => R;
}

/** A transaction open in a piece of work, and the one of another `DataAccess` open around it, if any:
 * each `DataAccess` joins its own transactions only, as when each had its own storage. */
interface OpenTransaction {
  access: DataAccess;
  manager: EntityManager;
  outer: OpenTransaction | undefined;
}

declare module '../async-scope' {
  interface ScopeSlots {
    /** The transaction `DataAccess.transaction` opened in this piece of work, which the work it starts joins. */
    transaction?: OpenTransaction;
  }
}

/** Statement shapes kept per ability: a role's lists, filters and selections in use, with room to spare. */
const KEPT_SHAPES = 200;

/** What a `DataSource` reaches rows through, taken from the open transaction's manager instead. */
const JOINED = new Set<string | symbol>(['getRepository', 'getTreeRepository', 'createQueryBuilder', 'query']);
