import { createMongoAbility, subject as asSubject } from '@casl/ability';
import { Actor, defineAbilityFor, PolicyRule } from './ability';
import { Localized, PolicyMessage as Message, policyMessage as message } from './vocabulary';
import { Action, Grant, POLICY, SubjectName } from './policy';
import { Role } from './roles';
import { SUBJECT_NAMES } from './subjects';

export const ACTIONS: readonly Action[] = [
  'read',
  'create',
  'update',
  'revoke',
  'explain',
  'submit',
  'accept',
  'investigate',
  'assess',
  'adopt',
  'appraise',
  'notice',
  'vote',
  'review',
  'reclassify',
  'decide',
  'deliver',
  'file',
  'spotCheck',
  'supervise',
  'pay',
  'confirm',
  'verify',
  'answer',
  'assign',
  'share',
  'viewAs',
  'reject',
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
  failedConditions: Message[];
  message: Message;
}

const show = (value: unknown): string | Localized =>
  value === null || value === undefined ? { zh: '空', en: 'empty' } : JSON.stringify(value);

/** Why an actor may or may not do `action` on a row (or on the subject type when `row` is null). */
export function explain(actor: Actor, action: Action, subjectType: SubjectName, row: object | null, field?: string): Explanation {
  const ability = defineAbilityFor(actor);
  const target = row ? asSubject(subjectType, { ...row }) : subjectType;
  const allowed = ability.can(action, target, field);
  const relevant = ability.relevantRuleFor(action, target, field);
  const origin = relevant?.origin as PolicyRule | undefined;
  const failedConditions: Message[] = [];
  if (!allowed && row) {
    for (const rule of ability.rulesFor(action, subjectType, field)) {
      const policyRule = rule.origin as PolicyRule;
      if (rule.inverted) continue;
      const who = { role: policyRule.grant.role, heldFor: policyRule.heldFor };
      const fromDelegations: Record<string, unknown> = {};
      for (const [key, expected] of Object.entries(rule.conditions ?? {})) {
        // Conditions resolved from delegation records are named by the grant's words for them, not one by one.
        if (policyRule.fromDelegations.includes(key)) {
          fromDelegations[key] = expected;
          continue;
        }
        const actual = (row as Record<string, unknown>)[key];
        if (actual !== expected) {
          failedConditions.push(
            message('permission.explain.conditionFailed', { ...who, property: key, expected: show(expected), actual: show(actual) }),
          );
        }
      }
      const delegated = Object.keys(fromDelegations).length
        ? createMongoAbility([{ action, subject: subjectType, conditions: fromDelegations }]).can(
            action,
            asSubject(subjectType, { ...row }) as never,
          )
        : true;
      if (!delegated) failedConditions.push(message('permission.explain.whenFailed', { ...who, condition: policyRule.grant.when!.text }));
      if (field && rule.fields && !rule.fields.includes(field))
        failedConditions.push(message('permission.explain.fieldNotGranted', { ...who, field }));
    }
  }
  let explanation: Message;
  if (allowed)
    explanation = {
      ...message('permission.explain.allowed', { role: origin!.grant.role, reason: origin!.grant.reason }),
      clause: origin!.grant.clause,
    };
  else if (origin?.inverted)
    explanation = {
      ...message('permission.explain.refused', { role: origin.grant.role, reason: origin.grant.reason }),
      clause: origin.grant.clause,
    };
  else if (ability.rulesFor(action, subjectType).some((r) => !r.inverted)) explanation = message('permission.explain.conditionsFail');
  else explanation = message('permission.explain.noGrant', { username: actor.username, action, subject: subjectType });
  return { allowed, deciding: origin?.grant ?? null, heldFor: origin?.heldFor ?? null, failedConditions, message: explanation };
}

/** Subjects and actions in matrix order. */
export const MATRIX_SUBJECTS: readonly SubjectName[] = SUBJECT_NAMES;
