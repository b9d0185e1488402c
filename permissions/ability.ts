import { createMongoAbility, detectSubjectType, MongoAbility, RawRuleOf, subject as asSubject } from '@casl/ability';
import { Department, Role, ROLE_TIER, Tier } from './roles';
import { PolicyMessage as Message, policyMessage as message } from './vocabulary';
import { Action, Grant, POLICY, Scope, SCOPE_WORDS, SubjectName } from './policy';
import { SUBJECT_SCOPE_FIELDS } from './subjects';

/** Who is acting: an account with its role assignments, as loaded for one request. */
export interface Actor {
  accountId: string;
  username: string;
  districtCode: string;
  departmentCode: Department | null;
  roles: { role: Role; regionCode: string }[];
  /** The delegations of the actor's district in force today (D§13): who decides what depends on them. */
  delegations: DelegationInForce[];
}

/** A grant of the authority to decide, in force for a township and programme (D§13). */
export interface DelegationInForce {
  id: string;
  townshipCode: string;
  programme: string;
}

/**
 * What a grant's `{ $delegated: true }` stands for: the row's township holds a delegation in force for
 * the row's programme. CASL's conditions have no OR, so it is one alternative per township holding
 * delegations, each plain equalities that become SQL like any scope.
 */
function delegatedAlternatives(actor: Actor): Record<string, unknown>[] {
  const programmes = new Map<string, string[]>();
  for (const { townshipCode, programme } of actor.delegations) {
    programmes.set(townshipCode, [...(programmes.get(townshipCode) ?? []), programme]);
  }
  return [...programmes].map(([townshipCode, list]) => ({ townshipCode, programme: { $in: list } }));
}

export type AppAbility = MongoAbility<[Action, SubjectName | object]>;

/** A CASL rule that remembers the policy row it came from, for explanations, and which of its
 * conditions were resolved from delegation records rather than written in the row. */
export type PolicyRule = RawRuleOf<AppAbility> & { grant: Grant; heldFor: string; fromDelegations: string[] };

const GRANTS_BY_ROLE = new Map<Role, Grant[]>();
for (const grant of POLICY) {
  const list = GRANTS_BY_ROLE.get(grant.role) ?? [];
  list.push(grant);
  GRANTS_BY_ROLE.set(grant.role, list);
}

const TIER_DEPTH: Record<Tier, number> = { PROVINCE: -1, DISTRICT: 0, TOWNSHIP: 1, VILLAGE: 2 };
const SCOPE_DEPTH: Partial<Record<Scope, number>> = { district: 0, township: 1, village: 2 };

/** The value of a scope for a role held for `regionCode`, e.g. the township code for `township`. */
function scopeValueOrThrow(scope: Scope, role: Role, regionCode: string, actor: Actor): unknown {
  switch (scope) {
    case 'self':
      return actor.accountId;
    case 'department':
      if (!actor.departmentCode) throw new Error(`${actor.username} holds a department grant but no department`);
      return actor.departmentCode;
    case 'district':
      return regionCode.slice(0, 6) + '000000';
    case 'province':
      if (ROLE_TIER[role] !== 'PROVINCE')
        throw new Error(`Policy error: ${role} is not of the province tier and cannot have province scope`);
      return regionCode.slice(0, 2);
    case 'township':
    case 'village': {
      if (SCOPE_DEPTH[scope]! > TIER_DEPTH[ROLE_TIER[role]]) {
        throw new Error(`Policy error: ${role} is held for a ${ROLE_TIER[role]} and cannot have ${scope} scope`);
      }
      return scope === 'township' ? regionCode.slice(0, 9) + '000' : regionCode;
    }
    default:
      throw new Error(`Unknown scope ${scope as string}`);
  }
}

/** The condition no row meets: a grant whose delegation is missing still names itself in refusals. */
const NO_DELEGATION = { programme: { $in: [] } };

/**
 * The CASL conditions a grant gives a role held for a region: its scope plus any extra condition;
 * several alternatives (one rule each) when the extra condition depends on delegations.
 */
export function conditionsOf(
  grant: Grant,
  regionCode: string,
  actor: Actor,
): { conditions: Record<string, unknown>; fromDelegations: string[] }[] {
  const field = SUBJECT_SCOPE_FIELDS[grant.subject][grant.scope];
  if (!field) throw new Error(`Policy error: ${grant.subject} cannot be limited by ${grant.scope} scope`);
  // Every condition names the holder's district, so each one is also a tenant filter (D§1): a row of
  // another district is out of reach whatever else the grant says. A province-scope grant names the
  // holder's province instead: the province tier belongs to no district, and its grants reach only
  // subjects that carry a province code (the register of places and the province's own proposals).
  const conditions: Record<string, unknown> =
    grant.scope === 'province'
      ? { [field]: scopeValueOrThrow(grant.scope, grant.role, regionCode, actor) }
      : { districtCode: actor.districtCode, [field]: scopeValueOrThrow(grant.scope, grant.role, regionCode, actor) };
  for (const [key, value] of Object.entries(grant.when?.conditions ?? {})) {
    if (key !== '$delegated') conditions[key] = value === '$accountId' ? actor.accountId : value;
  }
  if (!grant.when?.conditions.$delegated) return [{ conditions, fromDelegations: [] }];
  // Alternatives that contradict the scope (another township's delegation for a township role) never match.
  const alternatives = delegatedAlternatives(actor).filter((alternative) =>
    Object.entries(alternative).every(([key, value]) => !(key in conditions) || conditions[key] === value),
  );
  return (alternatives.length ? alternatives : [NO_DELEGATION]).map((alternative) => ({
    conditions: { ...conditions, ...alternative },
    fromDelegations: Object.keys(alternative).filter((key) => !(key in conditions)),
  }));
}

