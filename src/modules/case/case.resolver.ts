import { Arg, Args, Ctx, Field, FieldResolver, ID, Info, InputType, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { connectionItemFields, objectFields } from '../../graphql/selection';
import { IsOptional, Length } from 'class-validator';
import type { RequestContext } from '../../graphql/context';
import { Command, Needs, ReadQuery } from '../../graphql/guards';
import { Connection, ConnectionType, PageArgs } from '../../graphql/connection';
import { Household } from '../household/household.entity';
import { tenantKeyOfOrThrow } from '../../graphql/node';
import { payloadType } from '../../graphql/payload';
import { Case, CaseEvent, CaseStatus, Channel, Programme } from './case.entity';
import { Delegation } from '../delegation/delegation.entity';
import { subject } from '@casl/ability';
import { isOverdue } from './deadlines';
import { actionsOf, nextStepsOf } from './workflow';
import { Appraisal, Delivery, IncomeAccounting, Investigation, Objection, SpotCheck } from './case-records.entity';
import { Account } from '../account/account.entity';
import { Role } from '../../../permissions/roles';
import type { Action, SubjectName } from '../../../permissions/policy';
import { PermissionAction, PermissionSubject } from '../policy/policy-enums';

@ObjectType('PendingStep', { description: 'A step that can happen next on a case (待办环节): who may take it and what it still waits for' })
class PendingStepView {
  @Field({ description: 'The mutation that takes the step (环节)' }) step: string;

  @Field(() => [PermissionAction], { description: 'The actions of the policy table that allow it (所需权限操作); whoCan answers why' })
  actions: Action[];

  @Field(() => PermissionSubject, { description: 'The subject those actions are on (权限对象类型)' }) subjectType: SubjectName;
  @Field(() => [Role], { description: 'Roles the policy table allows to take it here (可办理角色)' }) roles: Role[];
  @Field(() => [Account], { description: 'Accounts that may take it, among those the caller may see (可办理账号)' }) accounts: Account[];
  @Field(() => [String], { description: 'Every requirement not yet met (未满足条件); empty when it can be taken now' }) unmet: string[];

  @Field(() => Date, { nullable: true, description: 'Deadline (期限): of the current step, else of the whole procedure' })
  dueAt: Date | null;
}

@InputType({ description: 'Filters for the case list (案件筛选)' })
class CaseFilter {
  @Field(() => Programme, { nullable: true, description: 'Programme (救助类别)' }) programme?: Programme;
  @Field(() => [CaseStatus], { nullable: true, description: 'Any of these states (办理状态)' }) status?: CaseStatus[];
  @Field(() => String, { nullable: true, description: 'Village code (村代码)' }) villageCode?: string;
  @Field(() => String, { nullable: true, description: 'Township code (乡镇代码)' }) townshipCode?: string;
  @Field(() => Boolean, { nullable: true, description: 'Only kin-registered cases, or only others (近亲属备案)' }) kinRegistered?: boolean;
  @Field(() => Boolean, { nullable: true, description: 'Only cases past a deadline, or only others (超期)' }) overdue?: boolean;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'Only filed cases due for a district spot check (待抽查): kin-registered and complained-about ones always, others when a district draw (drawSpotCheckSample) sampled them; the draws count only for callers who may read them, so a township sees the always-checked ones only',
  })
  spotCheckDue?: boolean;

  @Field(() => String, { nullable: true, description: "Text in the applicant's or a member's name (姓名检索)" })
  @IsOptional()
  @Length(1, 50)
  search?: string;
}

@InputType({ description: 'An application for assistance (救助申请)' })
class SubmitApplicationInput {
  @Field(() => ID, { description: 'The applying household (申请家庭)' }) householdId: string;
  @Field(() => Programme, { description: 'Programme applied for (救助类别)' }) programme: Programme;
  @Field(() => Channel, { description: 'How it came in (申请渠道)' }) channel: Channel;
  @Field(() => String, { nullable: true, description: 'Note (备注)' }) @IsOptional() @Length(0, 2000) note?: string;

  @Field(() => String, { nullable: true, description: 'LINSHI: the cause of the need (救助事由), required for LINSHI' })
  @IsOptional()
  @Length(1, 200)
  cause?: string;

  @Field(() => String, {
    nullable: true,
    description:
      "LINSHI: the cause's category, a code from the district's list (救助事由类别, settings.linshiCauseCategories), required for LINSHI",
  })
  @IsOptional()
  @Length(1, 32)
  causeCategory?: string;

