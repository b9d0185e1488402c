import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Field, ObjectType } from 'type-graphql';
import { defineEnum, EnumValue } from '../../graphql/define-enum';
import { Node } from '../../graphql/node';
import { TenantRelation, TenantRow } from '../../db/tenant-row';
import { Account } from '../account/account.entity';
import { DecimalScalar } from '../../graphql/scalars';
import { CreatedAt, Integer, Json, Uuid, Varchar } from '../../db/fields';

/** Where a proposal stands: open until a second province operator confirms or rejects it. */
export const DistrictProposalStatus = defineEnum(
  'DistrictProposalStatus',
  'Where a proposal to create a district stands (新设区提议状态)',
  {
    PROPOSED: 'Awaiting a second province operator (待确认)',
    CONFIRMED: 'Confirmed: the district, its administrator and settings exist (已确认)',
    REJECTED: 'Turned down by a second province operator (已否决)',
  },
);
export type DistrictProposalStatus = EnumValue<typeof DistrictProposalStatus>;

/** A setting the new district starts with instead of the default. */
@ObjectType('ProposedSetting', { description: 'A setting the new district starts with (初始设置)' })
export class ProposedSetting {
  @Field({ description: 'Setting key (设置项)' })
  key: string;

  @Field(() => DecimalScalar, { nullable: true, description: 'Value (取值); null for "none" where the setting allows it' })
  value: number | null;
}

/**
 * A province operator's proposal to create a district (D§1) with its first administrator and initial
 * settings. It is the province's record, not the new district's: its tenant key is the province's own
 * code (`PP0000000000`), as for the province operators' accounts and grants. Nothing of the district
 * exists until a second province operator confirms it (D§14); the decision is its own record.
 */
@Entity('district_proposals')
@Index(['districtCode', 'provinceCode'])
@ObjectType('DistrictProposal', {
  implements: Node,
  description: 'A proposal to create a district (新设区提议), decided by a second province operator.',
})
export class DistrictProposal extends TenantRow {
  @Varchar(2, 'Province code (省代码): the first two digits of the division code') provinceCode: string;
  @Varchar(12, 'Code of the district to create (拟设区代码), `PPCCDD000000`') regionCode: string;
  @Varchar(100, 'Name of the district (区名称)') name: string;
  @Integer('Resident population (常住人口)') population: number;
  @Varchar(64, "Sign-in name of the district's first administrator (首个系统管理员用户名)") adminUsername: string;
  @Varchar(100, "Display name of the district's first administrator (首个系统管理员姓名)") adminDisplayName: string;

  /** SHA-256 of the activation code shown once to the proposer; the administrator's account carries it from confirmation. */
  @Varchar(64) activationCodeHash: string;

  @Json(() => [ProposedSetting], 'Settings the district starts with instead of the defaults (初始设置)') settings: ProposedSetting[];
  @Uuid() proposedById: string;

  @ManyToOne(() => Account, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'proposed_by_id' })
  proposedBy?: Account;

  @CreatedAt('Proposed at (提议时间)') createdAt: Date;

  /** Read with the proposal, when it is decided. */
  decision?: DistrictProposalDecision | null;
}

export enum DistrictProposalDecisionKind {
  CONFIRM = 'CONFIRM',
  REJECT = 'REJECT',
}

/** The second operator's decision on a proposal: one per proposal (its key), never edited. */
@Entity('district_proposal_decisions')
export class DistrictProposalDecision {
  @PrimaryColumn({ type: 'varchar', length: 12 })
  districtCode: string;

  @PrimaryColumn('uuid')
  proposalId: string;

  @TenantRelation(() => DistrictProposal, 'proposal_id', 'RESTRICT')
  proposal?: DistrictProposal;

  @Varchar(16) kind: DistrictProposalDecisionKind;
  @Uuid() byId: string;

  @ManyToOne(() => Account, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'by_id' })
  by?: Account;

  @Varchar(500, { nullable: true }) reason: string | null;
  @CreatedAt() decidedAt: Date;
}
