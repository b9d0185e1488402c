import { Arg, Args, Ctx, Field, FieldResolver, ID, InputType, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { Command, ReadQuery } from '../../graphql/guards';
import { tenantKeyOfOrThrow } from '../../graphql/node';
import { payloadType } from '../../graphql/payload';
import { CalendarDateScalar, DecimalScalar } from '../../graphql/scalars';
import { Connection, ConnectionType, PageArgs } from '../../graphql/connection';
import { Enrolment, ReviewClass } from '../enrolment/enrolment.entity';
import { ChangeReport, EnrolmentReview, ReviewOutcome } from './review.entity';

@InputType('RecordReviewOutcomeInput', { description: "The township's outcome of a periodic review (复核结果), D§9" })
class RecordReviewOutcomeInput {
  @Field(() => ID, { description: 'The enrolment reviewed (救助对象)' }) enrolmentId: string;
  @Field(() => ReviewOutcome, { description: 'Keep, raise, lower, gradual exit or end (复核结果)' }) outcome: ReviewOutcome;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'New monthly amount: required to raise or lower, optional for a gradual exit, not taken otherwise (月救助金额, 元)',
  })
  amount?: number;

  @Field({ description: 'Reasons; for an ending, the written reasons the recipient receives (理由)' }) reasons: string;

  @Field(() => String, {
    nullable: true,
    description: 'Economic-status verification the outcome rests on; required where income changed (核对报告编号)',
  })
  verificationReference?: string;
}

@InputType('ConcludeTerminationInput', { description: 'Ending a TEKUN support after its termination notice (公示期满终止供养), D§9' })
class ConcludeTerminationInput {
  @Field(() => ID, { description: 'The review that noticed the termination (终止供养复核记录)' }) reviewId: string;
}

@InputType('RecordChangeReportInput', { description: "A recipient's report of a change in the household (家庭变化情况报告), D§9" })
class RecordChangeReportInput {
  @Field(() => ID, { description: 'The enrolment concerned (救助对象)' }) enrolmentId: string;
  @Field(() => CalendarDateScalar, { description: 'Day the recipient reported (报告日期)' }) reportedOn: string;
  @Field({ description: 'What changed, as reported (变化情况)' }) content: string;
}

@InputType('ChangeReviewClassInput', { description: "The township's change of a recipient's review class (调整复核分类), D§9" })
class ChangeReviewClassInput {
  @Field(() => ID, { description: 'The enrolment (救助对象)' }) enrolmentId: string;
  @Field(() => ReviewClass, { description: 'The new class: A yearly, B every six months (新分类)' }) reviewClass: ReviewClass;
  @Field({ description: 'Why the class changes, e.g. the income became regular (调整理由)' }) reason: string;
}

const ChangeReviewClassPayload = payloadType<{ enrolment: Enrolment }>('ChangeReviewClass', 'The reclassified enrolment (调整分类结果)', {
  enrolment: { type: () => Enrolment, description: 'The enrolment with its new class and next review (调整后的救助对象)' },
});

const ReviewPayloadFields = {
  review: { type: () => EnrolmentReview, description: 'The review recorded (复核记录)' },
  enrolment: { type: () => Enrolment, description: 'The enrolment as the review left it (复核后的救助对象)' },
};
const RecordReviewOutcomePayload = payloadType<{ review: EnrolmentReview; enrolment: Enrolment }>(
  'RecordReviewOutcome',
  'The recorded review and the enrolment (复核结果)',
  ReviewPayloadFields,
);
const ConcludeTerminationPayload = payloadType<{ review: EnrolmentReview; enrolment: Enrolment }>(
  'ConcludeTermination',
  'The ended enrolment (终止供养结果)',
  ReviewPayloadFields,
);
const RecordChangeReportPayload = payloadType<{ changeReport: ChangeReport }>('RecordChangeReport', 'The recorded report (变化情况报告)', {
  changeReport: { type: () => ChangeReport, description: 'The report (变化情况报告)' },
});
const ReviewDueConnection = ConnectionType(Enrolment, { name: 'ReviewDue', items: 'enrolments due for review', zh: '应复核对象' });

