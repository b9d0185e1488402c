import { assertCan } from '../../auth/authorize';
import { assertDateOrThrow, badInput, DomainError, ErrorCode, textOrThrow } from '../../errors';
import { message } from '../../i18n/message';
import type { Caller } from '../../auth/caller';
import { CalendarDayKind, DistrictHoliday, DistrictSettings } from './settings.entity';
import type { WorkingCalendar } from './working-days';
import { defaultSettings, SETTING_DEFINITIONS, SettingKey, Settings } from './settings-definitions';
import type { AuditService } from '../audit/audit.service';
import type { DataAccess } from '../../db/data-access';
import type { Department } from '../../../permissions/roles';
import { LinshiCauseCategoryRow, VerificationDepartmentRow } from './catalogues';

export interface DistrictCatalogues {
  departments: VerificationDepartmentRow[];
  causes: LinshiCauseCategoryRow[];
}

/** A cause category's code: upper case, as the API's other codes (`FIRE`, `NATURAL_DISASTER`). */
const CATEGORY_CODE = /^[A-Z][A-Z0-9_]{1,31}$/;

export interface DistrictCalendar extends WorkingCalendar {
  settings: Settings;
  /** Names of the listed days, for the settings view. */
  names: ReadonlyMap<string, string>;
}

/** A district's settings (defaults overlaid with its own values) and holidays. */
export class SettingsService {
  constructor(
    private readonly data: DataAccess,
    private readonly audit: AuditService,
  ) {}

  async calendarOf(districtCode: string): Promise<DistrictCalendar> {
    const [row, holidays] = await Promise.all([
      this.data.system('read district settings and holidays').getRepository(DistrictSettings).findOneBy({ districtCode }),
      this.data.system('read district settings and holidays').getRepository(DistrictHoliday).findBy({ districtCode }),
    ]);
    const daysOf = (kind: CalendarDayKind) => new Set(holidays.filter((h) => h.kind === kind).map((h) => h.day));
    return {
      settings: { ...defaultSettings(), ...(row?.values ?? {}) },
      holidays: daysOf(CalendarDayKind.HOLIDAY),
      workdays: daysOf(CalendarDayKind.WORKDAY),
      names: new Map(holidays.map((h) => [h.day, h.name])),
    };
  }

  async read(caller: Caller): Promise<DistrictCalendar & { districtCode: string }> {
    assertCan(caller, 'read', 'Settings', { districtCode: caller.actor!.districtCode });
    return { districtCode: caller.actor!.districtCode, ...(await this.calendarOf(caller.actor!.districtCode)) };
  }

  /** Sets one value (null = back to the default, or "none" where allowed) within its bounds. */
  async update(caller: Caller, key: string, value: number | null): Promise<void> {
    const districtCode = caller.actor!.districtCode;
    assertCan(caller, 'update', 'Settings', { districtCode });
    const definition = checkSettingOrThrow(key, value);
    await this.data.system('write a change the caller was allowed').transaction(async (manager) => {
      const row =
        (await manager.findOneBy(DistrictSettings, { districtCode })) ??
        Object.assign(new DistrictSettings(), { districtCode, values: {} });
      const values = { ...row.values };
      if (value === null && !('nullable' in definition && definition.nullable)) delete values[key];
      else values[key] = value;
      await manager.save(DistrictSettings, { ...row, values });
      await this.audit.recordChange(manager, caller, {
        action: 'update',
        subjectType: 'Settings',
        subjectId: key,
        districtCode,
        details: { key, value },
      });
    });
  }

  /** The verification departments and LINSHI cause categories of a district, in use or not (D§6, D§7). */
  async cataloguesOf(districtCode: string): Promise<DistrictCatalogues> {
    const [departments, causes] = await Promise.all([
      this.data
        .system('read district settings and holidays')
        .getRepository(VerificationDepartmentRow)
        .find({ where: { districtCode }, order: { department: 'ASC' } }),
      this.data
        .system('read district settings and holidays')
        .getRepository(LinshiCauseCategoryRow)
        .find({ where: { districtCode }, order: { code: 'ASC' } }),
    ]);
    return { departments, causes };
  }

  /** The departments a district's verifications go to (D§7). */
  async departmentsInUse(districtCode: string): Promise<Department[]> {
    return (await this.cataloguesOf(districtCode)).departments.filter((d) => d.active).map((d) => d.department);
  }

  /** A LINSHI cause category the district uses (D§6); anything else is refused naming `field`. */
  async causeCategoryOrThrow(districtCode: string, code: string, field: string): Promise<LinshiCauseCategoryRow> {
    const category = (await this.cataloguesOf(districtCode)).causes.find((c) => c.code === code && c.active);
    if (!category) throw badInput(field, 'catalogue.causeCategory.unknown', { code });
    return category;
  }

