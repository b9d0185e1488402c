import { Arg, Ctx, Field, InputType, ObjectType, Resolver } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { Command, ReadQuery } from '../../graphql/guards';
import { payloadType } from '../../graphql/payload';
import { CalendarDateScalar, DecimalScalar } from '../../graphql/scalars';
import { currentLanguage } from '../../i18n/language';
import { CalendarDayKind } from './settings.entity';
import { Department } from '../../../permissions/roles';
import { SETTING_DEFINITIONS, SETTING_KEYS } from './settings-definitions';

@ObjectType('Setting', { description: 'A number the district sets (区级参数), with its default and the clause it comes from.' })
class SettingView {
  @Field({ description: 'Key (参数名)' }) key: string;
  @Field(() => DecimalScalar, { nullable: true, description: 'Value in force (当前值); null = none' }) value: number | null;
  @Field(() => DecimalScalar, { nullable: true, description: 'Default (默认值)' }) defaultValue: number | null;
  @Field({ description: 'Meaning (说明)' }) description: string;
  @Field({ description: 'Clause (依据)' }) clause: string;

  @Field(() => DecimalScalar, { nullable: true, description: 'Smallest value the law allows (法定下限); null when the law sets none' })
  legalFloor: number | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Largest value the law allows (法定上限); null when the law sets none' })
  legalCeiling: number | null;

  @Field({ description: "The legal rule in words (法定依据), in the request's language, with its clause in `legalClause`" })
  legalRule: string;

  @Field({ description: 'Clause of the legal rule (法定依据条款)' }) legalClause: string;
}

@ObjectType('Holiday', {
  description:
    'A calendar exception of the district (节假日): a public holiday skipped by working-day deadlines, or a make-up working day counted by them.',
})
class HolidayView {
  @Field(() => CalendarDateScalar, { description: 'Day (日期)' }) day: string;
  @Field({ description: 'Name (名称), e.g. 春节 or 春节调休上班' }) name: string;
  @Field(() => CalendarDayKind, { description: 'Off or worked (放假/调休上班)' }) kind: CalendarDayKind;
}

@ObjectType('VerificationDepartment', {
  description: 'A department the district may ask in its economic-status verifications (核对部门), with what it answers, D§7.',
})
class VerificationDepartmentView {
  @Field(() => Department, { description: 'The department, as its integration accounts are bound to it (部门)' }) department: Department;
  @Field({ description: 'What it answers (核对事项), e.g. 户籍、车辆' }) findings: string;

  @Field({ description: 'Asked in the verifications of the district (使用中); a new request goes to every department in use' })
  active: boolean;
}

@ObjectType('LinshiCauseCategory', {
  description: 'A category of temporary-assistance causes (临时救助事由类别), D§6: the 12-month rule compares categories, not wording.',
})
class LinshiCauseCategoryView {
  @Field({ description: 'Code (类别代码), as an application gives it in `causeCategory`' }) code: string;
  @Field({ description: 'Name (类别名称)' }) name: string;
  @Field({ description: 'Open to new applications (使用中); a retired category stays on the cases that cite it' }) active: boolean;
}

@ObjectType('DistrictSettings', { description: "The settings of the caller's district (区级参数)." })
class DistrictSettingsView {
  @Field({ description: 'District code (区代码)' }) districtCode: string;
  @Field(() => [SettingView], { description: 'Settings (参数)' }) values: SettingView[];
  @Field(() => [HolidayView], { description: 'Holidays (节假日)' }) holidays: HolidayView[];

  @Field(() => [VerificationDepartmentView], { description: 'Verification departments, in use or not (核对部门), D§7' })
  verificationDepartments: VerificationDepartmentView[];

  @Field(() => [LinshiCauseCategoryView], { description: 'Temporary-assistance cause categories, in use or not (临时救助事由类别), D§6' })
  linshiCauseCategories: LinshiCauseCategoryView[];
}

@InputType('SetVerificationDepartmentInput', { description: 'Whether and for what the district asks a department (核对部门设置), D§7' })
class SetVerificationDepartmentInput {
  @Field(() => Department, { description: 'The department (部门)' }) department: Department;
  @Field({ description: 'What it answers (核对事项)' }) findings: string;
  @Field({ description: 'Ask it in new verifications (使用)' }) active: boolean;
}

@InputType('SetLinshiCauseCategoryInput', {
  description: 'A temporary-assistance cause category to list, rename or retire (事由类别设置), D§6',
})
class SetLinshiCauseCategoryInput {
  @Field({ description: 'Code (类别代码): upper-case letters, digits and underscores' }) code: string;
  @Field({ description: 'Name (类别名称)' }) name: string;
  @Field({ description: 'Open to new applications (使用)' }) active: boolean;
}

@InputType('UpdateSettingInput', { description: 'One district setting (区级参数)' })
class UpdateSettingInput {
  @Field({ description: 'Key (参数名), as listed by `settings`' }) key: string;
  @Field(() => DecimalScalar, { nullable: true, description: 'New value; null restores the default (新值)' }) value?: number | null;
}

