import { Arg, Args, Ctx, Field, ID, InputType, Query, Resolver } from 'type-graphql';
import { IsOptional, Length } from 'class-validator';
import type { RequestContext } from '../../graphql/context';
import { Needs } from '../../graphql/guards';
import { Connection, ConnectionType, PageArgs } from '../../graphql/connection';
import { fromGlobalIdOrThrow } from '../../graphql/node';
import { AuditEntry, AuditKind } from './audit-entry.entity';

@InputType({ description: 'Filters for the audit log (审计日志筛选)' })
class AuditFilter {
  @Field(() => AuditKind, { nullable: true, description: 'Kind (类别)' })
  kind?: AuditKind;

  @Field(() => String, { nullable: true, description: 'Subject type, e.g. Case (对象类型)' })
  @IsOptional()
  @Length(1, 40)
  subjectType?: string;

  @Field(() => ID, { nullable: true, description: 'Subject (对象), by its global ID' })
  @IsOptional()
  @Length(1, 200)
  subjectId?: string;

  @Field(() => String, { nullable: true, description: 'Who (操作人用户名)' })
  @IsOptional()
  @Length(1, 64)
  actorUsername?: string;
}

const AuditEntryConnection = ConnectionType(AuditEntry, { name: 'AuditEntry', items: 'audit log entries', zh: '审计日志' });

@Resolver(() => AuditEntry)
export class AuditResolver {
  @Query(() => AuditEntryConnection, {
    nullable: true,
    description: 'The audit log (审计日志), newest first: changes, refusals and personal-data reads.',
  })
  @Needs('read', 'AuditEntry')
  auditLog(
    @Ctx() ctx: RequestContext,
    @Args() page: PageArgs,
    @Arg('filter', () => AuditFilter, { nullable: true }) filter?: AuditFilter,
  ): Promise<Connection<AuditEntry>> {
    const { subjectId, ...rest } = filter ?? {};
    if (!subjectId) return ctx.services.audit.list(ctx.caller, rest, page);
    // The log keeps a subject's own key; a committee is logged as `Committee`, served as `CommitteeView`.
    const { type, key } = fromGlobalIdOrThrow(subjectId, 'subjectId');
    const subjectType = rest.subjectType ?? (type === 'CommitteeView' ? 'Committee' : type);
    return ctx.services.audit.list(ctx.caller, { ...rest, subjectType, subjectId: key.split(':').pop() }, page);
  }
}
