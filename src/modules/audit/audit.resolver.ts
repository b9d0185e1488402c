import { Arg, Args, Ctx, Field, ID, InputType, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { IsOptional, Length } from 'class-validator';
import type { RequestContext } from '../../graphql/context';
import { Needs, ReadQuery } from '../../graphql/guards';
import { Connection, ConnectionType, PageArgs } from '../../graphql/connection';
import { fromGlobalIdOrThrow } from '../../graphql/node';
import { AuditEntry, AuditKind } from './audit-entry.entity';
import { defineEnum } from '../../graphql/define-enum';
import type { AuditChainProblem as ProblemValue } from './audit.service';

const AuditChainProblem = defineEnum('AuditChainProblem', 'How a link of the audit hash chain is broken (审计链断裂类型)', {
  CONTENT_CHANGED: "The entry's content no longer matches its hash: it was edited (内容被改动)",
  LINK_BROKEN: 'The entry does not follow the one before it: an entry was removed or put in out of turn (链接断开)',
});

@ObjectType('AuditChainBreak', { description: 'The first entry of a district audit chain that does not hold (审计链首个断点)' })
class AuditChainBreak {
  @Field(() => Int, { description: "Position of the entry in the district's chain, from 1 (序号)" }) position: number;
  @Field(() => ID, { description: 'The entry (审计日志条目), as a global ID' }) entryId: string;
  @Field(() => AuditChainProblem, { description: 'What is wrong with it (问题)' }) problem: ProblemValue;
}

@ObjectType('AuditChainCheck', { description: "Result of recomputing a district's audit hash chain (审计链校验结果)" })
class AuditChainCheck {
  @Field({ description: 'District code (区代码)' }) districtCode: string;
  @Field({ description: 'True when every entry matches its hash and follows the one before it (完整)' }) ok: boolean;
  @Field(() => Int, { description: 'Entries checked (已校验条目数)' }) entriesChecked: number;

  @Field(() => AuditChainBreak, { nullable: true, description: 'The first broken link, if any (首个断点)' })
  firstBrokenLink: AuditChainBreak | null;
}

@InputType({ description: 'Filters for the audit log (审计日志筛选)' })
class AuditFilter {
  @Field(() => AuditKind, { nullable: true, description: 'Kind (类别)' }) kind?: AuditKind;

  @Field(() => String, { nullable: true, description: 'Subject type, e.g. Case (对象类型)' })
  @IsOptional()
  @Length(1, 40)
  subjectType?: string;

  @Field(() => ID, { nullable: true, description: 'Subject (对象), by its global ID' }) @IsOptional() @Length(1, 200) subjectId?: string;
  @Field(() => String, { nullable: true, description: 'Who (操作人用户名)' }) @IsOptional() @Length(1, 64) actorUsername?: string;
}

const AuditEntryConnection = ConnectionType(AuditEntry, { name: 'AuditEntry', items: 'audit log entries', zh: '审计日志' });

@Resolver(() => AuditEntry)
export class AuditResolver {
  @ReadQuery(AuditEntryConnection, 'AuditEntry', 'The audit log (审计日志), newest first: changes, refusals and personal-data reads.')
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

  @Query(() => AuditChainCheck, {
    nullable: true,
    description: "Recomputes a district's audit hash chain (校验审计日志链) and names its first broken link, if any.",
  })
  @Needs('verify', 'AuditEntry')
  verifyAuditChain(
    @Ctx() ctx: RequestContext,
    @Arg('districtCode', { description: 'District code (区代码)' }) districtCode: string,
  ): Promise<AuditChainCheck> {
    return ctx.services.audit.verifyChain(ctx.caller, districtCode);
  }
}
