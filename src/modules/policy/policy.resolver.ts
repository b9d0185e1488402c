import { Arg, Ctx, Field, ID, ObjectType, Query, Resolver } from 'type-graphql';
import type { Action, Grant, SubjectName } from '../../../permissions/policy';
import { SCOPE_WORDS } from '../../../permissions/policy';
import { defineEnum, EnumValue } from '../../graphql/define-enum';
import { Role } from '../../../permissions/roles';
import { explain, grantsOf } from '../../../permissions/explain';
import { actorOf } from '../account/account.service';
import { Account } from '../account/account.entity';
import { assertCan } from '../../auth/authorize';
import type { RequestContext } from '../../graphql/context';
import { Needs, ReadQuery } from '../../graphql/guards';
import { fromGlobalIdOrThrow, keyOfOrThrow } from '../../graphql/node';
import { fetchNode } from '../../graphql/node-fetchers';
import { badInput, forbidden, notFound } from '../../errors';
import { currentLanguage } from '../../i18n/language';
import { message, render } from '../../i18n/message';
import { subject as asSubject } from '@casl/ability';
import { Actor, defineAbilityFor } from '../../../permissions/ability';
import type { Caller } from '../../auth/caller';
import { describeViolation } from '../../../permissions/invariant-check';
import { invariantReport } from './policy-invariants';
import { PermissionAction, PermissionSubject } from './policy-enums';
import { CLAUSE_TEXTS } from '../../../permissions/clauses';

const PermissionEffect = defineEnum('PermissionEffect', 'What a policy row does (规则效果)', {
  ALLOW: 'Grants the action (允许)',
  DENY: 'A separation-of-duty denial that overrides grants (禁止)',
});
type PermissionEffect = EnumValue<typeof PermissionEffect>;
@ObjectType('PermissionGrant', { description: 'One row of the policy table (权限规则), with the plan clause it implements.' })
class PermissionGrant {
  @Field(() => Role, { description: 'Role (角色)' }) role: Role;
  @Field(() => PermissionAction, { description: 'Action (操作)' }) action: Action;
  @Field(() => PermissionSubject, { description: 'Subject (对象)' }) subject: SubjectName;
  @Field({ description: 'Scope in words (范围), in the request\'s language, e.g. "本村（社区）" or "own village"' }) scope: string;
  @Field(() => [String], { nullable: true, description: 'Fields covered (字段); null means all fields' }) fields: string[] | null;

  @Field(() => String, { nullable: true, description: "Extra condition in words (附加条件), in the request's language" })
  condition: string | null;

  @Field(() => PermissionEffect, { description: 'Allow, or a denial that overrides grants (效果)' }) effect: PermissionEffect;
  @Field({ description: 'Plan clause or DOMAIN section implemented (依据条款), e.g. P4.1' }) clause: string;

  @Field(() => String, { nullable: true, description: "The clause's heading (条款标题), in the request's language" })
  clauseTitle: string | null;

  @Field(() => String, { nullable: true, description: "The clause's text (条款内容), in the request's language, as the plan states it" })
  clauseText: string | null;

  @Field({ description: "Reason (理由), in the request's language (Accept-Language); also the message a refused caller sees" })
  reason: string;
}

@ObjectType('PermissionExplanation', { description: 'Why an account may or may not do something (权限说明).' })
class PermissionExplanation {
  @Field({ description: 'Whether it is allowed (是否允许)' }) allowed: boolean;
  @Field({ description: 'Account explained (账号)' }) username: string;
  @Field(() => PermissionAction, { description: 'Action (操作)' }) action: Action;
  @Field(() => PermissionSubject, { description: 'Subject type (对象类型)' }) subjectType: SubjectName;
  @Field(() => ID, { nullable: true, description: 'Subject (对象标识); null for a question about the type' }) subjectId: string | null;
  @Field(() => String, { nullable: true, description: 'Field asked about (字段)' }) field: string | null;

  @Field(() => PermissionGrant, {
    nullable: true,
    description: 'The policy row that decided (决定规则); null when none applied (deny by default)',
  })
  decidingGrant: PermissionGrant | null;

  @Field(() => String, { nullable: true, description: 'Region the deciding role is held for (授权区划代码)' }) heldFor: string | null;

  @Field(() => [String], {
    description: "For a refusal: which condition of each grant did not hold (未满足条件), in the request's language",
  })
  failedConditions: string[];

  @Field({ description: "The answer in one sentence (说明), in the request's language" }) message: string;
}

@ObjectType('WhoCanEntry', { description: 'An account allowed to do something, and the rule that allows it (有权账号).' })
class WhoCanEntry {
  @Field(() => Account, { description: 'Account (账号)' }) account: Account;
  @Field(() => PermissionGrant, { description: 'The granting rule (授权规则)' }) grant: PermissionGrant;
  @Field({ description: 'Region the role is held for (授权区划代码)' }) heldFor: string;
}

