import { Arg, Ctx, Field, InputType, Int, Query, Resolver } from 'type-graphql';
import { IsOptional, Length } from 'class-validator';
import type { RequestContext } from '../../graphql/context';
import { Needs } from '../../graphql/guards';
import { badInput } from '../../errors';
import { AuditEntry, AuditKind } from './audit-entry.entity';

@InputType({ description: 'Filters for the audit log (审计日志筛选)' })
class AuditFilter {
  @Field(() => AuditKind, { nullable: true, description: 'Kind (类别)' })
  kind?: AuditKind;

  @Field(() => String, { nullable: true, description: 'Subject type, e.g. Case (对象类型)' })
  @IsOptional()
  @Length(1, 40)
  subjectType?: string;

  @Field(() => String, { nullable: true, description: 'Subject id (对象标识)' })
  @IsOptional()
  @Length(1, 64)
  subjectId?: string;

  @Field(() => String, { nullable: true, description: 'Who (操作人用户名)' })
  @IsOptional()
  @Length(1, 64)
  actorUsername?: string;
}

@Resolver(() => AuditEntry)
export class AuditResolver {
  @Query(() => [AuditEntry], { description: 'The audit log (审计日志), newest first: changes, refusals and personal-data reads.' })
  @Needs('read', 'AuditEntry')
  auditLog(
    @Ctx() ctx: RequestContext,
    @Arg('filter', () => AuditFilter, { nullable: true }) filter?: AuditFilter,
    @Arg('first', () => Int, { defaultValue: 50, description: 'At most this many (1–500)' }) first = 50,
  ): Promise<AuditEntry[]> {
    if (first < 1 || first > 500) throw badInput('first', 'page.first.range', { max: 500 });
    return ctx.services.audit.list(ctx, filter ?? {}, first);
  }
}
