import { Arg, Args, Ctx, Field, FieldResolver, ID, InputType, Int, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { Command, ReadQuery } from '../../graphql/guards';
import { tenantKeyOfOrThrow } from '../../graphql/node';
import { payloadType } from '../../graphql/payload';
import { CalendarDateScalar } from '../../graphql/scalars';
import { Connection, ConnectionType, PageArgs } from '../../graphql/connection';
import { TownshipMonthFigures } from '../statistics/statistics.types';
import { WorkPlan, WorkPlanKind, WorkPlanStatus } from './work-plan.entity';

@InputType('DraftWorkPlanInput', {
  description: 'A work plan, progress report or year-end evaluation drafted by the township (起草报备文件), P5',
})
class DraftWorkPlanInput {
  @Field({ description: 'Township the document is of (乡镇代码)' }) townshipCode: string;
  @Field(() => WorkPlanKind, { description: 'Kind of document (文件类别)' }) kind: WorkPlanKind;
  @Field(() => Int, { description: 'Year the document is for (年度)' }) year: number;
  @Field({ description: 'Title (标题)' }) title: string;
  @Field({ description: 'Text (正文)' }) body: string;
  @Field(() => CalendarDateScalar, { description: 'Date of the document (成文日期)' }) documentDate: string;
}

@InputType('ReviseWorkPlanInput', {
  description: 'New text for a draft or a returned document (修改报备文件); fields left out stay as they are',
})
class ReviseWorkPlanInput {
  @Field(() => ID, { description: 'The document (文件)' }) workPlanId: string;
  @Field(() => String, { nullable: true, description: 'Title (标题)' }) title?: string;
  @Field(() => String, { nullable: true, description: 'Text (正文)' }) body?: string;
  @Field(() => CalendarDateScalar, { nullable: true, description: 'Date of the document (成文日期)' }) documentDate?: string;
}

@InputType('FileWorkPlanInput', { description: 'Filing a document with the district bureau (报备), P5' })
class FileWorkPlanInput {
  @Field(() => ID, { description: 'The document (文件)' }) workPlanId: string;
}

@InputType('AcceptWorkPlanInput', { description: "The district's acceptance of a filed document (接收报备文件), P5.1" })
class AcceptWorkPlanInput {
  @Field(() => ID, { description: 'The document (文件)' }) workPlanId: string;
}

@InputType('ReturnWorkPlanInput', { description: 'A filed document returned by the district with reasons (退回报备文件), P5.1' })
class ReturnWorkPlanInput {
  @Field(() => ID, { description: 'The document (文件)' }) workPlanId: string;
  @Field({ description: 'What the township must change (退回理由)' }) reasons: string;
}

const payload = (name: string, description: string) =>
  payloadType<{ workPlan: WorkPlan }>(name, description, {
    workPlan: { type: () => WorkPlan, description: 'The document as the step left it (文件)' },
  });
const DraftWorkPlanPayload = payload('DraftWorkPlan', 'The drafted document (草拟的文件)');
const ReviseWorkPlanPayload = payload('ReviseWorkPlan', 'The revised document (修改后的文件)');
const FileWorkPlanPayload = payload('FileWorkPlan', 'The filed document (已报备的文件)');
const AcceptWorkPlanPayload = payload('AcceptWorkPlan', 'The accepted document (已接收的文件)');
const ReturnWorkPlanPayload = payload('ReturnWorkPlan', 'The returned document (已退回的文件)');
const WorkPlanConnection = ConnectionType(WorkPlan, {
  name: 'WorkPlan',
  items: 'work plans, progress reports and evaluations',
  zh: '报备文件',
});

const keyOf = (id: string) => tenantKeyOfOrThrow(id, 'WorkPlan', 'workPlanId');

@Resolver(() => WorkPlan)
export class WorkPlanResolver {
  @Command(
    DraftWorkPlanPayload,
    'create',
    'WorkPlan',
    'Draft a work plan, progress report or year-end evaluation (起草报备文件); TOWNSHIP_HEAD, P5.1–P5.3.',
  )
  async draftWorkPlan(@Ctx() ctx: RequestContext, @Arg('input') input: DraftWorkPlanInput) {
    return { workPlan: await ctx.services.workPlans.draft(ctx.caller, input) };
  }

  @Command(ReviseWorkPlanPayload, 'update', 'WorkPlan', 'Revise a draft or a returned document (修改报备文件); TOWNSHIP_HEAD, P5.1.')
  async reviseWorkPlan(@Ctx() ctx: RequestContext, @Arg('input') input: ReviseWorkPlanInput) {
    const { workPlanId, ...changes } = input;
    return { workPlan: await ctx.services.workPlans.revise(ctx.caller, keyOf(workPlanId), changes) };
  }

  @Command(
    FileWorkPlanPayload,
    'file',
    'WorkPlan',
    'File a draft or a returned document with the district bureau (报备); TOWNSHIP_HEAD, P5.1–P5.3.',
  )
  async fileWorkPlan(@Ctx() ctx: RequestContext, @Arg('input') input: FileWorkPlanInput) {
    return { workPlan: await ctx.services.workPlans.file(ctx.caller, keyOf(input.workPlanId)) };
  }

  @Command(AcceptWorkPlanPayload, 'review', 'WorkPlan', 'Accept a filed document (接收报备文件); DISTRICT_OFFICER, P5.1.')
  async acceptWorkPlan(@Ctx() ctx: RequestContext, @Arg('input') input: AcceptWorkPlanInput) {
    return { workPlan: await ctx.services.workPlans.accept(ctx.caller, keyOf(input.workPlanId)) };
  }

  @Command(ReturnWorkPlanPayload, 'review', 'WorkPlan', 'Return a filed document with reasons (退回报备文件); DISTRICT_OFFICER, P5.1.')
  async returnWorkPlan(@Ctx() ctx: RequestContext, @Arg('input') input: ReturnWorkPlanInput) {
    return { workPlan: await ctx.services.workPlans.returnFiled(ctx.caller, keyOf(input.workPlanId), input.reasons) };
  }

  @ReadQuery(
    WorkPlanConnection,
    'WorkPlan',
    "Work plans, progress reports and year-end evaluations the caller may see, newest first (报备文件): a township's own, every township's for the district.",
  )
  workPlans(
    @Ctx() ctx: RequestContext,
    @Args() page: PageArgs,
    @Arg('townshipCode', () => String, { nullable: true, description: 'Only this township (乡镇代码)' }) townshipCode?: string,
    @Arg('kind', () => WorkPlanKind, { nullable: true, description: 'Only this kind (文件类别)' }) kind?: WorkPlanKind,
    @Arg('year', () => Int, { nullable: true, description: 'Only this year (年度)' }) year?: number,
    @Arg('status', () => WorkPlanStatus, { nullable: true, description: 'Only in this state (报备状态)' }) status?: WorkPlanStatus,
  ): Promise<Connection<WorkPlan>> {
    return ctx.services.workPlans.list(ctx.caller, { townshipCode, kind, year, status }, page);
  }

  @FieldResolver(() => [TownshipMonthFigures], {
    nullable: true,
    description:
      "For a year-end evaluation, the township's figures for its year, month by month, as the caller may see them (年度统计数据), P5.3; null for other documents",
  })
  figures(@Ctx() ctx: RequestContext, @Root() plan: WorkPlan): Promise<TownshipMonthFigures[] | null> {
    return ctx.services.workPlans.figuresOf(ctx.caller, plan);
  }
}
