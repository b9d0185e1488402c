import { Arg, Ctx, Field, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { DecimalScalar } from '../../graphql/scalars';
import type { RequestContext } from '../../graphql/context';
import { Public } from '../../graphql/guards';
import { Node } from '../../graphql/node';
import { Programme } from '../case/case.entity';
import type { PublicNotice } from './public-notice.service';

@ObjectType('PublicNotice', {
  implements: Node,
  description: 'A public notice (公示): what anyone may see of a case during its notice period; its id is what a petition cites.',
})
export class PublicNoticeView implements Node {
  nodeId: string;
  @Field({ description: 'Applicant, masked (申请人, 如 张*三)' }) maskedName: string;
  @Field(() => Int, { description: 'Household size (家庭人口)' }) householdSize: number;
  @Field(() => Programme, { description: 'Programme (救助类别)' }) programme: Programme;
  @Field(() => DecimalScalar, { nullable: true, description: 'Amount (金额, 元)' }) amount: number | null;
  @Field({ description: 'Village code (村代码)' }) villageCode: string;
  @Field({ description: 'Village (村/社区)' }) villageName: string;
  @Field({ description: 'Notice starts (公示开始)' }) noticeStartsAt: Date;
  @Field({ description: 'Notice ends (公示结束)' }) noticeEndsAt: Date;
}

export const publicNoticeView = (notice: PublicNotice): PublicNoticeView => Object.assign(new PublicNoticeView(), notice);

@Resolver()
export class PublicNoticeResolver {
  @Query(() => [PublicNoticeView], {
    nullable: true,
    description: 'Current public notices (公示), readable without signing in (P2.2); optionally for one village.',
  })
  @Public('Public notices are how the public supervises the approval (P2.2, D§12).')
  async publicNotices(
    @Ctx() ctx: RequestContext,
    @Arg('villageCode', () => String, { nullable: true }) villageCode?: string,
  ): Promise<PublicNoticeView[]> {
    return (await ctx.services.notices.list(villageCode ?? undefined)).map(publicNoticeView);
  }
}
