import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** The values a district has changed from the defaults; absent keys take the default. Keyed by
 * district, so it stays a small table next to the regions. */
@Entity('district_settings')
export class DistrictSettings {
  @PrimaryColumn({ type: 'varchar', length: 12 })
  districtCode: string;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  values: Record<string, number | null>;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

/** Public holidays of a district (and make-up working days are out of scope): working-day
 * deadlines skip weekends and these dates. */
@Entity('district_holidays')
export class DistrictHoliday {
  @PrimaryColumn({ type: 'varchar', length: 12 })
  districtCode: string;

  @PrimaryColumn({ type: 'date' })
  day: string;

  @Column({ type: 'varchar', length: 50 })
  name: string;
}
