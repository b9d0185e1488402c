import { Arg, Ctx, Field, FieldResolver, InputType, Int, Resolver, Root } from 'type-graphql';
import { IsInt, IsOptional, Length, Min } from 'class-validator';
import type { RequestContext } from '../../graphql/context';
import { Command, ReadQuery } from '../../graphql/guards';
import { payloadType } from '../../graphql/payload';
import { Region, RegionKind } from './region.entity';
import { RegionLevel } from './region-code';

@InputType({ description: 'A new place (新增区划)' })
class CreateRegionInput {
  @Field({ description: '12-digit statistical division code (统计用区划代码); its parent must exist' }) code: string;
  @Field({ description: 'Name (名称)' }) @Length(1, 100) name: string;
  @Field(() => RegionKind, { description: 'Kind of body (类型)' }) kind: RegionKind;
  @Field(() => Int, { defaultValue: 0, description: 'Resident population (常住人口)' }) @IsInt() @Min(0) population: number;
}

@InputType({ description: 'Changes to a place (修改区划); omitted fields stay as they are' })
class UpdateRegionInput {
  @Field({ description: '12-digit code of the place (区划代码)' }) code: string;
  @Field({ nullable: true, description: 'Name (名称)' }) @IsOptional() @Length(1, 100) name?: string;
  @Field(() => RegionKind, { nullable: true, description: 'Kind of body (类型)' }) @IsOptional() kind?: RegionKind;
  @Field(() => Int, { nullable: true, description: 'Resident population (常住人口)' }) @IsOptional() @IsInt() @Min(0) population?: number;
}

const REGION = { type: () => Region, description: 'The place (区划)' };
const CreateRegionPayload = payloadType<{ region: Region }>('CreateRegion', 'The registered place (新区划)', { region: REGION });
const UpdateRegionPayload = payloadType<{ region: Region }>('UpdateRegion', 'The changed place (修改后的区划)', { region: REGION });

@Resolver(() => Region)
export class RegionResolver {
  @ReadQuery([Region], 'Region', 'Places the caller may see (区划列表), optionally under a parent or at a level.')
  regions(
    @Ctx() ctx: RequestContext,
    @Arg('parentCode', () => String, { nullable: true }) parentCode?: string,
    @Arg('level', () => RegionLevel, { nullable: true }) level?: RegionLevel,
  ): Promise<Region[]> {
    return ctx.services.regions.list(ctx.caller, { parentCode, level });
  }

  @ReadQuery(Region, 'Region', "One place by its code (按代码查区划); NOT_FOUND outside the caller's scope.")
  region(@Ctx() ctx: RequestContext, @Arg('code') code: string): Promise<Region> {
    return ctx.services.regions.findByCodeOrThrow(ctx.caller, code);
  }

  @Command(CreateRegionPayload, 'create', 'Region', 'Register a place (新增区划); ADMIN of the district.')
  async createRegion(@Ctx() ctx: RequestContext, @Arg('input') input: CreateRegionInput) {
    return { region: await ctx.services.regions.create(ctx.caller, input) };
  }

  @Command(UpdateRegionPayload, 'update', 'Region', 'Rename a place or update its population (修改区划); ADMIN of the district.')
  async updateRegion(@Ctx() ctx: RequestContext, @Arg('input') input: UpdateRegionInput) {
    const { code, ...changes } = input;
    return { region: await ctx.services.regions.update(ctx.caller, code, changes) };
  }

  @FieldResolver(() => Region, { nullable: true, description: 'Parent place (上级区划), if visible to the caller' })
  parent(@Root() region: Region, @Ctx() ctx: RequestContext): Promise<Region | null> {
    return region.parentCode ? ctx.loaders.regionByCode.load(region.parentCode) : Promise.resolve(null);
  }

  @FieldResolver(() => [Region], { description: 'Places directly under this one (下级区划) that the caller may see' })
  children(@Root() region: Region, @Ctx() ctx: RequestContext): Promise<Region[]> {
    return ctx.loaders.regionsByParentCode.load(region.code);
  }
}
