import { ArgsType, ClassType, Field, Int, ObjectType } from 'type-graphql';
import { Brackets, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { badInput } from '../errors';
import { UUID_PATTERN } from '../db/tenant-keys';
import { KeptColumns, selectPlain } from '../db/plain-rows';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 100;

@ObjectType('PageInfo', { description: 'Relay page information (分页信息).' })
export class PageInfo {
  @Field({ description: 'More items after this page (有下一页)' }) hasNextPage: boolean;
  @Field({ description: 'Always false: pages go forward with `after` (有上一页)' }) hasPreviousPage: boolean;
  @Field(() => String, { nullable: true, description: 'Cursor of the first item (起始游标)' }) startCursor: string | null;
  @Field(() => String, { nullable: true, description: 'Cursor of the last item; pass as `after` (结束游标)' }) endCursor: string | null;
}

/** `first` and `after` of every connection field; declare with `@Args() page: PageArgs`. */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, defaultValue: DEFAULT_PAGE_SIZE, description: `Page size, 1–${MAX_PAGE_SIZE} (每页条数)` })
  first?: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'Continue after this cursor: the `endCursor` of the previous page of the same list (游标)',
  })
  after?: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

/** What a connection field resolves to. `totalCount` is a promise so that its COUNT runs only
 * when the field is asked for. */
export interface Connection<T> {
  edges: Edge<T>[];
  nodes: T[];
  pageInfo: PageInfo;
  readonly totalCount: Promise<number>;
}

/**
 * The `<Name>Connection` and `<Name>Edge` object types of a list of `node`, e.g.
 * `ConnectionType(Case, { name: 'Case', items: 'cases', zh: '案件' })`.
 */
export function ConnectionType<T extends object>(
  node: ClassType<T>,
  names: { name: string; items: string; zh: string },
): ClassType<Connection<T>> {
  @ObjectType(`${names.name}Edge`, { description: `An item of a page of ${names.items}, with its cursor (${names.zh}分页项).` })
  class EdgeType {
    @Field({ description: 'Cursor of this item; pass as `after` to continue after it (游标)' }) cursor: string;
    @Field(() => node, { description: `The item (${names.zh})` }) node: T;
  }

  @ObjectType(`${names.name}Connection`, { description: `A page of ${names.items}, newest first (${names.zh}分页).` })
  class ConnectionClass {
    @Field(() => [EdgeType], { description: `Items of this page with their cursors (本页${names.zh})` }) edges: Edge<T>[];
    @Field(() => [node], { description: `Items of this page, without cursors (本页${names.zh})` }) nodes: T[];
    @Field(() => PageInfo, { description: 'Paging (分页信息)' }) pageInfo: PageInfo;

    @Field(() => Int, { description: `All ${names.items} matching the arguments within the caller's scope, on every page (总数)` })
    totalCount: Promise<number>;
  }
  return ConnectionClass;
}

/**
 * How a list is ordered: newest first by `sortColumn` (a NOT NULL timestamptz column), then by
 * `id`; or, with `direction: 'ASC'`, soonest first (a list of what falls due, by a date column).
 * `type` tags its cursors, so that a cursor of one list is refused by another.
 */
export interface Keyset {
  type: string;
  sortColumn: string;
  direction?: 'ASC' | 'DESC';
}

// The sort key is carried as text made by PostgreSQL, to the microsecond, and compared as
// timestamptz in SQL: a JS Date keeps milliseconds only, which skipped rows created within one.
const CURSOR_AT_SQL = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
const CURSOR_AT = /^(\d{4})-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

function encodeCursor(type: string, at: string, id: string): string {
  return Buffer.from(JSON.stringify([type, at, id]), 'utf8').toString('base64url');
}

function decodeCursorOrThrow(cursor: string, type: string): { at: string; id: string } {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    decoded = null;
  }
  if (
    Array.isArray(decoded) &&
    decoded.length === 3 &&
    decoded[0] === type &&
    typeof decoded[1] === 'string' &&
    typeof decoded[2] === 'string'
  ) {
    const [, at, id] = decoded as [string, string, string];
    const year = CURSOR_AT.exec(at)?.[1];
    // A real instant (not 25:00 or 02-30) in years PostgreSQL stores: JS normalises impossible
    // times, so re-printing shows them.
    const ms = Date.parse(`${at.slice(0, 23)}Z`);
    const real = year !== undefined && year !== '0000' && !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 23) === at.slice(0, 23);
    if (real && UUID_PATTERN.test(id) && encodeCursor(type, at, id) === cursor) return { at, id };
  }
  throw badInput('after', 'page.after.invalid');
}

function pageSizeOrThrow(first: number | null | undefined): number {
  const size = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) throw badInput('first', 'page.first.range', { max: MAX_PAGE_SIZE });
  return size;
}

/**
 * One page of `scoped` (a query builder with its filters and the caller's ability already AND-ed
 * in; its ORDER BY is replaced): one statement for the page, fetching one row more than asked to
 * learn whether another page follows, and one COUNT over the same scope when `totalCount` is read.
 * Rows are compared on (sort key, id) in SQL, so rows sharing a timestamp and rows added between
 * pages neither repeat nor go missing.
 */
