import { Arg, Ctx, Field, Float, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { Needs } from '../../graphql/guards';
import { SETTING_DEFINITIONS, SETTING_KEYS } from './settings-definitions';

@ObjectType('Setting', { description: 'A number the district sets (区级参数), with its default and the clause it comes from.' })
class SettingView {
  @Field({ description: 'Key (参数名)' })
  key: string;

  @Field(() => Float, { nullable: true, description: 'Value in force (当前值); null = none' })
  value: number | null;

  @Field(() => Float, { nullable: true, description: 'Default (默认值)' })
  defaultValue: number | null;

  @Field({ description: 'Meaning (说明)' })
  description: string;

  @Field({ description: 'Clause (依据)' })
  clause: string;
}

@ObjectType('Holiday', { description: 'A public holiday of the district (节假日), skipped by working-day deadlines.' })
class HolidayView {
  @Field({ description: 'Day YYYY-MM-DD (日期)' })
  day: string;
}

@ObjectType('DistrictSettings', { description: 'The settings of the caller\'s district (区级参数).' })
class DistrictSettingsView {
  @Field({ description: 'District code (区代码)' })
  districtCode: string;

  @Field(() => [SettingView], { description: 'Settings (参数)' })
  values: SettingView[];

  @Field(() => [HolidayView], { description: 'Holidays (节假日)' })
  holidays: HolidayView[];
}

@Resolver()
export class SettingsResolver {
  @Query(() => DistrictSettingsView, { nullable: true, description: 'Deadlines, standards and limits of the caller\'s district (区级参数).' })
  @Needs('read', 'Settings')
  async settings(@Ctx() ctx: RequestContext): Promise<DistrictSettingsView> {
    const { districtCode, settings, holidays } = await ctx.services.settings.read(ctx);
    return {
      districtCode,
      values: SETTING_KEYS.map((key) => ({
        key, value: settings[key], defaultValue: SETTING_DEFINITIONS[key].default,
        description: SETTING_DEFINITIONS[key].description, clause: SETTING_DEFINITIONS[key].clause,
      })),
      holidays: [...holidays].sort().map((day) => ({ day })),
    };
  }

  @Mutation(() => Boolean, { description: 'Set one district setting (设置区级参数); null restores the default. DISTRICT_OFFICER, P4.3.' })
  @Needs('update', 'Settings')
  async updateSetting(@Ctx() ctx: RequestContext, @Arg('key') key: string, @Arg('value', () => Float, { nullable: true }) value: number | null): Promise<boolean> {
    await ctx.services.settings.update(ctx, key, value ?? null);
    return true;
  }

  @Mutation(() => Boolean, { description: 'Add (with a name) or remove (without) a holiday (设置节假日). DISTRICT_OFFICER.' })
  @Needs('update', 'Settings')
  async setHoliday(@Ctx() ctx: RequestContext, @Arg('day') day: string, @Arg('name', () => String, { nullable: true }) name?: string): Promise<boolean> {
    await ctx.services.settings.setHoliday(ctx, day, name ?? null);
    return true;
  }
}

