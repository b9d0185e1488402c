import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { Department } from '../../../permissions/roles';

/**
 * A verification department a district uses (D§7), with the findings it answers. The departments
 * themselves are the integrations the API knows (`Department`, bound to their accounts' keys); which
 * of them a district asks, and what each is asked for, is the district's own data.
 */
@Entity('verification_departments')
export class VerificationDepartmentRow {
  @PrimaryColumn({ type: 'varchar', length: 12 })
  districtCode: string;

  @PrimaryColumn({ type: 'varchar', length: 32 })
  department: Department;

  @Column({ type: 'text' })
  findings: string;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

/** A category of LINSHI causes a district lists (D§6): the 12-month rule compares categories, not wording. */
@Entity('linshi_cause_categories')
export class LinshiCauseCategoryRow {
  @PrimaryColumn({ type: 'varchar', length: 12 })
  districtCode: string;

  @PrimaryColumn({ type: 'varchar', length: 32 })
  code: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

/**
 * What a new district starts with (D§7): the five departments every verification has gone to, in
 * use; veterans affairs, the disabled persons' federation and education listed but not in use until
 * the district turns them on, since each needs its integration account first, and a department in
 * use that nobody answers for would hold up every verification report.
 */
export const DEFAULT_VERIFICATION_DEPARTMENTS: readonly { department: Department; findings: string; active: boolean }[] = [
  { department: Department.PUBLIC_SECURITY, findings: '户籍、车辆 (household registration, vehicles)', active: true },
  { department: Department.TAX, findings: '纳税收入 (taxed income)', active: true },
  { department: Department.HR_SOCIAL_SECURITY, findings: '就业、社会保险、养老金 (employment, social insurance, pensions)', active: true },
  { department: Department.MARKET_REGULATION, findings: '工商登记 (business registration)', active: true },
  { department: Department.BANK, findings: '存款 (deposits)', active: true },
  { department: Department.VETERANS, findings: '优抚待遇 (veterans’ benefits)', active: false },
  {
    department: Department.DISABLED_FEDERATION,
    findings: '残疾人证、残疾人补贴 (disability certificate, disability allowances)',
    active: false,
  },
  { department: Department.EDUCATION, findings: '在校就读、教育资助 (enrolment in school, education grants)', active: false },
];

/** The LINSHI cause categories a new district starts with (D§6), which it may extend or retire. */
export const DEFAULT_LINSHI_CAUSE_CATEGORIES: readonly { code: string; name: string }[] = [
  { code: 'FIRE', name: '火灾 (fire)' },
  { code: 'NATURAL_DISASTER', name: '自然灾害 (natural disaster: flood, storm, earthquake)' },
  { code: 'TRAFFIC_ACCIDENT', name: '交通事故 (traffic accident)' },
  { code: 'OTHER_ACCIDENT', name: '其他意外事件 (other accident)' },
  { code: 'SERIOUS_ILLNESS', name: '突发重大疾病 (sudden serious illness)' },
  { code: 'ESSENTIAL_EXPENSE', name: '生活必需支出突然增加 (sudden rise in essential expenses)' },
];

/** Writes a new district's catalogues (D§6, D§7), in the transaction that creates the district. */
export async function insertDefaultCatalogues(manager: EntityManager, districtCode: string): Promise<void> {
  await manager.insert(
    VerificationDepartmentRow,
    DEFAULT_VERIFICATION_DEPARTMENTS.map((d) => ({ districtCode, ...d })),
  );
  await manager.insert(
    LinshiCauseCategoryRow,
    DEFAULT_LINSHI_CAUSE_CATEGORIES.map((c) => ({ districtCode, ...c, active: true })),
  );
}
