import { Arg, Args, Ctx, Field, FieldResolver, ID, InputType, Int, Resolver, Root } from 'type-graphql';
import { IsInt, Length, Max, Min } from 'class-validator';
import type { RequestContext } from '../../graphql/context';
import { Command, ReadQuery } from '../../graphql/guards';
import { tenantKeyOfOrThrow } from '../../graphql/node';
import { payloadType } from '../../graphql/payload';
import { Connection, ConnectionType, PageArgs } from '../../graphql/connection';
import { Account } from '../account/account.entity';
import { Region } from '../region/region.entity';
import { DistrictProposal, DistrictProposalStatus } from './district-proposal.entity';
import { statusOf } from './province.service';
import { DecimalScalar } from '../../graphql/scalars';

@InputType('ProposedSettingInput', { description: 'A setting the new district starts with (初始设置)' })
class ProposedSettingInput {
  @Field({ description: 'Setting key (设置项), as `settings` lists them' }) key: string;

  @Field(() => DecimalScalar, { nullable: true, description: 'Value (取值) within its legal bounds; null for "none" where allowed' })
  value: number | null;
}

@InputType('ProposeDistrictInput', { description: 'A new district with its first administrator (提议新设区)' })
class ProposeDistrictInput {
  @Field({ description: 'Code of the district (区代码), `PPCCDD000000`, in the proposer’s province' }) regionCode: string;
  @Field({ description: 'Name (名称)' }) @Length(1, 100) name: string;

  @Field(() => Int, { defaultValue: 0, description: 'Resident population (常住人口)' })
  @IsInt()
  @Min(0)
  @Max(100_000_000)
  population: number;

  @Field({ description: "Sign-in name of the district's first administrator (首个系统管理员用户名)" }) adminUsername: string;

  @Field({ description: "Display name of the district's first administrator (首个系统管理员姓名)" })
  @Length(1, 100)
  adminDisplayName: string;

  @Field(() => [ProposedSettingInput], { defaultValue: [], description: 'Settings that differ from the defaults (初始设置)' })
  settings: ProposedSettingInput[];
}

@InputType('ConfirmDistrictProposalInput', { description: "Confirm another operator's district proposal (确认新设区)" })
class ConfirmDistrictProposalInput {
  @Field(() => ID, { description: 'The proposal (提议)' }) proposalId: string;
}

@InputType('RejectDistrictProposalInput', { description: "Turn down another operator's district proposal (否决新设区提议)" })
class RejectDistrictProposalInput {
  @Field(() => ID, { description: 'The proposal (提议)' }) proposalId: string;
  @Field({ description: 'Why (理由)' }) @Length(1, 500) reason: string;
}

const PROPOSAL = { type: () => DistrictProposal, description: 'The proposal (提议)' };
const ProposeDistrictPayload = payloadType<{ proposal: DistrictProposal; activationCode: string }>(
  'ProposeDistrict',
  'The proposal and the administrator’s one-time activation code (新设区提议及管理员激活码)',
  {
    proposal: PROPOSAL,
    activationCode: {
      type: () => String,
      description:
        'One-time activation code (激活码) of the first administrator, to hand over; it works once a second operator confirms, and is not shown again',
    },
  },
);
const ConfirmDistrictProposalPayload = payloadType<{ proposal: DistrictProposal }>(
  'ConfirmDistrictProposal',
  'The confirmed proposal (已确认的提议)',
  {
    proposal: PROPOSAL,
  },
);
const RejectDistrictProposalPayload = payloadType<{ proposal: DistrictProposal }>(
  'RejectDistrictProposal',
  'The rejected proposal (已否决的提议)',
  {
    proposal: PROPOSAL,
  },
);
const DistrictProposalConnection = ConnectionType(DistrictProposal, {
  name: 'DistrictProposal',
  items: 'district proposals',
  zh: '新设区提议',
});

@Resolver(() => DistrictProposal)
export class ProvinceResolver {
  @ReadQuery(
    DistrictProposalConnection,
    'DistrictProposal',
    'Proposals to create districts of the caller’s province (新设区提议), newest first; province operators only.',
  )
  districtProposals(
    @Ctx() ctx: RequestContext,
    @Args() page: PageArgs,
    @Arg('status', () => DistrictProposalStatus, { nullable: true }) status?: DistrictProposalStatus,
  ): Promise<Connection<DistrictProposal>> {
    return ctx.services.province.page(ctx.caller, { status }, page);
  }

  @Command(
    ProposeDistrictPayload,
    'create',
    'DistrictProposal',
    'Propose a district with its first administrator and settings (提议新设区); nothing exists until a second province operator confirms it (D§14).',
  )
  async proposeDistrict(@Ctx() ctx: RequestContext, @Arg('input') input: ProposeDistrictInput) {
    return ctx.services.province.propose(ctx.caller, input);
  }

  @Command(
    ConfirmDistrictProposalPayload,
    'confirm',
    'DistrictProposal',
    'Confirm a district proposal (确认新设区): creates the district, its settings, its administrator and the ADMIN grant. Never the proposer.',
  )
  async confirmDistrictProposal(@Ctx() ctx: RequestContext, @Arg('input') input: ConfirmDistrictProposalInput) {
    const key = tenantKeyOfOrThrow(input.proposalId, 'DistrictProposal', 'proposalId');
    return { proposal: await ctx.services.province.confirm(ctx.caller, key) };
  }

  @Command(
    RejectDistrictProposalPayload,
    'reject',
    'DistrictProposal',
    'Turn a district proposal down (否决新设区提议), with the reason. Never the proposer.',
  )
  async rejectDistrictProposal(@Ctx() ctx: RequestContext, @Arg('input') input: RejectDistrictProposalInput) {
    const key = tenantKeyOfOrThrow(input.proposalId, 'DistrictProposal', 'proposalId');
    return { proposal: await ctx.services.province.reject(ctx.caller, key, input.reason) };
  }

  @FieldResolver(() => DistrictProposalStatus, { description: 'Where it stands (状态)' })
  status(@Root() proposal: DistrictProposal): DistrictProposalStatus {
    return statusOf(proposal);
  }

  @FieldResolver(() => Region, { nullable: true, description: 'The district, once confirmed (已设立的区)' })
  district(@Ctx() ctx: RequestContext, @Root() proposal: DistrictProposal): Promise<Region | null> | null {
    return statusOf(proposal) === DistrictProposalStatus.CONFIRMED ? ctx.loaders.regionByCode.load(proposal.regionCode) : null;
  }

  @FieldResolver(() => Account, { nullable: true, description: 'Who proposed it (提议人)' })
  proposedBy(@Ctx() ctx: RequestContext, @Root() proposal: DistrictProposal): Promise<Account | null> {
    return ctx.loaders.accountById.load(proposal.proposedById);
  }

  @FieldResolver(() => Account, { nullable: true, description: 'Who confirmed or rejected it (决定人); null while open' })
  decidedBy(@Ctx() ctx: RequestContext, @Root() proposal: DistrictProposal): Promise<Account | null> | null {
    return proposal.decision ? ctx.loaders.accountById.load(proposal.decision.byId) : null;
  }

  @FieldResolver(() => Date, { nullable: true, description: 'Decided at (决定时间); null while open' })
  decidedAt(@Root() proposal: DistrictProposal): Date | null {
    return proposal.decision?.decidedAt ?? null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Why it was turned down (否决理由)' })
  rejectionReason(@Root() proposal: DistrictProposal): string | null {
    return proposal.decision?.reason ?? null;
  }
}
