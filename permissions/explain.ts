import { subject as asSubject } from '@casl/ability';
import { Actor, defineAbilityFor, PolicyRule } from './ability';
import { Action, Grant, POLICY, Scope, SubjectName } from './policy';
import { Role } from './roles';
import { SUBJECT_NAMES } from './subjects';

/** Words for a scope, as the matrix and explanations show it. */
export const SCOPE_WORDS: Record<Scope, string> = {
  village: 'own village',
  township: 'own township',
  district: 'own district',
  department: 'own department',
  self: 'own account',
};

export const ACTIONS: readonly Action[] = [
  'read', 'create', 'update', 'revoke', 'explain', 'submit', 'accept', 'investigate', 'assess', 'appraise', 'notice', 'vote',
  'review', 'decide', 'deliver', 'file', 'spotCheck', 'pay', 'confirm', 'verify', 'answer',
];

/** The grants of one role (or all), in table order. */
export function grantsOf(role?: Role): Grant[] {
  return POLICY.filter((grant) => !role || grant.role === role);
}

export type Access = 'none' | 'partial' | 'full';

/**
 * Directus-style effective access of a role to a subject for an action: `full` when a grant covers
 * every field within its scope, `partial` when grants are field- or condition-limited, `none`.
 */
export function effectiveAccess(role: Role, action: Action, subject: SubjectName): Access {
  const grants = POLICY.filter((g) => g.role === role && g.action === action && g.subject === subject);
  if (!grants.some((g) => !g.inverted)) return 'none';
  return grants.some((g) => !g.inverted && !g.fields && !g.when) && !grants.some((g) => g.inverted) ? 'full' : 'partial';
}

export interface Explanation {
  allowed: boolean;
  /** The policy row that decided, if one did: the granting row, or the denial that overrode. */
  deciding: Grant | null;
  /** Region the deciding role is held for. */
  heldFor: string | null;
  /** Why each grant of this action on this subject did not apply. */
  failedConditions: string[];
  message: string;
}

const show = (value: unknown) => (value === null || value === undefined ? 'empty' : JSON.stringify(value));

/** Why an actor may or may not do `action` on a row (or on the subject type when `row` is null). */
export function explain(actor: Actor, action: Action, subjectType: SubjectName, row: object | null, field?: string): Explanation {
  const ability = defineAbilityFor(actor);
  const target = row ? asSubject(subjectType, { ...row }) : subjectType;
  const allowed = ability.can(action, target as never, field);
  const relevant = ability.relevantRuleFor(action, target as never, field);
  const origin = relevant?.origin as PolicyRule | undefined;
  const failedConditions: string[] = [];
  if (!allowed && row) {
    for (const rule of ability.rulesFor(action, subjectType, field)) {
      const policyRule = rule.origin as PolicyRule;
      if (rule.inverted) continue;
      const who = `${policyRule.grant.role} held for ${policyRule.heldFor}`;
      for (const [key, expected] of Object.entries(rule.conditions ?? {})) {
        const actual = (row as Record<string, unknown>)[key];
        if (actual !== expected) failedConditions.push(`${who}: ${key} must be ${show(expected)} but is ${show(actual)}`);
      }
      if (field && rule.fields && !rule.fields.includes(field)) failedConditions.push(`${who}: field ${field} is not among the granted fields`);
    }
  }
  let message: string;
  if (allowed) message = `Allowed by ${origin!.grant.role} (${origin!.grant.clause}): ${origin!.grant.reason}`;
  else if (origin?.inverted) message = `Refused by ${origin.grant.role} (${origin.grant.clause}): ${origin.grant.reason}`;
  else if (ability.rulesFor(action, subjectType).some((r) => !r.inverted)) message = 'Refused: a grant exists for this action, but its conditions do not hold for this row.';
  else message = `Refused: no role of ${actor.username} is granted ${action} on ${subjectType} (deny by default).`;
  return { allowed, deciding: origin?.grant ?? null, heldFor: origin?.heldFor ?? null, failedConditions, message };
}

/** Subjects and actions in matrix order. */
export const MATRIX_SUBJECTS: readonly SubjectName[] = SUBJECT_NAMES;
