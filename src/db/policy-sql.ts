import { rulesToAST } from '@casl/ability/extra';
import { Brackets, ObjectLiteral, SelectQueryBuilder, WhereExpressionBuilder } from 'typeorm';
import type { AppAbility } from '../../permissions/ability';
import type { Action, SubjectName } from '../../permissions/policy';

interface AstNode {
  operator: string;
  field?: string;
  value: unknown;
}

let parameterCounter = 0;

/**
 * Turns CASL's condition tree into SQL over `alias`. Only the operators the policy uses are
 * accepted; anything else throws rather than silently widening access.
 * Null semantics follow CASL's in-memory matching: `eq` never matches NULL, and `not` treats an
 * unknown (NULL) comparison as false so that its negation is true, as `ability.can` does.
 */
function toSql(node: AstNode, qb: SelectQueryBuilder<ObjectLiteral>, alias: string): { sql: string; params: Record<string, unknown> } {
  const columnMeta = () => {
    const meta = qb.expressionMap.mainAlias!.metadata.findColumnWithPropertyPath(node.field!);
    if (!meta) throw new Error(`Policy condition on unknown property ${node.field}`);
    return meta;
  };
  const column = () => `"${alias}"."${columnMeta().databaseName}"`;
  const param = (value: unknown) => {
    const name = `casl_${++parameterCounter}`;
    return { name, params: { [name]: value } };
  };
  switch (node.operator) {
    case 'and':
    case 'or': {
      const parts = (node.value as AstNode[]).map((child) => toSql(child, qb, alias));
      if (parts.length === 0) return { sql: node.operator === 'and' ? 'TRUE' : 'FALSE', params: {} };
      return {
        sql: '(' + parts.map((p) => p.sql).join(node.operator === 'and' ? ' AND ' : ' OR ') + ')',
        params: parts.reduce<Record<string, unknown>>((all, p) => ({ ...all, ...p.params }), {}),
      };
    }
    case 'not': {
      const inner = toSql({ operator: 'and', value: node.value }, qb, alias);
      return { sql: `NOT COALESCE(${inner.sql}, FALSE)`, params: inner.params };
    }
    case 'eq': {
      if (node.value === null) return { sql: `${column()} IS NULL`, params: {} };
      const p = param(node.value);
      // CASL matches an array field when it contains the value; so does `= ANY`.
      if (columnMeta().isArray) return { sql: `:${p.name} = ANY(${column()})`, params: p.params };
      return { sql: `${column()} = :${p.name}`, params: p.params };
    }
    case 'ne': {
      if (node.value === null) return { sql: `${column()} IS NOT NULL`, params: {} };
      const p = param(node.value);
      return { sql: `${column()} IS DISTINCT FROM :${p.name}`, params: p.params };
    }
    case 'in': {
      const values = node.value as unknown[];
      if (values.length === 0) return { sql: 'FALSE', params: {} };
      const p = param(values);
      return { sql: `${column()} IN (:...${p.name})`, params: p.params };
    }
    default:
      throw new Error(`Policy condition operator "${node.operator}" has no SQL translation`);
  }
}

type Translation = Readonly<{ sql: string; params: Readonly<Record<string, unknown>> }>;

/** Translations already made, per ability (abilities are shared and never change once made, see
 * src/auth/abilities.ts): a request's scoped statements reuse them instead of walking the rules again.
 * Parameter names are unique per translation, so two fragments in one statement never collide. */
const translations = new WeakMap<AppAbility, Map<string, Translation>>();

/** The ability's answer to "which rows may I `action`?" as a WHERE fragment; FALSE when none. */
export function abilityWhere(
  ability: AppAbility,
  action: Action,
  subject: SubjectName,
  qb: SelectQueryBuilder<ObjectLiteral>,
  alias: string,
): Translation {
  let made = translations.get(ability);
  if (!made) {
    made = new Map();
    translations.set(ability, made);
  }
  const key = `${action}\0${subject}\0${alias}\0${qb.expressionMap.mainAlias!.metadata.tableName}`;
  let translation = made.get(key);
  if (!translation) {
    const ast = rulesToAST(ability, action, subject) as AstNode | null;
    translation = Object.freeze(ast ? toSql(ast, qb, alias) : { sql: 'FALSE', params: {} });
    made.set(key, translation);
  }
  return translation;
}

/**
 * AND-s the ability into a query builder (never replacing its existing WHERE). Lists, counts,
 * by-id lookups and loader batches all go through here, so out-of-scope rows never leave SQL.
 */
export function scopeQuery<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  ability: AppAbility,
  action: Action,
  subject: SubjectName,
  alias = qb.alias,
): SelectQueryBuilder<T> {
  const { sql, params } = abilityWhere(ability, action, subject, qb, alias);
  return qb.andWhere(
    new Brackets((where: WhereExpressionBuilder) => {
      where.where(sql, params);
    }),
  );
}
