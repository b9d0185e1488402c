import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { Case } from '../case/case.entity';
import { Account } from '../account/account.entity';
import { Node, tenantGlobalId, toGlobalId } from '../../graphql/node';
import { TenantRelation, TownshipRow } from '../../db/tenant-row';
import { Field, ID, ObjectType } from 'type-graphql';
import { defineEnum, EnumValue } from '../../graphql/define-enum';
import { Bool, CalendarDate, CreatedAt, Enum, Text, Timestamp, Uuid, UuidArray, Varchar } from '../../db/fields';

/** What a member brings to the committee (P3.2 lists who sits on it). */
export const CommitteeFunction = defineEnum('CommitteeFunction', "A member's place on the joint review committee (小组成员职责), P3.2", {
  CHAIR: "Chair, the township's principal official (组长)",
  CIVIL_AFFAIRS: 'Township civil affairs (民政)',
  POVERTY_ALLEVIATION: 'Poverty alleviation (扶贫)',
  FINANCE: 'Finance (财政)',
  DISCIPLINE_INSPECTION: 'Discipline inspection (纪检)',
  VILLAGE_HEAD: 'Village head (村主任)',
  VILLAGE_CADRE: 'Cadre assigned to a village (驻村干部)',
});
export type CommitteeFunction = EnumValue<typeof CommitteeFunction>;

export const Vote = defineEnum('Vote', "A member's vote (表决意见)", {
  APPROVE: 'Agree (同意)',
  REJECT: 'Disagree (不同意)',
  ABSTAIN: 'Abstain (弃权)',
});
export type Vote = EnumValue<typeof Vote>;

/**
 * The township's joint review committee (联审联批小组), one per township (P3.2, D§4). Not a
 * TownshipRow: the API serves it as `CommitteeView`, the node, and exposes this row's id as is.
 */
@Entity('committees')
@Index(['districtCode', 'townshipCode'], { unique: true })
@ObjectType('Committee', { description: "A township's joint review committee (联审联批小组)." })
export class Committee {
  @PrimaryColumn({ type: 'varchar', length: 12 })
  @Field({ description: 'District code (区代码)' })
  districtCode: string;

  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID, { description: 'Committee id (小组标识)' })
  id: string;

  @Varchar(12, 'Township code (乡镇代码)') townshipCode: string;
  @CreatedAt('Formed at (成立时间)') createdAt: Date;
}

/**
 * One seat held for a span of time (D§4): a change ends memberships (`effectiveUntil`) and starts
 * new ones (`effectiveFrom`), both at the change's time, and deletes none, so the committee of any
 * past meeting can be shown. A membership is in force from `effectiveFrom` until `effectiveUntil`.
 */
@Entity('committee_members')
@Index(['districtCode', 'committeeId', 'effectiveUntil'])
@ObjectType('CommitteeMember', { description: 'A seat on a joint review committee (小组成员), for a span of time.' })
export class CommitteeMember {
  @PrimaryColumn({ type: 'varchar', length: 12 })
  districtCode: string;

  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Uuid() committeeId: string;
  @Uuid() accountId: string;

  @TenantRelation(() => Committee, 'committee_id', 'CASCADE')
  committee?: Committee;

  @ManyToOne(() => Account, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'account_id' })
  account?: Account;

  @Varchar(12) townshipCode: string;
  @Enum(CommitteeFunction, 24, 'Seat (职责)') function: CommitteeFunction;

  @Bool('Deputy chair (副组长): chairs and signs for a case on which the chair recuses', { default: false }) deputyChair: boolean;

  @CreatedAt('Member from (任职起始时间)') effectiveFrom: Date;
  @Timestamp('Member until (任职截止时间); null while in force', { nullable: true }) effectiveUntil: Date | null;
}

/** A committee meeting (审核会议): agenda of cases, attendance, and votes (D§4). */
@Entity('meetings')
@Index(['districtCode', 'townshipCode', 'heldOn'])
@Index(['districtCode', 'createdAt', 'id'])
@ObjectType('Meeting', { implements: Node, description: 'A committee meeting (审核会议) with its agenda, attendance and votes.' })
export class Meeting extends TownshipRow {
  @Uuid() committeeId: string;

  @TenantRelation(() => Committee, 'committee_id', 'RESTRICT')
  committee?: Committee;

  @CalendarDate('Held on (会议日期)') heldOn: string;
  @UuidArray() agendaCaseIds: string[];
  @UuidArray() presentIds: string[];
  @Uuid() createdById: string;
  @CreatedAt('Scheduled at (安排时间)') createdAt: Date;
}

/** One member's vote on one case at one meeting; dissent is kept (D§4). */
@Entity('votes')
@ObjectType('CommitteeVote', { description: "A member's vote on a case (表决记录)." })
export class CommitteeVote {
  @PrimaryColumn({ type: 'varchar', length: 12 })
  districtCode: string;

  @PrimaryColumn('uuid')
  meetingId: string;

  @PrimaryColumn('uuid')
  caseId: string;

  @PrimaryColumn('uuid')
  memberId: string;

  @Field(() => ID, { name: 'caseId', description: 'The case voted on (案件)' })
  get caseGlobalId(): string {
    return tenantGlobalId('Case', { districtCode: this.districtCode, id: this.caseId });
  }

  @Field(() => ID, { name: 'memberId', description: 'The member who voted (表决人)' })
  get memberGlobalId(): string {
    return toGlobalId('Account', this.memberId);
  }

  @TenantRelation(() => Meeting, 'meeting_id', 'CASCADE')
  meeting?: Meeting;

  @TenantRelation(() => Case, 'case_id', 'CASCADE')
  case?: Case;

  @Varchar(12) townshipCode: string;
  @Enum(Vote, 8, 'Vote (表决意见)') vote: Vote;
  @Text('Note, e.g. the grounds of dissent (意见说明)', { nullable: true }) note: string | null;
  @CreatedAt('Cast at (表决时间)') castAt: Date;
}
