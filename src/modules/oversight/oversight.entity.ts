import { Node, tenantGlobalId } from '../../graphql/node';
import { DistrictRow, TenantRelation, VillageRow } from '../../db/tenant-row';
import { Column, Entity, Index } from 'typeorm';
import { Enrolment } from '../enrolment/enrolment.entity';
import { Field, ID, ObjectType } from 'type-graphql';
import { defineEnum, EnumValue } from '../../graphql/define-enum';
import { CreatedAt, Enum, Text, Uuid, Varchar } from '../../db/fields';

export const FindingSeverity = defineEnum('FindingSeverity', 'Weight of an audit finding (审计发现等级)', {
  OBSERVATION: 'Observation (提示)',
  IRREGULARITY: 'Irregularity to correct (违规需整改)',
  SERIOUS: 'Serious, to be referred (严重问题, 移送处理)',
});
export type FindingSeverity = EnumValue<typeof FindingSeverity>;

/** An audit finding (审计发现) recorded by the audit bureau on how funds were used and paid (P4.4). */
@Entity('audit_findings')
@Index(['districtCode', 'createdAt'])
@ObjectType('AuditFinding', { implements: Node, description: 'A finding of the audit bureau (审计发现), P4.4.' })
export class AuditFinding extends DistrictRow {
  @Varchar(12, 'Township concerned, if one (涉及乡镇)', { nullable: true }) townshipCode: string | null;

  @Column({ type: 'varchar', length: 128, nullable: true })
  @Field(() => ID, { nullable: true, description: 'Global ID of the case or other object concerned (涉及对象)' })
  subjectId: string | null;

  @Enum(FindingSeverity, 16, 'Severity (等级)') severity: FindingSeverity;
  @Varchar(200, 'Title (标题)') title: string;
  @Text('What was found (内容)') body: string;
  @Uuid() createdById: string;
  @CreatedAt('Recorded at (记录时间)') createdAt: Date;
}

/** A development-support link (帮扶衔接) from the poverty office to a rural DIBAO household able to work (P4.4). */
@Entity('development_links')
@Index(['districtCode', 'enrolmentId'])
@Index(['districtCode', 'createdAt', 'id'])
@ObjectType('DevelopmentLink', {
  implements: Node,
  description: 'Development support linked to a rural DIBAO household able to work (产业就业帮扶衔接), P4.4.',
})
export class DevelopmentLink extends VillageRow {
  @Uuid() enrolmentId: string;

  @Field(() => ID, { name: 'enrolmentId', description: 'The enrolment supported (救助对象登记)' })
  get enrolmentGlobalId(): string {
    return tenantGlobalId('Enrolment', { districtCode: this.districtCode, id: this.enrolmentId });
  }

  @TenantRelation(() => Enrolment, 'enrolment_id', 'RESTRICT')
  enrolment?: Enrolment;

  @Varchar(200, 'Support measure, e.g. job placement, skills training (帮扶措施)') measure: string;
  @Uuid() createdById: string;
  @CreatedAt('Recorded at (记录时间)') createdAt: Date;
}
