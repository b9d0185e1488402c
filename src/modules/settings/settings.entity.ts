import { defineEnum, EnumValue } from '../../graphql/define-enum';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { UpdatedAt, Varchar } from '../../db/fields';

/** The values a district has changed from the defaults; absent keys take the default. Keyed by
 * district, so it stays a small table next to the regions. */
@Entity('district_settings')
export class DistrictSettings {
  @PrimaryColumn({ type: 'varchar', length: 12 })
  districtCode: string;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  values: Record<string, number | null>;

  @UpdatedAt() updatedAt: Date;
}

/** Whether a listed day is off or worked (D§3). */
export const CalendarDayKind = defineEnum('CalendarDayKind', 'Kind of a calendar exception (节假日类型), D§3', {
  HOLIDAY: 'A public holiday, off work (法定节假日/放假)',
  WORKDAY: 'A make-up working day on a weekend (调休上班)',
});
export type CalendarDayKind = EnumValue<typeof CalendarDayKind>;

/** A district's calendar exceptions: public holidays (not counted by working-day deadlines) and the
 * make-up working days that bridge them (调休: a Saturday or Sunday that counts). */
@Entity('district_holidays')
export class DistrictHoliday {
  @PrimaryColumn({ type: 'varchar', length: 12 })
  districtCode: string;

  @PrimaryColumn({ type: 'date' })
  day: string;

  @Varchar(50) name: string;
  @Varchar(8, { default: 'HOLIDAY' }) kind: CalendarDayKind;
}
