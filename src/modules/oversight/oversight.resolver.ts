import { Arg, Args, Ctx, Field, ID, InputType, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { Needs } from '../../graphql/guards';
import { Connection, ConnectionType, PageArgs } from '../../graphql/connection';
import { uuidOrThrow } from '../../graphql/node';
import { AuditFinding, DevelopmentLink, FindingSeverity } from './oversight.entity';

@InputType({ description: 'An audit finding (审计发现)' })
class AuditFindingInput {
  @Field(() => FindingSeverity, { description: 'Severity (等级)' })
  severity: FindingSeverity;

  @Field({ description: 'Title (标题)' })
  title: string;

  @Field({ description: 'What was found (内容)' })
  body: string;

  @Field(() => String, { nullable: true, description: 'Township concerned (涉及乡镇)' })
  townshipCode?: string;

  @Field(() => ID, { nullable: true, description: 'Global ID of the case or other object concerned (涉及对象)' })
  subjectId?: string;
}

const AuditFindingConnection = ConnectionType(AuditFinding, { name: 'AuditFinding', items: 'audit findings', zh: '审计发现' });
const DevelopmentLinkConnection = ConnectionType(DevelopmentLink, { name: 'DevelopmentLink', items: 'development-support links', zh: '帮扶衔接' });

@Resolver()
export class OversightResolver {
  @Mutation(() => AuditFinding, { description: 'Record an audit finding (记录审计发现); AUDITOR, P4.4.' })
  @Needs('create', 'AuditFinding')
  recordAuditFinding(@Ctx() ctx: RequestContext, @Arg('input') input: AuditFindingInput): Promise<AuditFinding> {
    return ctx.services.oversight.recordFinding(ctx, input);
  }

  @Query(() => AuditFindingConnection, { nullable: true, description: 'Audit findings the caller may see (审计发现), newest first.' })
  @Needs('read', 'AuditFinding')
  auditFindings(@Ctx() ctx: RequestContext, @Args() page: PageArgs): Promise<Connection<AuditFinding>> {
    return ctx.services.oversight.listFindings(ctx, page);
  }

  @Mutation(() => DevelopmentLink, { description: 'Link development support to a rural DIBAO household able to work (帮扶衔接); POVERTY_OFFICER, P4.4.' })
  @Needs('create', 'DevelopmentLink')
  linkDevelopmentSupport(@Ctx() ctx: RequestContext, @Arg('enrolmentId', () => ID) enrolmentId: string,
    @Arg('measure', { description: 'Support measure (帮扶措施)' }) measure: string): Promise<DevelopmentLink> {
    return ctx.services.oversight.linkDevelopment(ctx, uuidOrThrow(enrolmentId, 'enrolmentId'), measure);
  }

  @Query(() => DevelopmentLinkConnection, { nullable: true, description: 'Development-support links the caller may see (帮扶衔接), newest first.' })
  @Needs('read', 'DevelopmentLink')
  developmentLinks(@Ctx() ctx: RequestContext, @Args() page: PageArgs): Promise<Connection<DevelopmentLink>> {
    return ctx.services.oversight.listLinks(ctx, page);
  }
}
