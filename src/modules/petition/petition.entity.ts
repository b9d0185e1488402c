import { Check, Entity, Index } from 'typeorm';
import { Field, ID, ObjectType } from 'type-graphql';
import { TenantRelation, TownshipRow } from '../../db/tenant-row';
import { Node, tenantGlobalId, toGlobalId } from '../../graphql/node';
import { defineEnum, EnumValue } from '../../graphql/define-enum';
import { Case } from '../case/case.entity';
import { Bool, CreatedAt, Enum, Text, Timestamp, Uuid, Varchar } from '../../db/fields';

export const PetitionKind = defineEnum('PetitionKind', 'What a petition asks (信访类别), D§12', {
  COMPLAINT: 'A complaint or report about a case, a township or a public notice (投诉举报)',
  APPEAL: "A refused applicant's appeal for review of the refusal (复核申请)",
});
export type PetitionKind = EnumValue<typeof PetitionKind>;

export const PetitionChannel = defineEnum('PetitionChannel', 'How a petition arrived (信访渠道), D§12', {
  PUBLIC: 'Filed by a member of the public without an account, citing a public notice (群众网上信访)',
  STAFF: "Recorded by staff on a resident's behalf (工作人员代为登记)",
});
export type PetitionChannel = EnumValue<typeof PetitionChannel>;

export const PetitionStatus = defineEnum('PetitionStatus', 'Where a petition stands (信访办理状态), P4.3', {
  RECEIVED: 'Received, not yet assigned (已受理)',
  ASSIGNED: 'Assigned to a district officer (已交办)',
  INVESTIGATING: 'Under investigation (调查核实中)',
  ANSWERED: 'Answered by the district (已答复)',
});
export type PetitionStatus = EnumValue<typeof PetitionStatus>;

/**
 * A petition or complaint (信访) against a case, a township or a public notice, or a refused
 * applicant's appeal (D§12). The district investigates and answers it (P4.3); its township sees it
 * only once the district shares it, and never who filed it. The petitioner follows it by a random
 * reference, of which only a hash is kept.
 */
@Entity('petitions')
@Index(['districtCode', 'receivedAt', 'id'])
@Index(['districtCode', 'status', 'answerDueAt'])
@Index(['districtCode', 'referenceHash'], { unique: true })
@Index(['clientAddressHash', 'receivedAt'], { where: 'client_address_hash IS NOT NULL' })
@Check('CK_petitions_appeal_names_case', "kind <> 'APPEAL' OR case_id IS NOT NULL")
@Check('CK_petitions_public_has_address', "(channel = 'PUBLIC') = (client_address_hash IS NOT NULL)")
@ObjectType('Petition', {
  implements: Node,
  description: 'A petition or complaint (信访事项), or an appeal against a refusal (复核申请), handled by the district, D§12.',
})
export class Petition extends TownshipRow {
  /** The village of the case complained about, or the one whose assistant recorded it; null otherwise. */
  @Varchar(12, 'Village concerned, if any (村代码)', { nullable: true }) villageCode: string | null;

  @Enum(PetitionKind, 12, 'Complaint or appeal (信访类别)') kind: PetitionKind;
  @Enum(PetitionChannel, 12, 'How it arrived (信访渠道)') channel: PetitionChannel;
  @Enum(PetitionStatus, 16, 'Where it stands (办理状态)') status: PetitionStatus;

  /** The case complained about or appealed; null for a petition about a township as a whole. */
  @Uuid({ nullable: true }) caseId: string | null;

  @TenantRelation(() => Case, 'case_id', 'RESTRICT')
  case?: Case;

  @Bool('Filed against a public notice by its id (针对公示提出)', { default: false }) citesNotice: boolean;
  @Varchar(200, 'Subject (事由)') title: string;
  @Text('What the petitioner says (信访内容)') content: string;
  @Varchar(50, 'Petitioner, if given (信访人); never shown to the township', { nullable: true }) residentName: string | null;

  @Varchar(100, 'How to reach the petitioner, if given (联系方式); never shown to the township', { nullable: true })
  residentContact: string | null;

  /** SHA-256 of the reference the petitioner was given: the reference itself is not kept. */
  @Varchar(64) referenceHash: string;

  /** SHA-256 of the client address of a public petition, for the per-address limit; null for staff. */
  @Varchar(64, { nullable: true }) clientAddressHash: string | null;

  @CreatedAt('Received at (受理时间)') receivedAt: Date;
  @Timestamp('The district answers by then (答复期限)') answerDueAt: Date;
  @Uuid({ nullable: true }) assigneeId: string | null;

  @Field(() => ID, { name: 'assignee', nullable: true, description: 'Global ID of the district officer handling it (承办人)' })
  get assigneeGlobalId(): string | null {
    return this.assigneeId ? toGlobalId('Account', this.assigneeId) : null;
  }

  @Text('What the investigation found (调查核实情况)', { nullable: true }) findings: string | null;
  @Text("The district's answer (答复意见), also readable by the reference", { nullable: true }) answer: string | null;
  @Timestamp('Answered at (答复时间)', { nullable: true }) answeredAt: Date | null;
  @Uuid({ nullable: true }) answeredById: string | null;
  @Bool('The district shared it with the township concerned (已转乡镇)', { default: false }) sharedWithTownship: boolean;
  @Uuid({ nullable: true }) createdById: string | null;

  @Field(() => ID, { name: 'case', nullable: true, description: 'Global ID of the case complained about or appealed (涉及案件)' })
  get caseGlobalId(): string | null {
    return this.caseId ? tenantGlobalId('Case', { districtCode: this.districtCode, id: this.caseId }) : null;
  }

  /** Not answered by its deadline, or answered after it (超期). */
  @Field({ description: 'Not answered within the deadline (超期未答复/超期答复)' })
  get overdue(): boolean {
    return (this.answeredAt ?? new Date()).getTime() > this.answerDueAt.getTime();
  }
}