  @Field({ defaultValue: false, description: 'LINSHI: emergency path, paid first (急难型)' }) emergency: boolean;
  @Field({ defaultValue: false, description: 'Special case with the longer time limit (特殊情况)' }) special: boolean;

  @Field({
    defaultValue: false,
    description:
      'LINSHI: the same cause category again within the repeat window, claimed on new grounds (有新情况的重复申请): taken, but not decided or paid until the township records the grounds and a second account confirms them (recordNewGrounds, confirmNewGrounds), D§6',
  })
  newGrounds: boolean;
}

const CaseConnection = ConnectionType(Case, { name: 'Case', items: 'cases', zh: '案件' });

const SubmitApplicationPayload = payloadType<{ case: Case }>('SubmitApplication', 'The submitted application (已提交的申请)', {
  case: { type: () => Case, description: 'The new case (新案件)' },
});

@Resolver(() => Case)
export class CaseResolver {
  @Command(SubmitApplicationPayload, 'submit', 'Case', 'Submit an application for a household (提交申请), P4.1.')
  async submitApplication(@Ctx() ctx: RequestContext, @Arg('input') input: SubmitApplicationInput) {
    return { case: await ctx.services.cases.submit(ctx.caller, tenantKeyOfOrThrow(input.householdId, 'Household', 'householdId'), input) };
  }

  @ReadQuery(CaseConnection, 'Case', 'Cases the caller may see (案件列表), newest first, as a Relay connection.')
  cases(
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
    @Args() page: PageArgs,
    @Arg('filter', () => CaseFilter, { nullable: true }) filter?: CaseFilter,
  ): Promise<Connection<Case>> {
    return ctx.services.cases.page(ctx.caller, filter ?? {}, page, connectionItemFields(info));
  }

  @ReadQuery(CaseConnection, 'Case', "Cases past a deadline in the caller's scope (超期案件), newest first.")
  overdueCases(@Ctx() ctx: RequestContext, @Args() page: PageArgs): Promise<Connection<Case>> {
    return ctx.services.cases.page(ctx.caller, { overdue: true }, page);
  }

  @Query(() => CaseConnection, {
    nullable: true,
    description:
      'The historical check of D§13 (越权决定检查): decided cases whose decision lacked the authority of its date — a township decision (decisionAuthority DELEGATION) without a delegation in force for its township and programme that day, a district decision (DISTRICT) while one was, or no authority recorded — as the delegation records stood when it was made; newest decision first. DISTRICT_OFFICER, AUDITOR.',
  })
  @Needs('supervise', 'Case')
  decisionsWithoutAuthority(@Ctx() ctx: RequestContext, @Args() page: PageArgs): Promise<Connection<Case>> {
    return ctx.services.cases.decisionsWithoutAuthority(ctx.caller, page);
  }

  @ReadQuery(Case, 'Case', "One case by ID (案件详情); NOT_FOUND outside the caller's scope.", { name: 'case' })
  caseById(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string): Promise<Case> {
    return ctx.services.cases.findOrThrow(ctx.caller, tenantKeyOfOrThrow(id, 'Case'));
  }

  @FieldResolver(() => Household, { nullable: true, description: 'The applying household (申请家庭), if the caller may see it' })
  household(@Root() found: Case, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo): Promise<Household | null> {
    return ctx.loaders.householdsSelecting(objectFields(info)).load({ districtCode: found.districtCode, id: found.householdId });
  }

  @FieldResolver(() => Delegation, {
    nullable: true,
    description:
      'The delegation the decision was made under (决定依据的委托), if the caller may see it; null before a decision and when the district decided (decisionAuthority DISTRICT)',
  })
  async decidedUnder(@Root() found: Case, @Ctx() ctx: RequestContext): Promise<Delegation | null> {
    if (!found.decidedUnderId) return null;
    return ctx.loaders.delegationByKey.load({ districtCode: found.districtCode, id: found.decidedUnderId });
  }

  @FieldResolver(() => Boolean, { description: 'Past the step deadline or the total time limit (是否超期)' })
  overdue(@Root() found: Case): boolean {
    return isOverdue(found);
  }

  @FieldResolver(() => [String], { description: 'Steps that may follow now and that the caller may take (可办理的下一步)' })
  nextSteps(@Root() found: Case, @Ctx() ctx: RequestContext): string[] {
    return nextStepsOf(found)
      .filter((t) => actionsOf(t).some((action) => ctx.caller.ability.can(action, subject('Case', found))))
      .map((t) => t.step);
  }