@InputType('SetHolidayInput', { description: 'A holiday to add or remove (节假日)' })
class SetHolidayInput {
  @Field(() => CalendarDateScalar, { description: 'Day (日期)' }) day: string;
  @Field(() => String, { nullable: true, description: 'Name to add the day; omit to remove it (名称)' }) name?: string | null;

  @Field(() => CalendarDayKind, {
    defaultValue: CalendarDayKind.HOLIDAY,
    description: 'A holiday off work, or a make-up working day (类型)',
  })
  kind: CalendarDayKind;
}

const SETTINGS = { type: () => DistrictSettingsView, description: "The district's settings after the change (变更后的参数)" };
const UpdateSettingPayload = payloadType<{ settings: DistrictSettingsView }>('UpdateSetting', 'The settings (区级参数)', {
  settings: SETTINGS,
});
const SetVerificationDepartmentPayload = payloadType<{ settings: DistrictSettingsView }>(
  'SetVerificationDepartment',
  'The settings with the verification departments (区级参数)',
  { settings: SETTINGS },
);
const SetLinshiCauseCategoryPayload = payloadType<{ settings: DistrictSettingsView }>(
  'SetLinshiCauseCategory',
  'The settings with the cause categories (区级参数)',
  { settings: SETTINGS },
);
const SetHolidayPayload = payloadType<{ settings: DistrictSettingsView }>('SetHoliday', 'The settings with the holidays (区级参数)', {
  settings: SETTINGS,
});

async function settingsView(ctx: RequestContext): Promise<DistrictSettingsView> {
  const { districtCode, settings, holidays, workdays, names } = await ctx.services.settings.read(ctx.caller);
  const catalogues = await ctx.services.settings.cataloguesOf(districtCode);
  return {
    verificationDepartments: catalogues.departments,
    linshiCauseCategories: catalogues.causes,
    districtCode,
    values: SETTING_KEYS.map((key) => ({
      key,
      value: settings[key],
      defaultValue: SETTING_DEFINITIONS[key].default,
      description: SETTING_DEFINITIONS[key].description,
      clause: SETTING_DEFINITIONS[key].clause,
      legalFloor: SETTING_DEFINITIONS[key].legal.floor,
      legalCeiling: SETTING_DEFINITIONS[key].legal.ceiling,
      legalRule: SETTING_DEFINITIONS[key].legal.rule[currentLanguage()],
      legalClause: SETTING_DEFINITIONS[key].legal.clause,
    })),
    holidays: [
      ...[...holidays].map((day) => ({ day, name: names.get(day)!, kind: CalendarDayKind.HOLIDAY })),
      ...[...workdays].map((day) => ({ day, name: names.get(day)!, kind: CalendarDayKind.WORKDAY })),
    ].sort((a, b) => a.day.localeCompare(b.day)),
  };
}

@Resolver()
export class SettingsResolver {
  @ReadQuery(DistrictSettingsView, 'Settings', "Deadlines, standards and limits of the caller's district (区级参数).")
  settings(@Ctx() ctx: RequestContext): Promise<DistrictSettingsView> {
    return settingsView(ctx);
  }

  @Command(
    UpdateSettingPayload,
    'update',
    'Settings',
    'Set one district setting (设置区级参数); null restores the default. DISTRICT_OFFICER, P4.3.',
  )
  async updateSetting(@Ctx() ctx: RequestContext, @Arg('input') input: UpdateSettingInput) {
    await ctx.services.settings.update(ctx.caller, input.key, input.value ?? null);
    return { settings: await settingsView(ctx) };
  }

  @Command(
    SetVerificationDepartmentPayload,
    'update',
    'DistrictCatalogue',
    'Say whether the district asks a department in its verifications, and what it answers (设置核对部门); new requests go to every department in use. DISTRICT_OFFICER, D§7.',
  )
  async setVerificationDepartment(@Ctx() ctx: RequestContext, @Arg('input') input: SetVerificationDepartmentInput) {
    await ctx.services.settings.setVerificationDepartment(ctx.caller, input.department, input.findings, input.active);
    return { settings: await settingsView(ctx) };
  }

  @Command(
    SetLinshiCauseCategoryPayload,
    'update',
    'DistrictCatalogue',
    'List, rename or retire a temporary-assistance cause category (设置临时救助事由类别); applications name one. DISTRICT_OFFICER, D§6.',
  )
  async setLinshiCauseCategory(@Ctx() ctx: RequestContext, @Arg('input') input: SetLinshiCauseCategoryInput) {
    await ctx.services.settings.setLinshiCauseCategory(ctx.caller, input.code, input.name, input.active);
    return { settings: await settingsView(ctx) };
  }

  @Command(
    SetHolidayPayload,
    'update',
    'Settings',
    'Add (with a name) or remove (without) a public holiday or a make-up working day (设置节假日/调休上班日). DISTRICT_OFFICER, D§3.',
  )
  async setHoliday(@Ctx() ctx: RequestContext, @Arg('input') input: SetHolidayInput) {
    await ctx.services.settings.setHoliday(ctx.caller, input.day, input.name ?? null, input.kind);
    return { settings: await settingsView(ctx) };
  }
}
