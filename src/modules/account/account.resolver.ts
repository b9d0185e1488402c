import { Arg, Args, Ctx, Field, FieldResolver, ID, InputType, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { IsOptional, Length } from 'class-validator';
import type { RequestContext } from '../../graphql/context';
import { Command, Public, ReadQuery, SignedIn } from '../../graphql/guards';
import { keyOfOrThrow } from '../../graphql/node';
import { payloadType } from '../../graphql/payload';
import { Connection, ConnectionType, PageArgs } from '../../graphql/connection';
import { badInput } from '../../errors';
import { Department, Role } from '../../../permissions/roles';
import { scopeCodesOf } from '../region/region-code';
import { Account, RoleAssignment } from './account.entity';
import { ApiKey } from './api-key.entity';

@ObjectType({ description: 'Result of signing in (登录结果).' })
class AuthPayload {
  @Field({ description: 'Signed bearer token (访问令牌): send as `Authorization: Bearer <token>`' }) token: string;
  @Field({ description: 'When the token expires (过期时间)' }) expiresAt: Date;
  @Field(() => Account, { description: 'The signed-in account (当前账号)' }) account: Account;
}

@ObjectType('CreateApiKeyPayload', { description: 'A newly issued API key (新签发密钥); `secret` is shown only this once.' })
class IssuedApiKey {
  @Field(() => ApiKey, { description: 'The stored key (密钥记录), without its secret' }) apiKey: ApiKey;
  @Field({ description: 'The full key (完整密钥) to send as `Authorization: Bearer <key>`; not stored, not shown again' }) secret: string;
}

@InputType({
  description: 'A new account, without roles or password (新建账号): roles come by grants, the password from its holder (D§14)',
})
class CreateAccountInput {
  @Field({ description: 'Sign-in name (用户名): lower-case letters, digits, ".", "_", "-"' }) username: string;
  @Field({ description: 'Display name (姓名/名称)' }) @Length(1, 100) displayName: string;
  @Field({ description: 'Home region code (所属区划代码)' }) regionCode: string;

  @Field(() => Department, { nullable: true, description: 'Department, for integration accounts only (所属部门)' })
  @IsOptional()
  departmentCode?: Department;
}

@InputType('ActivateAccountInput', { description: 'Choose your password with the one-time activation code (激活账号)' })
class ActivateAccountInput {
  @Field({ description: 'Sign-in name (用户名)' }) username: string;
  @Field({ description: 'The one-time activation code from the account’s creator (激活码)' }) code: string;
  @Field({ description: 'Your new password, at least 8 characters (密码)' }) password: string;
}

@InputType('ChangePasswordInput', { description: 'Your current and new password (修改密码)' })
class ChangePasswordInput {
  @Field({ description: 'Current password (当前密码)' }) currentPassword: string;
  @Field({ description: 'New password, at least 8 characters (新密码)' }) newPassword: string;
}

@InputType('SetAccountActiveInput', { description: 'Deactivate or reactivate an account (停用/启用账号)' })
class SetAccountActiveInput {
  @Field(() => ID, { description: 'The account (账号)' }) accountId: string;
  @Field({ description: 'Active (启用)' }) active: boolean;
}

@InputType('CreateApiKeyInput', { description: "A key for the caller's own department integration (创建密钥)" })
class CreateApiKeyInput {
  @Field({ description: 'Label, e.g. "tax bureau production" (名称)' }) name: string;
}

@InputType('RevokeApiKeyInput', { description: 'A key to withdraw (吊销密钥)' })
class RevokeApiKeyInput {
  @Field(() => ID, { description: 'The key (密钥)' }) apiKeyId: string;
}

@InputType('ViewAsInput', { description: 'The account of your district whose view of the API to look at (以他人视角查看)' })
class ViewAsInput {
  @Field(() => ID, { description: 'The account viewed (被查看账号)' }) accountId: string;
}

const ACCOUNT = { type: () => Account, description: 'The account after the change (变更后的账号)' };
const ViewAsPayload = payloadType<{ token: string; expiresAt: Date; account: Account; viewer: Account }>(
  'ViewAs',
  'A short-lived, read-only token that sees the API as another account does (以他人视角查看的令牌)',
  {
    token: {
      type: () => String,
      description: 'Bearer token (访问令牌): the policy answers as the account viewed, every mutation is refused, every request is audited',
    },
    expiresAt: { type: () => Date, description: "When the view ends (到期时间), after the district's viewAsMinutes" },
    account: { type: () => Account, description: 'The account viewed (被查看账号)' },
    viewer: { type: () => Account, description: 'The account looking (查看人)' },
  },
);
const ChangePasswordPayload = payloadType<AuthPayload>('ChangePassword', 'A fresh token after a password change (新令牌)', {
  token: { type: () => String, description: 'Signed bearer token (访问令牌)' },
  expiresAt: { type: () => Date, description: 'When the token expires (过期时间)' },
  account: { type: () => Account, description: 'The signed-in account (当前账号)' },
});
const CreateAccountPayload = payloadType<{ account: Account; activationCode: string }>(
  'CreateAccount',
  'The new account and its one-time activation code (新账号及激活码)',
  {
    account: ACCOUNT,
    activationCode: {
      type: () => String,
      description: 'One-time activation code (激活码) to hand to the holder; not stored, not shown again, expires',
    },
  },
);
const ActivateAccountPayload = payloadType<AuthPayload>('ActivateAccount', 'A token for the newly activated account (激活后的令牌)', {
  token: { type: () => String, description: 'Signed bearer token (访问令牌)' },
  expiresAt: { type: () => Date, description: 'When the token expires (过期时间)' },
  account: { type: () => Account, description: 'The activated account (已激活账号)' },
});
const SetAccountActivePayload = payloadType<{ account: Account }>('SetAccountActive', 'The account (账号)', { account: ACCOUNT });
const RevokeApiKeyPayload = payloadType<{ apiKey: ApiKey }>('RevokeApiKey', 'The revoked key (已吊销密钥)', {
  apiKey: { type: () => ApiKey, description: 'The key (密钥)' },
});
const AccountConnection = ConnectionType(Account, { name: 'Account', items: 'accounts', zh: '账号' });
const ApiKeyConnection = ConnectionType(ApiKey, { name: 'ApiKey', items: 'API keys', zh: '接口密钥' });

@Resolver(() => Account)
export class AccountResolver {
  @Mutation(() => AuthPayload, { description: 'Sign in with username and password (登录); returns a signed, expiring token.' })
  @Public('Signing in is how a caller stops being anonymous.')
  login(@Ctx() ctx: RequestContext, @Arg('username') username: string, @Arg('password') password: string): Promise<AuthPayload> {
    return ctx.services.accounts.login(username, password, ctx.caller.clientAddress);
  }

  @Mutation(() => ChangePasswordPayload, {
    description: 'Change your own password (修改密码); tokens issued before stop working, a new one is returned.',
  })
  @SignedIn('Everyone manages their own password (D§2).')
  changePassword(@Ctx() ctx: RequestContext, @Arg('input') input: ChangePasswordInput): Promise<AuthPayload> {
    return ctx.services.accounts.changePassword(ctx.caller, input.currentPassword, input.newPassword);
  }

  @Command(
    ViewAsPayload,
    'viewAs',
    'Account',
    "Look at the API exactly as another account of your district sees it (以他人视角查看): a read-only token for the district's viewAsMinutes. AUDITOR.",
  )
  viewAs(@Ctx() ctx: RequestContext, @Arg('input') input: ViewAsInput) {
    return ctx.services.accounts.viewAs(ctx.caller, keyOfOrThrow(input.accountId, 'Account', 'accountId'));
  }

  @Query(() => Account, { nullable: true, description: "The caller's own account, roles and their scope (当前账号)." })
  @SignedIn('Everyone may see their own account (D§2).')
  me(@Ctx() ctx: RequestContext): Promise<Account> {
    return ctx.services.accounts.me(ctx.caller);
  }

  @ReadQuery(
    AccountConnection,
    'Account',
    'Accounts the caller may see (账号列表), newest first, optionally under a region or with a role.',
  )
  accounts(
    @Ctx() ctx: RequestContext,
    @Args() page: PageArgs,
    @Arg('regionCode', () => String, { nullable: true }) regionCode?: string,
    @Arg('role', () => Role, { nullable: true }) role?: Role,
  ): Promise<Connection<Account>> {
    return ctx.services.accounts.page(ctx.caller, { regionCode, role }, page);
  }

  @Command(
    CreateAccountPayload,
    'create',
    'Account',
    "Create an account in the caller's district (新建账号); ADMIN. It holds no role until a grant is confirmed, and no password until its holder activates it.",
  )
  createAccount(@Ctx() ctx: RequestContext, @Arg('input') input: CreateAccountInput) {
    return ctx.services.accounts.create(ctx.caller, input);
  }

  @Mutation(() => ActivateAccountPayload, {
    description: 'Activate a new account (激活账号): its holder chooses a password with the one-time code; throttled like signing in.',
  })
  @Public('The holder of a new account has no password yet: the one-time code is how it gets one (D§14).')
  activateAccount(@Ctx() ctx: RequestContext, @Arg('input') input: ActivateAccountInput): Promise<AuthPayload> {
    return ctx.services.accounts.activate(ctx.caller, input.username, input.code, input.password);
  }

  @Command(
    SetAccountActivePayload,
    'update',
    'Account',
    'Deactivate or reactivate an account (停用/启用账号); ADMIN. Its tokens and keys stop working at once.',
  )
  async setAccountActive(@Ctx() ctx: RequestContext, @Arg('input') input: SetAccountActiveInput) {
    return {
      account: await ctx.services.accounts.setActive(ctx.caller, keyOfOrThrow(input.accountId, 'Account', 'accountId'), input.active),
    };
  }

  @ReadQuery(ApiKeyConnection, 'ApiKey', 'API keys the caller may see (接口密钥), newest first, never their secrets.')
  apiKeys(
    @Ctx() ctx: RequestContext,
    @Args() page: PageArgs,
    @Arg('accountId', () => ID, { nullable: true }) accountId?: string,
  ): Promise<Connection<ApiKey>> {
    return ctx.services.accounts.listApiKeys(ctx.caller, accountId ? keyOfOrThrow(accountId, 'Account') : undefined, page);
  }

  @Command(
    IssuedApiKey,
    'create',
    'ApiKey',
    'Create an API key for the calling department integration account (创建密钥); the secret is shown once, to it alone (D§14).',
  )
  createApiKey(@Ctx() ctx: RequestContext, @Arg('input') input: CreateApiKeyInput): Promise<IssuedApiKey> {
    const name = input.name.trim();
    if (!name || name.length > 100) throw badInput('name', 'input.text.length', { field: 'name', max: 100 });
    return ctx.services.accounts.createApiKey(ctx.caller, name);
  }

  @Command(RevokeApiKeyPayload, 'revoke', 'ApiKey', 'Revoke an API key (吊销密钥); it is refused from the next request on.')
  async revokeApiKey(@Ctx() ctx: RequestContext, @Arg('input') input: RevokeApiKeyInput) {
    return { apiKey: await ctx.services.accounts.revokeApiKey(ctx.caller, keyOfOrThrow(input.apiKeyId, 'ApiKey', 'apiKeyId')) };
  }
}

@Resolver(() => RoleAssignment)
export class RoleAssignmentResolver {
  @FieldResolver(() => String, { description: 'District the role reaches (区代码)' })
  districtCode(@Root() assignment: RoleAssignment): string {
    return scopeCodesOf(assignment.regionCode).districtCode;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Township the role is limited to (乡镇代码); null for district roles' })
  townshipCode(@Root() assignment: RoleAssignment): string | null {
    return scopeCodesOf(assignment.regionCode).townshipCode;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Village the role is limited to (村代码); set only for village roles' })
  villageCode(@Root() assignment: RoleAssignment): string | null {
    return scopeCodesOf(assignment.regionCode).villageCode;
  }
}
