import { Arg, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { IsOptional, Length, ValidateNested } from 'class-validator';
import type { RequestContext } from '../../graphql/context';
import { Needs } from '../../graphql/guards';
import { keyOfOrThrow } from '../account/account.resolver';
import { badInput } from '../../errors';
import { Case } from '../case/case.entity';
import { Household, LabourCapacity, Person, Relation, Residence } from './household.entity';
import { parseTenantKey, TenantKey } from '../../db/tenant-keys';

/** Decodes a global ID of a tenant row (`Type:<district>:<uuid>`). */
export function tenantKeyOfOrThrow(id: string, type: string): TenantKey {
  const key = parseTenantKey(keyOfOrThrow(id, type));
  if (!key) throw badInput('id', 'id.notOfType', { id, type });
  return key;
}

@InputType({ description: 'A household member (家庭成员)' })
class PersonInput {
  @Field({ description: 'Name (姓名)' })
  @Length(1, 50)
  name: string;

  @Field({ description: '18-character resident ID number (身份证号码), checked with its check digit' })
  idNumber: string;

  @Field(() => Relation, { description: 'Relation to the head (与户主关系)' })
  relation: Relation;

  @Field(() => LabourCapacity, { description: 'Ability to work (劳动能力)' })
  labourCapacity: LabourCapacity;

  @Field({ defaultValue: false, description: 'Holds a disability certificate (持残疾证)' })
  disabled: boolean;

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
  @Field({ description: 'Village or community code (村/社区代码)' })
  villageCode: string;

  @Field(() => Residence, { description: 'Urban or rural (城乡属性)' })
  residence: Residence;

  @Field({ description: 'Detailed address (详细住址)' })
  @Length(1, 200)
  address: string;

  @Field(() => String, { nullable: true, description: 'Phone (联系电话)' })
  @IsOptional()
  @Length(5, 20)
  phone?: string | null;

  @Field(() => String, { nullable: true, description: 'Bank of the payment account (开户银行)' })
  @IsOptional()
  @Length(1, 50)
  bankName?: string | null;

  @Field(() => String, { nullable: true, description: 'Payment bank account (银行账号)' })
  @IsOptional()
  @Length(8, 32)
  bankAccount?: string | null;

  @Field(() => [PersonInput], { description: 'Members, exactly one of them HEAD (家庭成员)' })
  @ValidateNested({ each: true })
  members: PersonInput[];
}

@InputType({ description: 'Corrections to a household (家庭信息更正); omitted fields stay as they are' })
class UpdateHouseholdInput {
  @Field(() => String, { nullable: true, description: 'Detailed address (详细住址)' })
  @IsOptional()
  @Length(1, 200)
  address?: string;

  @Field(() => String, { nullable: true, description: 'Phone (联系电话)' })
  @IsOptional()
  @Length(0, 20)
  phone?: string | null;

  @Field(() => String, { nullable: true, description: 'Bank (开户银行)' })
  @IsOptional()
  @Length(0, 50)
  bankName?: string | null;

  @Field(() => String, { nullable: true, description: 'Payment bank account (银行账号)' })
  @IsOptional()
  @Length(0, 32)
  bankAccount?: string | null;

  @Field(() => Residence, { nullable: true, description: 'Urban or rural (城乡属性)' })
  @IsOptional()
  residence?: Residence;
}

@Resolver(() => Household)
export class HouseholdResolver {
  @Mutation(() => Household, { description: 'Correct a household\'s contact, payment or residence data (更正家庭信息), P4.1, P4.2.' })
  @Needs('update', 'Household')
  updateHousehold(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('input') input: UpdateHouseholdInput): Promise<Household> {
    return ctx.services.households.update(ctx, tenantKeyOfOrThrow(id, 'Household'), input);
  }

  @Mutation(() => Person, { description: 'Add a member to a household (增加家庭成员).' })
  @Needs('update', 'Household')
  addHouseholdMember(@Ctx() ctx: RequestContext, @Arg('householdId', () => ID) householdId: string, @Arg('member') member: PersonInput): Promise<Person> {
    return ctx.services.households.addMember(ctx, tenantKeyOfOrThrow(householdId, 'Household'), member);
  }

  @Mutation(() => Household, { description: 'Remove a member other than the head (减少家庭成员).' })
  @Needs('update', 'Household')
  removeHouseholdMember(@Ctx() ctx: RequestContext, @Arg('personId', () => ID) personId: string): Promise<Household> {
    return ctx.services.households.removeMember(ctx, tenantKeyOfOrThrow(personId, 'Person'));
  }

  @Mutation(() => Household, { description: 'Register a household and its members (家庭登记), P4.1.' })
  @Needs('create', 'Household')
  createHousehold(@Ctx() ctx: RequestContext, @Arg('input') input: CreateHouseholdInput): Promise<Household> {
    return ctx.services.households.create(ctx, input);
  }

  @Query(() => [Household], { description: 'Households the caller may see (家庭列表); `search` matches member names.' })
  @Needs('read', 'Household')
  households(
    @Ctx() ctx: RequestContext,
    @Arg('villageCode', () => String, { nullable: true }) villageCode?: string,
    @Arg('search', () => String, { nullable: true }) search?: string,
    @Arg('first', () => Int, { defaultValue: 50, description: 'At most this many (1–100)' }) first = 50,
  ): Promise<Household[]> {
    if (first < 1 || first > 100) throw badInput('first', 'page.first.range', { max: 100 });
    return ctx.services.households.list(ctx, { villageCode, search }, first);
  }

  @Query(() => Household, { description: 'One household by ID (家庭详情); NOT_FOUND outside the caller\'s scope.' })
  @Needs('read', 'Household')
  household(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string): Promise<Household> {
    return ctx.services.households.findOrThrow(ctx, tenantKeyOfOrThrow(id, 'Household'));
  }

  @FieldResolver(() => [Person], { description: 'Members (家庭成员) the caller may see' })
  members(@Root() household: Household, @Ctx() ctx: RequestContext): Promise<Person[]> {
    return ctx.loaders.membersByHouseholdKey.load(household);
  }

  @FieldResolver(() => [Case], { description: 'Cases of this household (申请记录) the caller may see' })
  cases(@Root() household: Household, @Ctx() ctx: RequestContext): Promise<Case[]> {
    return ctx.loaders.casesByHouseholdKey.load({ districtCode: household.districtCode, id: household.id });
  }
}

@Resolver(() => Person)
export class PersonResolver {
  @FieldResolver(() => Household, { nullable: true, description: 'The member\'s household (所属家庭), if visible to the caller' })
  household(@Root() person: Person, @Ctx() ctx: RequestContext): Promise<Household | null> {
    return ctx.loaders.householdByKey.load({ districtCode: person.districtCode, id: person.householdId });
  }
}
