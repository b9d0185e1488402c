import { Node, tenantGlobalId, toGlobalId } from '../../graphql/node';
import { DistrictRow } from '../../db/tenant-row';
import { Column, Entity, Index } from 'typeorm';
import { Field, ID, ObjectType } from 'type-graphql';
import { defineEnum, EnumValue } from '../../graphql/define-enum';
import { GraphQLJSONObject } from 'graphql-scalars';
import { CreatedAt, Enum, Json, Text, Uuid, Varchar } from '../../db/fields';

export const AuditKind = defineEnum('AuditKind', 'Kind of audit entry (审计类别), D§12', {
  CHANGE: 'A change was made (变更)',
  DENIED: 'An attempt was refused (拒绝的操作)',
  READ_PERSONAL_DATA: 'Unmasked personal data was read (查看个人敏感信息)',
  VIEW_AS:
    'A view of the API as another account sees it was started, or a request was made in it; details name the account viewed (以他人视角查看)',
});
export type AuditKind = EnumValue<typeof AuditKind>;

/** Subjects whose global ID is their own key, and those keyed by district and id (D§1). */
const GLOBAL_KEYED = new Set(['Account', 'ApiKey', 'Region']);
const TENANT_KEYED = new Set([
  'Household',
  'Person',
  'Case',
  'CommitteeView',
  'Meeting',
  'VerificationRequest',
  'VerificationAnswer',
  'KinDeclaration',
  'Enrolment',
  'AuditFinding',
  'DevelopmentLink',
  'SpotCheckDraw',
  'AuditEntry',
  'Delegation',
  'Petition',
  'RoleGrant',
  'EnrolmentReview',
  'EnrolmentChange',
  'ChangeReport',
  'Roster',
  'RosterLine',
  'InstitutionPayee',
  'FundRequest',
  'PaymentBatch',
  'Payment',
  'WorkPlan',
  'BankAccountChange',
  'InstitutionAccountChange',
]);

/**
 * The append-only audit log (D§12): every change, every refused attempt, every read of unmasked
 * personal data. A database trigger refuses UPDATE and DELETE, so not even this service can edit it.
 */
@Entity('audit_log')
@Index(['districtCode', 'at'])
@Index(['districtCode', 'subjectType', 'subjectId'])
@Index(['districtCode', 'seq'], { unique: true })
@Index(['districtCode', 'at', 'id'])
@Index(['districtCode', 'actorId', 'at', 'id'])
@ObjectType('AuditEntry', { implements: Node, description: 'An entry of the append-only audit log (审计日志).' })
export class AuditEntry extends DistrictRow {
  @CreatedAt('When (时间)') at: Date;
  @Enum(AuditKind, 24, 'Kind (类别)') kind: AuditKind;
  @Uuid({ nullable: true }) actorId: string | null;
  @Varchar(64, 'Who (操作人); null for anonymous callers', { nullable: true }) actorUsername: string | null;
  @Varchar(40, 'Action attempted or done (操作)') action: string;
  @Varchar(40, 'Subject type (对象类型)') subjectType: string;
  @Varchar(64, { nullable: true }) subjectId: string | null;

  /** The subject as a global ID when its type is one `node(id)` serves; a record whose concrete
   * type the log does not keep (`CaseRecord`) or a table-wide subject (`Policy`) has none. */
  @Field(() => ID, { name: 'subjectId', nullable: true, description: 'Subject (对象), as a global ID' })
  get subjectGlobalId(): string | null {
    if (!this.subjectId) return null;
    if (GLOBAL_KEYED.has(this.subjectType)) return toGlobalId(this.subjectType, this.subjectId);
    const type = this.subjectType === 'Committee' ? 'CommitteeView' : this.subjectType;
    return TENANT_KEYED.has(type) ? tenantGlobalId(type, { districtCode: this.districtCode, id: this.subjectId }) : null;
  }

  @Varchar(40, 'Field read or changed (字段)', { nullable: true }) field: string | null;
  @Varchar(12, 'Township of the subject (乡镇代码)', { nullable: true }) townshipCode: string | null;
  @Varchar(12, 'Village of the subject (村代码)', { nullable: true }) villageCode: string | null;
  @Text('Reason or rule (原因/依据)', { nullable: true }) reason: string | null;
  @Json(() => GraphQLJSONObject, 'Details (详情)', { nullable: true }) details: object | null;
  @Varchar(100, 'Request id (请求标识), to join with the service logs', { nullable: true }) requestId: string | null;

  // The hash chain (tamper evidence): the database numbers each district's rows and hashes each
  // over its content and the previous row's hash, in a trigger under a per-district lock, so that
  // concurrent writers cannot fork the chain and no caller of the API can set these.

  /** Position in the district's chain, from 1. */
  @Column({ type: 'bigint', insert: false, update: false })
  seq: string;

  /** The previous row's `hash`; null for the first row of a district. */
  @Varchar(64, { nullable: true, insert: false, update: false }) prevHash: string | null;

  /** SHA-256 (hex) of `prevHash` and this row's canonical content (`audit_row_hash`). */
  @Varchar(64, { insert: false, update: false }) hash: string;
}
