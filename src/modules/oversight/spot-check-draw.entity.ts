import { Entity, Index } from 'typeorm';
import { Field, ID, ObjectType } from 'type-graphql';
import { Node, tenantGlobalId } from '../../graphql/node';
import { DistrictRow, TenantRelation, VillageRow } from '../../db/tenant-row';
import { defineEnum, EnumValue } from '../../graphql/define-enum';
import { Case } from '../case/case.entity';
import { Bool, CreatedAt, Enum, Integer, Timestamp, Uuid, Varchar } from '../../db/fields';

/** Why a case of a draw's pool is, or is not, in its sample (D§3, D§12). */
export const SpotCheckInclusion = defineEnum('SpotCheckInclusion', 'Why a filed case is or is not in the sample (入样原因)', {
  KIN_REGISTERED: 'Kin-registered: always checked (近亲属备案, 必查)',
  COMPLAINED_ABOUT: 'Complained about: always checked (被投诉, 必查)',
  DRAWN: 'Drawn at the district’s rate (随机抽中)',
  NOT_DRAWN: 'Not drawn (未抽中)',
});
export type SpotCheckInclusion = EnumValue<typeof SpotCheckInclusion>;

/**
 * A spot-check draw (抽查抽签), P4.3, D§3: made by the district when it chooses, from a random seed
 * generated at that moment and recorded with it, so the sample is unknown before and reproducible
 * after. Never edited or removed.
 */
@Entity('spot_check_draws')
@Index(['districtCode', 'drawnAt', 'id'])
@ObjectType('SpotCheckDraw', {
  implements: Node,
  description: 'A spot-check draw of the district (抽查抽签): its seed, rate and pool, from which the sample can be replayed. P4.3, D§3.',
})
export class SpotCheckDraw extends DistrictRow {
  @Varchar(64, '32 random bytes drawn at the moment of the draw, hex (随机种子)') seed: string;
  @Varchar(32, 'The selection procedure, to replay the draw from its record: HMAC-SHA256-RANK-1 (抽样算法)') algorithm: string;
  @Integer("The district's sample rate at the moment of the draw (抽查比例 %)") ratePercent: number;
  @Timestamp('Cases filed up to this moment and in no earlier draw formed the pool (备案截止时间)') filedBy: Date;
  @Integer('Filed cases in the pool (样本池案件数)') poolSize: number;
  @Integer('Cases in the sample, the always-checked included (抽中案件数)') sampleSize: number;
  @Uuid() drawnById: string;
  @CreatedAt('When the district drew (抽签时间)') drawnAt: Date;
}

/** One filed case of a draw's pool, with whether and why it is in the sample. Never edited. */
@Entity('spot_check_pool_entries')
@Index(['districtCode', 'drawId', 'sampled'])
// A filing enters one draw only: a case filed again after a correction can be drawn again.
@Index(['districtCode', 'caseId', 'filedAt'], { unique: true })
@ObjectType('SpotCheckPoolEntry', { implements: Node, description: 'A filed case in a spot-check draw’s pool (样本池案件), D§3.' })
export class SpotCheckPoolEntry extends VillageRow {
  @Uuid() drawId: string;

  @TenantRelation(() => SpotCheckDraw, 'draw_id', 'RESTRICT')
  draw?: SpotCheckDraw;

  @Uuid() caseId: string;

  @TenantRelation(() => Case, 'case_id', 'RESTRICT')
  case?: Case;

  @Field(() => ID, { name: 'caseId', description: 'The case (案件)' })
  get caseGlobalId(): string {
    return tenantGlobalId('Case', { districtCode: this.districtCode, id: this.caseId });
  }

  @Timestamp('When the case was filed with the district (备案时间)') filedAt: Date;
  @Enum(SpotCheckInclusion, 20, 'Why it is or is not in the sample (入样原因)') inclusion: SpotCheckInclusion;
  @Bool('In the sample (是否抽中)') sampled: boolean;
  @Varchar(64, 'Its HMAC-SHA256 rank under the seed; null for an always-checked case (排序值)', { nullable: true }) score: string | null;
}