  /** The district says whether it asks a department in its verifications, and what for (D§7). */
  async setVerificationDepartment(caller: Caller, department: Department, findings: string, active: boolean): Promise<void> {
    const districtCode = this.catalogueOf(caller);
    const row = { department, findings: textOrThrow(findings, 'findings', 500), active };
    await this.setCatalogueRow(
      caller,
      'setVerificationDepartment',
      department,
      VerificationDepartmentRow,
      { districtCode, ...row },
      'department',
    );
  }

  /** The district lists, renames or retires a LINSHI cause category (D§6). A retired category stays
   * on the cases that cite it, and still counts for the repeat rule; new applications cannot use it. */
  async setLinshiCauseCategory(caller: Caller, code: string, name: string, active: boolean): Promise<void> {
    const districtCode = this.catalogueOf(caller);
    if (!CATEGORY_CODE.test(code)) throw badInput('code', 'catalogue.causeCategory.code', { code });
    const row = { code, name: textOrThrow(name, 'name', 100), active };
    await this.setCatalogueRow(caller, 'setLinshiCauseCategory', code, LinshiCauseCategoryRow, { districtCode, ...row }, 'code');
  }

  /** The caller's district, whose catalogues the caller may change (D§7). */
  private catalogueOf(caller: Caller): string {
    const districtCode = caller.actor!.districtCode;
    assertCan(caller, 'update', 'DistrictCatalogue', { districtCode });
    return districtCode;
  }

  /** Writes a catalogue row, keyed by its district and `key`, with the audit entry of the change. */
  private async setCatalogueRow<R extends { districtCode: string }>(
    caller: Caller,
    action: string,
    subjectId: string,
    entity: typeof VerificationDepartmentRow | typeof LinshiCauseCategoryRow,
    row: R,
    key: keyof R & string,
  ): Promise<void> {
    await this.data.system('write a change the caller was allowed').transaction(async (manager) => {
      await manager.upsert(entity, row, ['districtCode', key]);
      const { districtCode, ...details } = row;
      await this.audit.recordChange(manager, caller, { action, subjectType: 'DistrictCatalogue', subjectId, districtCode, details });
    });
  }

  /** Adds (with a name) or removes (without) a public holiday or a make-up working day (D§3). */
  async setHoliday(caller: Caller, day: string, name: string | null, kind: CalendarDayKind = CalendarDayKind.HOLIDAY): Promise<void> {
    const districtCode = caller.actor!.districtCode;
    assertCan(caller, 'update', 'Settings', { districtCode });
    assertDateOrThrow(day, 'day');
    if (name !== null && (!name.trim() || name.length > 50)) throw badInput('name', 'input.text.length', { field: 'name', max: 50 });
    await this.data.system('write a change the caller was allowed').transaction(async (manager) => {
      if (name === null) await manager.delete(DistrictHoliday, { districtCode, day });
      else await manager.upsert(DistrictHoliday, { districtCode, day, name, kind }, ['districtCode', 'day']);
      await this.audit.recordChange(manager, caller, {
        action: name === null ? 'removeHoliday' : 'setHoliday',
        subjectType: 'Settings',
        subjectId: day,
        districtCode,
        details: { day, name, kind },
      });
    });
  }
}

/**
 * The definition of a setting, once `value` is checked against it: a known key, within the law's
 * floor or ceiling (refused with the rule, D§3, D§4) and the sanity bounds. Used for a district's own
 * change and for the settings a new district starts with.
 */
export function checkSettingOrThrow(key: string, value: number | null): (typeof SETTING_DEFINITIONS)[SettingKey] {
  // Own keys only: `toString` or `constructor` would otherwise find what every object inherits.
  const definition = Object.hasOwn(SETTING_DEFINITIONS, key)
    ? (SETTING_DEFINITIONS as Record<string, (typeof SETTING_DEFINITIONS)[SettingKey]>)[key]
    : undefined;
  if (!definition) throw badInput('key', 'settings.unknown', { key });
  if (value !== null) {
    const { floor, ceiling, clause, rule } = definition.legal;
    // A statutory floor or ceiling is the law, not the district's choice: refused with the rule (D§3, D§4).
    if (floor !== null && value < floor) {
      throw new DomainError(
        ErrorCode.BAD_USER_INPUT,
        { ...message('settings.value.belowFloor', { key, floor, rule }), clause },
        { field: 'value' },
      );
    }
    if (ceiling !== null && value > ceiling) {
      throw new DomainError(
        ErrorCode.BAD_USER_INPUT,
        { ...message('settings.value.aboveCeiling', { key, ceiling, rule }), clause },
        { field: 'value' },
      );
    }
    if (!Number.isFinite(value) || value < definition.min || value > definition.max) {
      throw badInput('value', 'settings.value.range', { key, min: definition.min, max: definition.max });
    }
    if (definition.integer && !Number.isInteger(value)) throw badInput('value', 'settings.value.integer', { key });
  }
  return definition;
}