const InvariantStatus = defineEnum('InvariantStatus', 'Whether a policy invariant holds on the table (不变式状态)', {
  HOLDS: 'Holds for every combination of roles (成立)',
  VIOLATED: 'A combination of roles breaks it (被违反)',
  SUBJECT_NOT_IN_TABLE: 'The subject it speaks of is not in the policy table yet, so there is nothing to check (对象尚未加入权限表)',
});
type InvariantStatus = EnumValue<typeof InvariantStatus>;

@ObjectType('PolicyInvariant', {
  description: 'A separation-of-duty property of the whole policy table, checked over every combination of roles (权限不变式).',
})
class PolicyInvariant {
  // Not `id`: a type with an `id` is a refetchable Node, and an invariant is a line of code, not a record.
  @Field(() => String, { description: 'Stable identifier of the invariant (编号), e.g. duties.decideAndPay' }) invariantId: string;
  @Field({ description: 'Plan clauses and DOMAIN sections it protects (依据条款), e.g. D§6, D§10' }) clause: string;

  @Field({ description: "The invariant in one sentence (表述), in the request's language: Chinese unless English is asked for" })
  text: string;

  @Field(() => InvariantStatus, { description: 'Whether it holds on the table (状态)' }) status: InvariantStatus;

  @Field(() => [String], {
    description:
      'For a violation: the smallest combination of roles that breaks it, each as ROLE@regionCode (最小角色组合); empty otherwise',
  })
  combination: string[];

  @Field(() => [PermissionGrant], { description: 'For a violation: the rows of the table that produce it (相关规则); empty otherwise' })
  rows: PermissionGrant[];

  @Field(() => String, {
    nullable: true,
    description: "The violation in words (违反情况): smallest combination, situation, acts and rows, in the request's language",
  })
  violation: string | null;

  @Field(() => String, { nullable: true, description: "Why there is nothing to check yet (说明), in the request's language" })
  note: string | null;
}

function view(grant: Grant): PermissionGrant {
  const language = currentLanguage();
  return {
    role: grant.role,
    action: grant.action,
    subject: grant.subject,
    scope: SCOPE_WORDS[grant.scope][language],
    fields: grant.fields ? [...grant.fields] : null,
    condition: grant.when?.text[language] ?? null,
    effect: grant.inverted ? PermissionEffect.DENY : PermissionEffect.ALLOW,
    clause: grant.clause,
    clauseTitle: CLAUSE_TEXTS[grant.clause]?.title[language] ?? null,
    clauseText: CLAUSE_TEXTS[grant.clause]?.text[language] ?? null,
    reason: grant.reason[language],
  };
}

/** Loads the subject row through the caller's own read scope: what the caller cannot see, it cannot
 * ask about either (NOT_FOUND, no hint). */
async function subjectRowOrThrow(ctx: RequestContext, subjectType: SubjectName, subjectId: string): Promise<object> {
  const { type, key } = fromGlobalIdOrThrow(subjectId);
  if (type !== subjectType) throw badInput('subjectId', 'id.wrongType', { id: subjectId, actual: type, expected: subjectType });
  const row = await fetchNode(ctx, type, key);
  if (!row) throw notFound('node.notFound', { type: subjectType });
  return row;
}

type Row = Record<string, unknown>;

/**
 * Where the value a condition tests can be read, for the properties that are not fields of the row
 * itself: who declared kin on a case is in that account's kin declarations, who investigated it in
 * its records, whether a household is paid in its enrolments.
 */
const CONDITION_SOURCES: Record<string, (row: Row, explained: Actor) => [SubjectName, Row]> = {
  kinStaffIds: (row, explained) => ['KinDeclaration', { districtCode: row.districtCode, accountId: explained.accountId }],
  investigatorIds: (row) => [
    'CaseRecord',
    { districtCode: row.districtCode, townshipCode: row.townshipCode, villageCode: row.villageCode },
  ],
  activeEnrolment: (row) => ['Enrolment', { ...row, programme: 'DIBAO' }],
  activeDibaoEnrolment: (row) => ['Enrolment', { ...row, programme: 'DIBAO' }],
};

/**
 * Refuses an explanation that would tell the caller a value it may not read (issue #9: no path
 * around the table): every property that the explained account's rules test on the row must be
 * readable by the caller, on the row itself or where the value comes from. An auditor cannot learn
 * through `whoCan` who declared kin on a case; the district officer, who reads kin declarations, can.
 */
function assertConditionsReadable(caller: Caller, explained: Actor, action: Action, subjectType: SubjectName, row: object | null): void {
  if (!row) return;
  const hidden = new Set<string>();
  for (const rule of defineAbilityFor(explained).rulesFor(action, subjectType)) {
    for (const property of Object.keys(rule.conditions ?? {})) {
      const source = CONDITION_SOURCES[property];
      const [type, target, field] = source ? [...source(row as Row, explained), undefined] : [subjectType, row, property];
      if (caller.ability.cannot('read', asSubject(type, { ...target }), field)) hidden.add(property);
    }
  }
  if (hidden.size > 0) throw forbidden(message('permission.explain.hiddenColumns', { columns: [...hidden].join(', ') }));
}

