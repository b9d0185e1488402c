import { Arg, Args, Ctx, Field, FieldResolver, ID, Info, InputType, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { objectFields } from '../../graphql/selection';
import { IsOptional, Length, ValidateNested } from 'class-validator';
import type { RequestContext } from '../../graphql/context';
import { Command, ReadQuery } from '../../graphql/guards';
import { tenantKeyOfOrThrow } from '../../graphql/node';
import { payloadType } from '../../graphql/payload';
import { Connection, ConnectionType, PageArgs } from '../../graphql/connection';
import { Case } from '../case/case.entity';
import { Household, IncomeStability, LabourCapacity, Person, Relation, Residence } from './household.entity';

@InputType({ description: 'A household member (家庭成员)' })
class PersonInput {
  @Field({ description: 'Name (姓名)' }) @Length(1, 50) name: string;
  @Field({ description: '18-character resident ID number (身份证号码), checked with its check digit' }) idNumber: string;
  @Field(() => Relation, { description: 'Relation to the head (与户主关系)' }) relation: Relation;
  @Field(() => LabourCapacity, { description: 'Ability to work (劳动能力)' }) labourCapacity: LabourCapacity;
  @Field({ defaultValue: false, description: 'Holds a disability certificate (持残疾证)' }) disabled: boolean;

  @Field(() => String, { nullable: true, description: 'Disability detail (残疾类别等级)' })
  @IsOptional()
  @Length(0, 200)
  disabilityDetail?: string | null;

  @Field(() => String, { nullable: true, description: 'Health detail (患病情况)' })
  @IsOptional()
  @Length(0, 200)
  healthDetail?: string | null;
}

@InputType({ description: 'A household applying for assistance (申请家庭)' })
class CreateHouseholdInput {
  @Field({ description: 'Village or community code (村/社区代码)' }) villageCode: string;
  @Field(() => Residence, { description: 'Urban or rural (城乡属性)' }) residence: Residence;
  @Field({ description: 'Detailed address (详细住址)' }) @Length(1, 200) address: string;
  @Field(() => String, { nullable: true, description: 'Phone (联系电话)' }) @IsOptional() @Length(5, 20) phone?: string | null;

  @Field(() => String, { nullable: true, description: 'Bank of the payment account (开户银行)' })
  @IsOptional()
  @Length(1, 50)
  bankName?: string | null;

  @Field(() => String, { nullable: true, description: 'Payment bank account (银行账号)' })
  @IsOptional()
  @Length(8, 32)
  bankAccount?: string | null;

  @Field(() => IncomeStability, {
    nullable: true,
    description: 'Steadiness of the income, if known; it sets the review class at approval (收入稳定性), D§9',
  })
  @IsOptional()
  incomeStability?: IncomeStability | null;

  @Field(() => [PersonInput], { description: 'Members, exactly one of them HEAD (家庭成员)' })
  @ValidateNested({ each: true })
  members: PersonInput[];
}

@InputType({ description: 'Corrections to a household (家庭信息更正); omitted fields stay as they are' })
class UpdateHouseholdInput {
  @Field(() => ID, { description: 'The household (家庭)' }) householdId: string;
  @Field(() => String, { nullable: true, description: 'Detailed address (详细住址)' }) @IsOptional() @Length(1, 200) address?: string;
  @Field(() => String, { nullable: true, description: 'Phone (联系电话)' }) @IsOptional() @Length(0, 20) phone?: string | null;
  @Field(() => String, { nullable: true, description: 'Bank (开户银行)' }) @IsOptional() @Length(0, 50) bankName?: string | null;

  @Field(() => String, { nullable: true, description: 'Payment bank account (银行账号)' })
  @IsOptional()
  @Length(0, 32)
  bankAccount?: string | null;

  @Field(() => Residence, { nullable: true, description: 'Urban or rural (城乡属性)' }) @IsOptional() residence?: Residence;

  @Field(() => IncomeStability, {
    nullable: true,
    description: 'Steadiness of the income as found (收入稳定性); it sets the review class at the next approval, D§9',
  })
  @IsOptional()
  incomeStability?: IncomeStability;
}

@InputType('AddHouseholdMemberInput', { description: 'A new member of a household (增加家庭成员)' })
class AddHouseholdMemberInput {
  @Field(() => ID, { description: 'The household (家庭)' }) householdId: string;
  @Field(() => PersonInput, { description: 'The member (成员)' }) @ValidateNested() member: PersonInput;
}

@InputType('RemoveHouseholdMemberInput', { description: 'A member to remove (减少家庭成员)' })
class RemoveHouseholdMemberInput {
  @Field(() => ID, { description: 'The member, not the head (成员)' }) personId: string;
}

const HOUSEHOLD = { type: () => Household, description: 'The household after the change (变更后的家庭)' };
const CreateHouseholdPayload = payloadType<{ household: Household }>('CreateHousehold', 'The registered household (已登记家庭)', {
  household: HOUSEHOLD,
});
const UpdateHouseholdPayload = payloadType<{ household: Household }>('UpdateHousehold', 'The corrected household (已更正家庭)', {
  household: HOUSEHOLD,
});
const AddHouseholdMemberPayload = payloadType<{ person: Person; household: Household }>(
  'AddHouseholdMember',
  'The added member (新增成员)',
  { person: { type: () => Person, description: 'The new member (新成员)' }, household: HOUSEHOLD },
);
const RemoveHouseholdMemberPayload = payloadType<{ household: Household }>(
  'RemoveHouseholdMember',
  'The household without the member (减员后的家庭)',
  { household: HOUSEHOLD },
);
const HouseholdConnection = ConnectionType(Household, { name: 'Household', items: 'households', zh: '家庭' });

@Resolver(() => Household)
export class HouseholdResolver {
  @Command(
    UpdateHouseholdPayload,
    'update',
    'Household',
    "Correct a household's contact, payment or residence data (更正家庭信息), P4.1, P4.2.",
  )
  async updateHousehold(@Ctx() ctx: RequestContext, @Arg('input') input: UpdateHouseholdInput) {
    const { householdId, ...changes } = input;
    return {
      household: await ctx.services.households.update(ctx.caller, tenantKeyOfOrThrow(householdId, 'Household', 'householdId'), changes),
    };
  }

  @Command(AddHouseholdMemberPayload, 'update', 'Household', 'Add a member to a household (增加家庭成员).')
  async addHouseholdMember(@Ctx() ctx: RequestContext, @Arg('input') input: AddHouseholdMemberInput) {
    const key = tenantKeyOfOrThrow(input.householdId, 'Household', 'householdId');
    const person = await ctx.services.households.addMember(ctx.caller, key, input.member);
    return { person, household: await ctx.services.households.findOrThrow(ctx.caller, key) };
  }

  @Command(RemoveHouseholdMemberPayload, 'update', 'Household', 'Remove a member other than the head (减少家庭成员).')
  async removeHouseholdMember(@Ctx() ctx: RequestContext, @Arg('input') input: RemoveHouseholdMemberInput) {
    return { household: await ctx.services.households.removeMember(ctx.caller, tenantKeyOfOrThrow(input.personId, 'Person', 'personId')) };
  }

  @Command(CreateHouseholdPayload, 'create', 'Household', 'Register a household and its members (家庭登记), P4.1.')
  async createHousehold(@Ctx() ctx: RequestContext, @Arg('input') input: CreateHouseholdInput) {
    return { household: await ctx.services.households.create(ctx.caller, input) };
  }

  @ReadQuery(HouseholdConnection, 'Household', 'Households the caller may see (家庭列表), newest first; `search` matches member names.')
  households(
    @Ctx() ctx: RequestContext,
    @Args() page: PageArgs,
    @Arg('villageCode', () => String, { nullable: true }) villageCode?: string,
    @Arg('search', () => String, { nullable: true }) search?: string,
  ): Promise<Connection<Household>> {
    return ctx.services.households.list(ctx.caller, { villageCode, search }, page);
  }

  @ReadQuery(Household, 'Household', "One household by ID (家庭详情); NOT_FOUND outside the caller's scope.")
  household(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string): Promise<Household> {
    return ctx.services.households.findOrThrow(ctx.caller, tenantKeyOfOrThrow(id, 'Household'));
  }

  @FieldResolver(() => [Person], {
    nullable: true,
    description: 'Members (家庭成员) the caller may see; null for roles granted only payee fields',
  })
  members(@Root() household: Household, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo): Promise<Person[]> {
    return ctx.loaders.membersSelecting(objectFields(info)).load(household);
  }

  @FieldResolver(() => [Case], {
    nullable: true,
    description: 'Cases of this household (申请记录) the caller may see; null for roles granted only payee fields',
  })
  cases(@Root() household: Household, @Ctx() ctx: RequestContext): Promise<Case[]> {
    return ctx.loaders.casesByHouseholdKey.load({ districtCode: household.districtCode, id: household.id });
  }
}

@Resolver(() => Person)
export class PersonResolver {
  @FieldResolver(() => Household, { nullable: true, description: "The member's household (所属家庭), if visible to the caller" })
  household(@Root() person: Person, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo): Promise<Household | null> {
    return ctx.loaders.householdsSelecting(objectFields(info)).load({ districtCode: person.districtCode, id: person.householdId });
  }
}
