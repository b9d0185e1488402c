import { Node, tenantGlobalId } from '../../graphql/node';
import { DistrictRow, TenantRelation, VillageRow } from '../../db/tenant-row';
import { Column, Entity, Index } from 'typeorm';
import { Case } from '../case/case.entity';
import { Field, ID, ObjectType } from 'type-graphql';
import { defineEnum, EnumValue } from '../../graphql/define-enum';
import { Department } from '../../../permissions/roles';
import { CreatedAt, Enum, Json, Text, Timestamp, Uuid, Varchar } from '../../db/fields';

export const VerificationStatus = defineEnum('VerificationStatus', 'Where an economic-status verification stands (核对状态), D§7', {
  REQUESTED: 'Requested by the township (乡镇已申请)',
  DISPATCHED: 'Approved by the district and sent to the departments (区级已审批, 已分发部门)',
  REPORT_APPROVED: 'Combined report approved by the district (核对报告已审批)',
});
export type VerificationStatus = EnumValue<typeof VerificationStatus>;

/** Economic-status verification (核对) of a case's household (D§7, P4.3). */
@Entity('verification_requests')
@Index(['districtCode', 'caseId'])
@Index(['districtCode', 'requestedAt', 'id'])
@ObjectType('VerificationRequest', { implements: Node, description: 'Economic-status verification of a case (经济状况核对).' })
export class VerificationRequest extends VillageRow {
  @Uuid() caseId: string;

  @TenantRelation(() => Case, 'case_id', 'CASCADE')
  case?: Case;

  @Enum(VerificationStatus, 20, 'Status (状态)') status: VerificationStatus;

  @Column({ type: 'varchar', length: 32, array: true })
  @Field(() => [Department], { description: 'Departments asked (核对部门)' })
  departments: Department[];

  @Uuid() requestedById: string;
  @CreatedAt('Requested at (申请时间)') requestedAt: Date;
  @Timestamp('Report approved at (报告审批时间)', { nullable: true }) reportApprovedAt: Date | null;
}

@ObjectType('VerificationSubject', { description: 'A person a department checks (核对对象): only what it needs to find its records' })
class VerificationSubject {
  @Field({ description: 'Name (姓名)' })
  name: string;

  @Field({ description: 'ID number (身份证号码)' })
  idNumber: string;
}

/**
 * One department's part of a verification. It carries a copy of only the identity fields the
 * department needs (names and ID numbers), so a department never reads households or persons.
 */
@Entity('verification_answers')
@Index(['districtCode', 'departmentCode', 'answeredAt'])
@Index(['districtCode', 'createdAt', 'id'])
@ObjectType('VerificationAnswer', {
  implements: Node,
  description: 'A verification request as a department sees it, and its answer (部门核对).',
})
export class VerificationAnswer extends DistrictRow {
  @Uuid() requestId: string;

  @Field(() => ID, { name: 'requestId', description: 'The verification request (核对申请)' })
  get requestGlobalId(): string {
    return tenantGlobalId('VerificationRequest', { districtCode: this.districtCode, id: this.requestId });
  }

  @TenantRelation(() => VerificationRequest, 'request_id', 'CASCADE')
  request?: VerificationRequest;

  @Uuid() caseId: string;
  @Varchar(12) townshipCode: string;
  @Enum(Department, 32, 'Department addressed (核对部门)') departmentCode: Department;
  @Json(() => [VerificationSubject], 'Persons to check (核对对象)') subjects: { name: string; idNumber: string }[];
  @Text('Findings (核对结果); null until answered', { nullable: true }) findings: string | null;
  @Timestamp('Answered at (反馈时间)', { nullable: true }) answeredAt: Date | null;
  @Uuid({ nullable: true }) answeredById: string | null;

  /** When the department was asked; the order of the answer lists. */
  @CreatedAt() createdAt: Date;
}
