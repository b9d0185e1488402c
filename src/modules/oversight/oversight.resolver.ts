import { Arg, Args, Ctx, Field, ID, InputType, Resolver } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { Command, ReadQuery } from '../../graphql/guards';
import { fromGlobalIdOrThrow, tenantKeyOfOrThrow } from '../../graphql/node';
import { fetchNode } from '../../graphql/node-fetchers';
import { notFound } from '../../errors';
import { payloadType } from '../../graphql/payload';
import { Connection, ConnectionType, PageArgs } from '../../graphql/connection';
import { AuditFinding, DevelopmentLink, FindingSeverity } from './oversight.entity';

@InputType('RecordAuditFindingInput', { description: 'An audit finding (审计发现)' })
class RecordAuditFindingInput {
  @Field(() => FindingSeverity, { description: 'Severity (等级)' }) severity: FindingSeverity;
  @Field({ description: 'Title (标题)' }) title: string;
  @Field({ description: 'What was found (内容)' }) body: string;
  @Field(() => String, { nullable: true, description: 'Township concerned (涉及乡镇)' }) townshipCode?: string;
  @Field(() => ID, { nullable: true, description: 'Global ID of the case or other object concerned (涉及对象)' }) subjectId?: string;
}

@InputType('LinkDevelopmentSupportInput', { description: 'Development support for a recipient household (帮扶衔接)' })
class LinkDevelopmentSupportInput {
  @Field(() => ID, { description: 'The enrolment supported (救助对象登记)' }) enrolmentId: string;
  @Field({ description: 'Support measure (帮扶措施)' }) measure: string;
}

const RecordAuditFindingPayload = payloadType<{ auditFinding: AuditFinding }>('RecordAuditFinding', 'The recorded finding (审计发现)', {
  auditFinding: { type: () => AuditFinding, description: 'The finding (发现)' },
});
const LinkDevelopmentSupportPayload = payloadType<{ developmentLink: DevelopmentLink }>('LinkDevelopmentSupport', 'The link (帮扶衔接)', {
  developmentLink: { type: () => DevelopmentLink, description: 'The link (衔接)' },
});
const AuditFindingConnection = ConnectionType(AuditFinding, { name: 'AuditFinding', items: 'audit findings', zh: '审计发现' });
const DevelopmentLinkConnection = ConnectionType(DevelopmentLink, {
  name: 'DevelopmentLink',
  items: 'development-support links',
  zh: '帮扶衔接',
});

@Resolver()
export class OversightResolver {
  @Command(RecordAuditFindingPayload, 'create', 'AuditFinding', 'Record an audit finding (记录审计发现); AUDITOR, P4.4.')
  async recordAuditFinding(@Ctx() ctx: RequestContext, @Arg('input') input: RecordAuditFindingInput) {
    if (input.subjectId) {
      const { type, key } = fromGlobalIdOrThrow(input.subjectId, 'subjectId');
      // The auditor may point only at what it can read.
      if (!(await fetchNode(ctx, type, key))) throw notFound('node.notFound', { type });
    }
    return { auditFinding: await ctx.services.oversight.recordFinding(ctx.caller, input) };
  }

  @ReadQuery(AuditFindingConnection, 'AuditFinding', 'Audit findings the caller may see (审计发现), newest first.')
  auditFindings(@Ctx() ctx: RequestContext, @Args() page: PageArgs): Promise<Connection<AuditFinding>> {
    return ctx.services.oversight.listFindings(ctx.caller, page);
  }

  @Command(
    LinkDevelopmentSupportPayload,
    'create',
    'DevelopmentLink',
    'Link development support to a rural DIBAO household able to work (帮扶衔接); POVERTY_OFFICER, P4.4.',
  )
  async linkDevelopmentSupport(@Ctx() ctx: RequestContext, @Arg('input') input: LinkDevelopmentSupportInput) {
    const enrolment = tenantKeyOfOrThrow(input.enrolmentId, 'Enrolment', 'enrolmentId');
    return { developmentLink: await ctx.services.oversight.linkDevelopment(ctx.caller, enrolment.id, input.measure) };
  }

  @ReadQuery(DevelopmentLinkConnection, 'DevelopmentLink', 'Development-support links the caller may see (帮扶衔接), newest first.')
  developmentLinks(@Ctx() ctx: RequestContext, @Args() page: PageArgs): Promise<Connection<DevelopmentLink>> {
    return ctx.services.oversight.listLinks(ctx.caller, page);
  }
}