@Resolver()
export class ReviewResolver {
  @ReadQuery(
    ReviewDueConnection,
    'EnrolmentReview',
    "Enrolments whose periodic review falls due (应复核对象), soonest first, with their review class, in the caller's scope; by default those due within the district's reviewDueWithinDays, overdue ones included (D§9).",
  )
  reviewsDue(
    @Ctx() ctx: RequestContext,
    @Args() page: PageArgs,
    @Arg('dueBy', () => CalendarDateScalar, { nullable: true, description: 'Due on or before this day (截止日期)' }) dueBy?: string,
    @Arg('villageCode', () => String, { nullable: true, description: 'Only this village (村代码)' }) villageCode?: string,
  ): Promise<Connection<Enrolment>> {
    return ctx.services.reviews.reviewsDue(ctx.caller, { dueBy, villageCode }, page);
  }

  @Command(
    RecordReviewOutcomePayload,
    'review',
    'Enrolment',
    'Record the outcome of a periodic review (记录复核结果): keep, raise, lower, gradual exit or end, from the next month; a TEKUN ending is noticed publicly first. TOWNSHIP_CASEWORKER, TOWNSHIP_HEAD; D§9.',
  )
  async recordReviewOutcome(@Ctx() ctx: RequestContext, @Arg('input') input: RecordReviewOutcomeInput) {
    const key = tenantKeyOfOrThrow(input.enrolmentId, 'Enrolment', 'enrolmentId');
    return ctx.services.reviews.recordOutcome(ctx.caller, key, input);
  }

  @Command(
    ConcludeTerminationPayload,
    'review',
    'Enrolment',
    'End a TEKUN support once its termination notice has run (公示期满终止供养), from the next month. TOWNSHIP_CASEWORKER, TOWNSHIP_HEAD; D§9.',
  )
  async concludeTermination(@Ctx() ctx: RequestContext, @Arg('input') input: ConcludeTerminationInput) {
    const key = tenantKeyOfOrThrow(input.reviewId, 'EnrolmentReview', 'reviewId');
    return ctx.services.reviews.concludeTermination(ctx.caller, key);
  }

  @Command(
    ChangeReviewClassPayload,
    'reclassify',
    'Enrolment',
    "Change a recipient's review class with a reason (调整复核分类): the next review moves to the new class's interval. TOWNSHIP_CASEWORKER, TOWNSHIP_HEAD; D§9.",
  )
  async changeReviewClass(@Ctx() ctx: RequestContext, @Arg('input') input: ChangeReviewClassInput) {
    const key = tenantKeyOfOrThrow(input.enrolmentId, 'Enrolment', 'enrolmentId');
    return { enrolment: await ctx.services.reviews.changeReviewClass(ctx.caller, key, input) };
  }

  @Command(
    RecordChangeReportPayload,
    'create',
    'ChangeReport',
    "Record a change a recipient reported (登记家庭变化情况); the enrolment's review falls due at once. VILLAGE_ASSISTANT, TOWNSHIP_CASEWORKER; D§9.",
  )
  async recordChangeReport(@Ctx() ctx: RequestContext, @Arg('input') input: RecordChangeReportInput) {
    const key = tenantKeyOfOrThrow(input.enrolmentId, 'Enrolment', 'enrolmentId');
    return { changeReport: await ctx.services.reviews.recordChangeReport(ctx.caller, key, input) };
  }
}

/** What dynamic management adds to an enrolment: its reviews and the changes its recipient reported (D§9). */
@Resolver(() => Enrolment)
export class EnrolmentReviewsResolver {
  @FieldResolver(() => [EnrolmentReview], { nullable: true, description: 'Periodic reviews recorded, oldest first (复核记录), D§9' })
  reviews(@Root() enrolment: Enrolment, @Ctx() ctx: RequestContext): Promise<EnrolmentReview[]> {
    return ctx.loaders.reviewsByEnrolmentKey.load(enrolment);
  }

  @FieldResolver(() => [ChangeReport], {
    nullable: true,
    description: 'Changes the recipient reported, oldest first (家庭变化情况报告), D§9',
  })
  changeReports(@Root() enrolment: Enrolment, @Ctx() ctx: RequestContext): Promise<ChangeReport[]> {
    return ctx.loaders.changeReportsByEnrolmentKey.load(enrolment);
  }
}