  @FieldResolver(() => [Investigation], { description: 'Household investigations (入户调查)' })
  investigations(@Root() found: Case, @Ctx() ctx: RequestContext) {
    return ctx.loaders.investigationsByCaseKey.load(found);
  }

  @FieldResolver(() => [IncomeAccounting], { description: 'Income accountings (收入核算), oldest first' })
  incomeAccountings(@Root() found: Case, @Ctx() ctx: RequestContext) {
    return ctx.loaders.incomeAccountingsByCaseKey.load(found);
  }

  @FieldResolver(() => IncomeAccounting, {
    nullable: true,
    description:
      'The authoritative income accounting (采纳的收入核算) the amount follows: the one the township recorded or adopted, D§8; null until there is one',
  })
  async incomeAccounting(@Root() found: Case, @Ctx() ctx: RequestContext): Promise<IncomeAccounting | null> {
    if (!found.incomeAccountingId) return null;
    const accountings = await ctx.loaders.incomeAccountingsByCaseKey.load(found);
    return accountings.find((a) => a.id === found.incomeAccountingId) ?? null;
  }

  @FieldResolver(() => [Appraisal], { description: 'Democratic appraisals (民主评议)' })
  appraisals(@Root() found: Case, @Ctx() ctx: RequestContext) {
    return ctx.loaders.appraisalsByCaseKey.load(found);
  }

  @FieldResolver(() => [Objection], { description: 'Objections to its notice (公示异议)' })
  objections(@Root() found: Case, @Ctx() ctx: RequestContext) {
    return ctx.loaders.objectionsByCaseKey.load(found);
  }

  @FieldResolver(() => [Delivery], { description: 'Deliveries of written decisions (送达记录)' })
  deliveries(@Root() found: Case, @Ctx() ctx: RequestContext) {
    return ctx.loaders.deliveriesByCaseKey.load(found);
  }

  @FieldResolver(() => [SpotCheck], { description: 'District spot checks with their findings (监督抽查)' })
  spotChecks(@Root() found: Case, @Ctx() ctx: RequestContext) {
    return ctx.loaders.spotChecksByCaseKey.load(found);
  }

  @FieldResolver(() => [CaseEvent], { description: 'History (办理记录), oldest first' })
  events(@Root() found: Case, @Ctx() ctx: RequestContext): Promise<CaseEvent[]> {
    return ctx.loaders.eventsByCaseKey.load({ districtCode: found.districtCode, id: found.id });
  }

  @FieldResolver(() => Account, { nullable: true, description: 'Who approved or refused it (决定人), if the caller may see the account' })
  decidedBy(@Root() found: Case, @Ctx() ctx: RequestContext): Promise<Account | null> {
    return found.decidedById ? ctx.loaders.accountById.load(found.decidedById) : Promise.resolve(null);
  }

  @FieldResolver(() => Case, {
    nullable: true,
    description:
      'LINSHI: the earlier grant for the same cause category within the window that this case repeats (重复申请所涉前案), D§6; null when none or not visible',
  })
  repeatOf(@Root() found: Case, @Ctx() ctx: RequestContext): Promise<Case | null> {
    return found.repeatOfId
      ? ctx.loaders.caseByKey.load({ districtCode: found.districtCode, id: found.repeatOfId })
      : Promise.resolve(null);
  }

  @FieldResolver(() => Account, {
    nullable: true,
    description: 'Who recorded the new grounds (新情况登记人), D§6, if the caller may see the account',
  })
  newGroundsRecordedBy(@Root() found: Case, @Ctx() ctx: RequestContext): Promise<Account | null> {
    return found.newGroundsRecordedById ? ctx.loaders.accountById.load(found.newGroundsRecordedById) : Promise.resolve(null);
  }

  @FieldResolver(() => Account, {
    nullable: true,
    description: 'Who confirmed the new grounds (新情况确认人), D§6, if the caller may see the account',
  })
  newGroundsConfirmedBy(@Root() found: Case, @Ctx() ctx: RequestContext): Promise<Account | null> {
    return found.newGroundsConfirmedById ? ctx.loaders.accountById.load(found.newGroundsConfirmedById) : Promise.resolve(null);
  }

  @FieldResolver(() => [PendingStepView], {
    description: 'What happens next, for everyone (待办环节): each step that can follow, who may take it, what it waits for',
  })
  async pendingSteps(@Root() found: Case, @Ctx() ctx: RequestContext): Promise<PendingStepView[]> {
    return ctx.services.workflow.pendingSteps(ctx.caller, found, await ctx.loaders.visibleAccountsByDistrict.load(found.districtCode));
  }
}
