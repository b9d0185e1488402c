import { Arg, Args, Ctx, Field, FieldResolver, ID, InputType, Resolver, Root } from 'type-graphql';
import { IsOptional } from 'class-validator';
import type { RequestContext } from '../../graphql/context';
import { Command, ReadQuery } from '../../graphql/guards';
import { keyOfOrThrow, tenantKeyOfOrThrow } from '../../graphql/node';
import { payloadType } from '../../graphql/payload';
import { Connection, ConnectionType, PageArgs } from '../../graphql/connection';
import { Role } from '../../../permissions/roles';
import { Account } from './account.entity';
import { RoleGrant } from './role-grant.entity';

@InputType('ProposeRoleGrantInput', { description: 'A role to grant, pending a second account’s confirmation (提议授予角色)' })
class ProposeRoleGrantInput {
  @Field(() => ID, { description: 'The account to receive the role (账号)' }) accountId: string;
  @Field(() => Role, { description: 'Role (角色)' }) role: Role;
  @Field({ description: "Region code the role is held for (授权区划代码); must be of the role's tier" }) regionCode: string;

  @Field(() => Date, { nullable: true, description: 'In force from (生效时间), once confirmed; now if omitted' })
  @IsOptional()
  effectiveFrom?: Date;

  @Field(() => Date, { nullable: true, description: 'In force until (失效时间); until revoked if omitted' })
  @IsOptional()
  effectiveUntil?: Date;
}

@InputType('ConfirmRoleGrantInput', { description: 'Confirm a proposed role grant (确认角色授予)' })
class ConfirmRoleGrantInput {
  @Field(() => ID, { description: 'The grant (授予记录)' }) roleGrantId: string;
}

@InputType('RevokeRoleGrantInput', { description: 'End a role grant (撤销角色授予)' })
class RevokeRoleGrantInput {
  @Field(() => ID, { description: 'The grant (授予记录)' }) roleGrantId: string;

  @Field(() => Date, { nullable: true, description: 'From when the role is no longer held (撤销生效时间); now if omitted' })
  @IsOptional()
  effectiveAt?: Date;
}

const GRANT = { type: () => RoleGrant, description: 'The grant after the change (变更后的授予记录)' };
const ProposeRoleGrantPayload = payloadType<{ roleGrant: RoleGrant }>('ProposeRoleGrant', 'The proposed grant (已提议的授予)', {
  roleGrant: GRANT,
});
const ConfirmRoleGrantPayload = payloadType<{ roleGrant: RoleGrant }>('ConfirmRoleGrant', 'The confirmed grant (已确认的授予)', {
  roleGrant: GRANT,
});
const RevokeRoleGrantPayload = payloadType<{ roleGrant: RoleGrant }>('RevokeRoleGrant', 'The revoked grant (已撤销的授予)', {
  roleGrant: GRANT,
});
const RoleGrantConnection = ConnectionType(RoleGrant, { name: 'RoleGrant', items: 'role grants', zh: '角色授予记录' });

@Resolver(() => RoleGrant)
export class RoleGrantResolver {
  @ReadQuery(
    RoleGrantConnection,
    'RoleGrant',
    'Role grants the caller may see (角色授予记录), newest first, with their confirmation and revocation; with `at`, only those in force then; with `role` and `regionCode`, who held that role there ("who could approve in Hexi on that date, on whose grant").',
  )
  roleGrants(
    @Ctx() ctx: RequestContext,
    @Args() page: PageArgs,
    @Arg('accountId', () => ID, { nullable: true }) accountId?: string,
    @Arg('at', () => Date, { nullable: true }) at?: Date,
    @Arg('role', () => Role, { nullable: true }) role?: Role,
    @Arg('regionCode', () => String, { nullable: true }) regionCode?: string,
  ): Promise<Connection<RoleGrant>> {
    const holder = accountId ? keyOfOrThrow(accountId, 'Account', 'accountId') : undefined;
    return ctx.services.roleGrants.page(ctx.caller, { accountId: holder, at, role, regionCode }, page);
  }

  @Command(
    ProposeRoleGrantPayload,
    'create',
    'RoleGrant',
    'Propose a role for an account (提议授予角色); it is held only once a second account confirms it (D§14).',
  )
  async proposeRoleGrant(@Ctx() ctx: RequestContext, @Arg('input') input: ProposeRoleGrantInput) {
    const accountId = keyOfOrThrow(input.accountId, 'Account', 'accountId');
    return { roleGrant: await ctx.services.roleGrants.propose(ctx.caller, { ...input, accountId }) };
  }

  @Command(
    ConfirmRoleGrantPayload,
    'confirm',
    'RoleGrant',
    'Confirm a proposed role grant (确认角色授予): a district officer for district-tier roles, otherwise the one of ADMIN and township head who did not propose it (D§14).',
  )
  async confirmRoleGrant(@Ctx() ctx: RequestContext, @Arg('input') input: ConfirmRoleGrantInput) {
    return {
      roleGrant: await ctx.services.roleGrants.confirm(ctx.caller, tenantKeyOfOrThrow(input.roleGrantId, 'RoleGrant', 'roleGrantId')),
    };
  }

  @Command(RevokeRoleGrantPayload, 'revoke', 'RoleGrant', 'End a role grant from a date (撤销角色授予); the grant stays on record (D§14).')
  async revokeRoleGrant(@Ctx() ctx: RequestContext, @Arg('input') input: RevokeRoleGrantInput) {
    const key = tenantKeyOfOrThrow(input.roleGrantId, 'RoleGrant', 'roleGrantId');
    return { roleGrant: await ctx.services.roleGrants.revoke(ctx.caller, key, input.effectiveAt) };
  }

  @FieldResolver(() => Account, { nullable: true, description: 'The account holding the role (账号), if the caller may see it' })
  account(@Ctx() ctx: RequestContext, @Root() grant: RoleGrant): Promise<Account | null> {
    return ctx.loaders.accountById.load(grant.accountId);
  }

  @FieldResolver(() => Account, {
    nullable: true,
    description: 'Who proposed it (提议人); null when the seed made it or the caller may not see the account',
  })
  proposedBy(@Ctx() ctx: RequestContext, @Root() grant: RoleGrant): Promise<Account | null> | null {
    return grant.proposedById ? ctx.loaders.accountById.load(grant.proposedById) : null;
  }

  @FieldResolver(() => Account, { nullable: true, description: 'Who confirmed it (确认人); null while unconfirmed or when the seed did' })
  confirmedBy(@Ctx() ctx: RequestContext, @Root() grant: RoleGrant): Promise<Account | null> | null {
    return grant.confirmation?.byId ? ctx.loaders.accountById.load(grant.confirmation.byId) : null;
  }

  @FieldResolver(() => Date, { nullable: true, description: 'Confirmed at (确认时间); null while only proposed' })
  confirmedAt(@Root() grant: RoleGrant): Date | null {
    return grant.confirmation?.effectiveAt ?? null;
  }

  @FieldResolver(() => Account, { nullable: true, description: 'Who revoked it (撤销人)' })
  revokedBy(@Ctx() ctx: RequestContext, @Root() grant: RoleGrant): Promise<Account | null> | null {
    return grant.revocation?.byId ? ctx.loaders.accountById.load(grant.revocation.byId) : null;
  }

  @FieldResolver(() => Date, { nullable: true, description: 'No longer held from (撤销生效时间)' })
  revokedFrom(@Root() grant: RoleGrant): Date | null {
    return grant.revocation?.effectiveAt ?? null;
  }
}