@Resolver()
export class PolicyResolver {
  @Query(() => [PolicyInvariant], {
    nullable: true,
    description:
      'The policy invariants (权限不变式) and whether the table keeps them, with the smallest combination of roles and the rows behind any violation. For DISTRICT_OFFICER, AUDITOR, ADMIN: those who may explain any account of their district.',
  })
  @Needs('explain', 'Account')
  policyInvariants(@Ctx() ctx: RequestContext): PolicyInvariant[] {
    // Everyone may explain their own account; the invariants are for those who may explain any of the district's (P4.3, P4.4, D§2).
    const anyAccountOfDistrict = { id: '', districtCode: ctx.caller.actor!.districtCode, townshipCode: null, villageCode: null };
    assertCan(ctx.caller, 'explain', 'Account', anyAccountOfDistrict);
    const language = currentLanguage();
    const report = invariantReport();
    return report.results.map(({ invariant, outcome }) => {
      const violation = outcome.status === 'VIOLATED' ? outcome.violation : null;
      return {
        invariantId: invariant.id,
        clause: invariant.clause,
        text: invariant.text[language],
        status: outcome.status,
        combination: violation?.combination.map((h) => `${h.role}@${h.regionCode}`) ?? [],
        rows: violation
          ? [...new Set([...violation.acts.map((a) => a.allowedBy), ...(violation.rows ?? []).map((r) => r.grant)])].map(view)
          : [],
        violation: violation && describeViolation(violation, report.grants, language).join('\n'),
        note: outcome.status === 'SUBJECT_NOT_IN_TABLE' ? outcome.note[language] : null,
      };
    });
  }

  @ReadQuery([PermissionGrant], 'Policy', 'The policy table (权限矩阵): every grant of a role, or of all roles, with clause and reason.')
  permissionMatrix(@Arg('role', () => Role, { nullable: true }) role?: Role): PermissionGrant[] {
    return grantsOf(role ?? undefined).map(view);
  }

  @Query(() => PermissionExplanation, {
    nullable: true,
    description:
      'Explain one decision (权限说明): allowed or not, the deciding rule, and which condition failed. Yourself, or — for DISTRICT_OFFICER, AUDITOR, ADMIN — any account of your district.',
  })
  @Needs('explain', 'Account')
  async explainPermission(
    @Ctx() ctx: RequestContext,
    @Arg('action', () => PermissionAction) action: Action,
    @Arg('subjectType', () => PermissionSubject) subjectType: SubjectName,
    @Arg('subjectId', () => ID, { nullable: true }) subjectId?: string,
    @Arg('field', () => String, { nullable: true }) field?: string,
    @Arg('accountId', () => ID, { nullable: true, description: 'Account to explain for; default yourself' }) accountId?: string,
  ): Promise<PermissionExplanation> {
    const account = accountId
      ? await ctx.services.accounts.findByIdOrThrow(ctx.caller, keyOfOrThrow(accountId, 'Account'))
      : await ctx.services.accounts.me(ctx.caller);
    assertCan(ctx.caller, 'explain', 'Account', account);
    const row = subjectId ? await subjectRowOrThrow(ctx, subjectType, subjectId) : null;
    const explained = actorOf(account, ctx.caller.actor!.delegations);
    assertConditionsReadable(ctx.caller, explained, action, subjectType, row);
    const answer = explain(explained, action, subjectType, row, field ?? undefined);
    return {
      allowed: answer.allowed,
      username: account.username,
      action,
      subjectType,
      subjectId: subjectId ?? null,
      field: field ?? null,
      decidingGrant: answer.deciding && view(answer.deciding),
      heldFor: answer.heldFor,
      failedConditions: answer.failedConditions.map((failed) => render(failed, currentLanguage())),
      message: render(answer.message, currentLanguage()),
    };
  }

  @Query(() => [WhoCanEntry], {
    nullable: true,
    description:
      'Who may do it (谁有权限): the accounts of your district allowed the action, each with its granting rule. Lists only accounts you may explain.',
  })
  @Needs('explain', 'Account')
  async whoCan(
    @Ctx() ctx: RequestContext,
    @Arg('action', () => PermissionAction) action: Action,
    @Arg('subjectType', () => PermissionSubject) subjectType: SubjectName,
    @Arg('subjectId', () => ID, { nullable: true }) subjectId?: string,
  ): Promise<WhoCanEntry[]> {
    const row = subjectId ? await subjectRowOrThrow(ctx, subjectType, subjectId) : null;
    const accounts = await ctx.services.accounts.list(ctx.caller, { regionCode: ctx.caller.actor!.districtCode });
    const entries: WhoCanEntry[] = [];
    for (const account of accounts) {
      if (!account.active || ctx.caller.ability.cannot('explain', account)) continue;
      const explained = actorOf(account, ctx.caller.actor!.delegations);
      assertConditionsReadable(ctx.caller, explained, action, subjectType, row);
      const answer = explain(explained, action, subjectType, row);
      if (answer.allowed) entries.push({ account, grant: view(answer.deciding!), heldFor: answer.heldFor! });
    }
    return entries;
  }
}
