import { Field, ObjectType } from 'type-graphql';

@ObjectType('PageInfo', { description: 'Relay page information (分页信息).' })
export class PageInfo {
  @Field({ description: 'More items after this page (有下一页)' })
  hasNextPage: boolean;

  @Field({ description: 'Always false: pages go forward with `after` (有上一页)' })
  hasPreviousPage: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the first item (起始游标)' })
  startCursor: string | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the last item; pass as `after` (结束游标)' })
  endCursor: string | null;
}