/** The policy rules of an actor, grants before denials so that a denial always wins. */
export function rulesFor(actor: Actor): PolicyRule[] {
  const rules: PolicyRule[] = [];
  for (const { role, regionCode } of actor.roles) {
    const grants = GRANTS_BY_ROLE.get(role);
    if (!grants) throw new Error(`Unknown role "${role}": it has no row in the policy table`);
    for (const grant of grants) {
      for (const { conditions, fromDelegations } of conditionsOf(grant, regionCode, actor)) {
        rules.push({
          action: grant.action,
          subject: grant.subject,
          fields: grant.fields ? [...grant.fields] : undefined,
          conditions,
          inverted: grant.inverted,
          // CASL's own reason (its ForbiddenError message); callers are refused in their language below.
          reason: grant.reason.en,
          grant,
          heldFor: regionCode,
          fromDelegations,
        });
      }
    }
  }
  return rules.sort((a, b) => Number(Boolean(a.inverted)) - Number(Boolean(b.inverted)));
}

/**
 * The only place an ability is built. An actor without roles (anonymous) gets none: everything
 * not explicitly public is refused.
 */
export function defineAbilityFor(actor: Actor | null): AppAbility {
  return createMongoAbility<AppAbility>(actor ? rulesFor(actor) : []);
}

const conditionFieldsKept = new WeakMap<AppAbility, Map<string, readonly string[]>>();

/**
 * The properties the ability's rules for `action` on `subjectType` test a row by (any field's rule):
 * a row read with fewer columns than its entity has must hold these for `ability.can` to decide on
 * it. The policy's conditions are equalities on named properties (D§1). Kept per ability.
 */
export function conditionFields(ability: AppAbility, action: Action, subjectType: SubjectName): readonly string[] {
  let kept = conditionFieldsKept.get(ability);
  if (!kept) {
    kept = new Map();
    conditionFieldsKept.set(ability, kept);
  }
  const key = `${action}\0${subjectType}`;
  let fields = kept.get(key);
  if (!fields) {
    const names = new Set<string>();
    for (const rule of ability.possibleRulesFor(action, subjectType))
      for (const name of Object.keys(rule.conditions ?? {})) names.add(name.split('.')[0]);
    fields = [...names];
    kept.set(key, fields);
  }
  return fields;
}

/** Tags a plain row with its subject type for `ability.can`. */
export function subjectOf<T extends object>(type: SubjectName, row: T): T {
  return asSubject(type, { ...row });
}

/** A refusal by a policy row: its reason, in both languages, citing its clause. */
const refusedBy = (grant: Grant): Message => ({ ...message('permission.denied.rule', { reason: grant.reason }), clause: grant.clause });

/**
 * Why the ability refuses: the reason of the denial that overrides (separation of duties), or of
 * the grants whose scope the row is outside, or deny-by-default when no grant exists at all.
 */
export function refusalReason(ability: AppAbility, action: Action, subject: SubjectName | object, field?: string): Message {
  const rule = ability.relevantRuleFor(action, subject, field);
  if (rule?.inverted) return refusedBy((rule.origin as PolicyRule).grant);
  const subjectType = typeof subject === 'string' ? subject : (detectSubjectType(subject) as SubjectName);
  const rules = ability.rulesFor(action, subjectType, field);
  const grants = rules.filter((r) => !r.inverted).map((r) => (r.origin as PolicyRule).grant);
  if (grants.length === 0) {
    // An explicit denial says more than "deny by default", e.g. the district never decides (P1).
    const denial = rules.find((r) => r.inverted);
    return denial ? refusedBy((denial.origin as PolicyRule).grant) : message('permission.denied.noGrant', { action, subject: subjectType });
  }
  // A grant's extra condition is part of its scope in words, e.g. "where a delegation is in force" (D§13).
  const scopes = new Map(
    grants.map((g) => [
      `${g.role}:${g.scope}:${g.when?.text.en ?? ''}`,
      {
        zh: `${g.role}（${SCOPE_WORDS[g.scope].zh}${g.when ? `，且${g.when.text.zh}` : ''}）`,
        en: `${g.role}: ${SCOPE_WORDS[g.scope].en}${g.when ? `, where ${g.when.text.en}` : ''}`,
      },
    ]),
  );
  return {
    ...message('permission.denied.outOfScope', { action, subject: subjectType, scopes: [...scopes.values()] }),
    clause: [...new Set(grants.map((g) => g.clause))].join(', '),
  };
}
