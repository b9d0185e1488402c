import { Arg, Args, Ctx, Field, ID, InputType, Resolver } from 'type-graphql';
import { Length } from 'class-validator';
import type { RequestContext } from '../../graphql/context';
import { Command, ReadQuery } from '../../graphql/guards';
import { tenantKeyOfOrThrow } from '../../graphql/node';
import { payloadType } from '../../graphql/payload';
import { Connection, ConnectionType, PageArgs } from '../../graphql/connection';
import { KinDeclaration, KinRelation } from './kin-declaration.entity';

@InputType('DeclareKinInput', { description: 'A close relative to declare (申报近亲属)' })
class DeclareKinInput {
  @Field({ description: 'Name (姓名)' }) @Length(1, 50) name: string;
  @Field({ description: '18-character ID number (身份证号码)' }) idNumber: string;
  @Field(() => KinRelation, { description: 'Relation (关系)' }) relation: KinRelation;
}

const DeclareKinPayload = payloadType<{ kinDeclaration: KinDeclaration }>('DeclareKin', 'The declaration (近亲属备案)', {
  kinDeclaration: { type: () => KinDeclaration, description: 'The declaration (备案)' },
});
@InputType('WithdrawKinDeclarationInput', { description: 'A kin declaration to withdraw (撤回近亲属备案)' })
class WithdrawKinDeclarationInput {
  @Field(() => ID, { description: 'Your declaration (本人的备案)' }) kinDeclarationId: string;
}

const WithdrawKinDeclarationPayload = payloadType<{ kinDeclaration: KinDeclaration }>(
  'WithdrawKinDeclaration',
  'The withdrawn declaration (已撤回的备案)',
  { kinDeclaration: { type: () => KinDeclaration, description: 'The declaration, with its withdrawal (备案)' } },
);
const KinDeclarationConnection = ConnectionType(KinDeclaration, { name: 'KinDeclaration', items: 'kin declarations', zh: '近亲属备案' });

@Resolver(() => KinDeclaration)
export class KinResolver {
  @Command(
    DeclareKinPayload,
    'create',
    'KinDeclaration',
    "Declare a close relative (近亲属备案); open cases of the relative's household are flagged at once. P6.3.",
  )
  async declareKin(@Ctx() ctx: RequestContext, @Arg('input') input: DeclareKinInput) {
    return { kinDeclaration: await ctx.services.kin.declare(ctx.caller, input) };
  }

  @Command(
    WithdrawKinDeclarationPayload,
    'revoke',
    'KinDeclaration',
    'Withdraw your own kin declaration (撤回近亲属备案): recorded, never deleted; cases flagged while it stood stay flagged. P6.3.',
  )
  async withdrawKinDeclaration(@Ctx() ctx: RequestContext, @Arg('input') input: WithdrawKinDeclarationInput) {
    const key = tenantKeyOfOrThrow(input.kinDeclarationId, 'KinDeclaration', 'kinDeclarationId');
    return { kinDeclaration: await ctx.services.kin.withdraw(ctx.caller, key) };
  }

  @ReadQuery(
    KinDeclarationConnection,
    'KinDeclaration',
    "Kin declarations the caller may see, newest first: your own, or the district's for the district officer (近亲属备案).",
  )
  kinDeclarations(@Ctx() ctx: RequestContext, @Args() page: PageArgs): Promise<Connection<KinDeclaration>> {
    return ctx.services.kin.list(ctx.caller, page);
  }
}