export async function keysetPage<T extends ObjectLiteral & { id: string }>(
  scoped: SelectQueryBuilder<T>,
  page: PageArgs,
  keyset: Keyset,
): Promise<Connection<T>> {
  const first = pageSizeOrThrow(page.first);
  const after = page.after == null ? null : decodeCursorOrThrow(page.after, keyset.type);
  const counter = scoped.clone();
  const rows = scoped.clone().addSelect(CURSOR_AT_SQL(`${scoped.alias}.${keyset.sortColumn}`), 'keyset_at');
  const { raw, entities } = await pageRows(rows, keyset, first, after).getRawAndEntities();
  const atById = new Map(raw.map((row: Record<string, string>) => [row[`${scoped.alias}_id`], row.keyset_at]));
  return connectionOf(
    entities.map((node) => ({ node, at: atById.get(node.id)! })),
    first,
    keyset,
    () => counter.getCount(),
  );
}

/** The rows of a page: after the cursor, in the keyset's order, one more than asked. */
function pageRows<T extends ObjectLiteral>(
  rows: SelectQueryBuilder<T>,
  keyset: Keyset,
  first: number,
  after: { at: string; id: string } | null,
): SelectQueryBuilder<T> {
  const alias = rows.alias;
  const sort = `${alias}.${keyset.sortColumn}`;
  const direction = keyset.direction ?? 'DESC';
  if (after) {
    rows.andWhere(
      new Brackets((where) =>
        where.where(
          `(${sort}, ${alias}.id) ${direction === 'DESC' ? '<' : '>'} (CAST(:keysetAt AS timestamptz), CAST(:keysetId AS uuid))`,
          {
            keysetAt: after.at,
            keysetId: after.id,
          },
        ),
      ),
    );
  }
  return rows
    .orderBy(sort, direction)
    .addOrderBy(`${alias}.id`, direction)
    .limit(first + 1);
}

/** A connection of up to `first + 1` rows read in order with their sort keys (the extra one tells
 * that another page follows); `count` runs only when `totalCount` is read. */
function connectionOf<T extends { id: string }>(
  read: { node: T; at: string }[],
  first: number,
  keyset: Keyset,
  count: () => Promise<number>,
): Connection<T> {
  const edges = read.slice(0, first).map(({ node, at }) => ({ cursor: encodeCursor(keyset.type, at, node.id), node }));
  let total: Promise<number> | undefined;
  return {
    edges,
    nodes: edges.map((edge) => edge.node),
    pageInfo: {
      hasNextPage: read.length > first,
      hasPreviousPage: false,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
    get totalCount() {
      total ??= count();
      return total;
    },
  };
}

/**
 * A scoped list read through statements whose text is kept per caller ability and shape
 * (`DataAccess.scopedKept`, bound to one caller, action, subject, entity and alias by `run`).
 * `filter` adds the list's filters to the scoped builder, each value bound by name from `values`
 * (never spread), and `shape` names everything else `filter` adds: which filters are present and how
 * many values each has.
 */
export interface KeptList<T extends ObjectLiteral> {
  run: <R>(
    shape: string,
    prepare: (qb: SelectQueryBuilder<T>) => { qb: SelectQueryBuilder<T>; read: (raw: Record<string, unknown>) => R },
    values: Readonly<Record<string, unknown>>,
  ) => Promise<R[]>;
  shape: string;
  filter: (qb: SelectQueryBuilder<T>) => SelectQueryBuilder<T>;
  values: Readonly<Record<string, unknown>>;
}

/**
 * `keysetPage` over a `KeptList`, reading plain rows (`selectPlain`) of only the properties that
 * `columns` names and the keys (every column without it; `columns.shape` says what decides them, such
 * as the GraphQL fields asked): the same statements (the page, one row more than
 * asked, and the COUNT when `totalCount` is read), whose text is built once per caller ability and
 * shape (here also the page size, whether a cursor is given, and the columns read) and then only
 * bound to the request's values and cursor.
 */
export async function keptKeysetPage<T extends ObjectLiteral & { id: string }>(
  list: KeptList<T>,
  page: PageArgs,
  keyset: Keyset,
  columns?: KeptColumns<T>,
): Promise<Connection<T>> {
  const first = pageSizeOrThrow(page.first);
  const after = page.after == null ? null : decodeCursorOrThrow(page.after, keyset.type);
  const shape = [
    keyset.type,
    keyset.sortColumn,
    keyset.direction ?? 'DESC',
    first,
    after ? 'after' : '',
    columns?.shape ?? '*',
    list.shape,
  ].join('\0');
  const read = await list.run(
    `page\0${shape}`,
    (qb) => {
      const select = selectPlain(pageRows(list.filter(qb), keyset, first, after), columns?.properties(qb));
      select.qb.addSelect(CURSOR_AT_SQL(`${qb.alias}.${keyset.sortColumn}`), 'keyset_at');
      return { qb: select.qb, read: (raw) => ({ node: select.toRow(raw), at: raw.keyset_at as string }) };
    },
    after ? { ...list.values, keysetAt: after.at, keysetId: after.id } : list.values,
  );
  return connectionOf(read, first, keyset, async () => {
    const [total] = await list.run(
      `count\0${list.shape}`,
      (qb) => ({ qb: list.filter(qb).select('COUNT(1)', 'cnt'), read: (raw) => Number(raw.cnt) }),
      list.values,
    );
    return total;
  });
}
