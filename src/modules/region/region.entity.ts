import { Check, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Field, ObjectType } from 'type-graphql';
import { defineEnum, EnumValue, registerEnum } from '../../graphql/define-enum';
import { Node, toGlobalId } from '../../graphql/node';
import { RegionLevel } from './region-code';
import { CreatedAt, Enum, Integer, UpdatedAt, Varchar } from '../../db/fields';

/** What kind of body governs the place: townships may be street offices, villages communities. */
export const RegionKind = defineEnum('RegionKind', 'Kind of governing body (区划类型)', {
  PROVINCE: 'Province (省)',
  DISTRICT: 'District (区)',
  TOWNSHIP: 'Township or town government (乡/镇)',
  STREET_OFFICE: 'Street office (街道办事处)',
  VILLAGE: 'Village committee (村委会)',
  COMMUNITY: 'Urban community (社区居委会)',
});
export type RegionKind = EnumValue<typeof RegionKind>;

export const KINDS_OF_LEVEL: Record<RegionLevel, RegionKind[]> = {
  [RegionLevel.PROVINCE]: [RegionKind.PROVINCE],
  [RegionLevel.DISTRICT]: [RegionKind.DISTRICT],
  [RegionLevel.TOWNSHIP]: [RegionKind.TOWNSHIP, RegionKind.STREET_OFFICE],
  [RegionLevel.VILLAGE]: [RegionKind.VILLAGE, RegionKind.COMMUNITY],
};

// RegionLevel is declared with the code arithmetic in region-code.ts, which knows nothing of GraphQL.
registerEnum(RegionLevel, 'RegionLevel', 'Tier of a place (行政层级)', {
  PROVINCE: 'Province (省), above the districts; home of the province operators',
  DISTRICT: 'District (区)',
  TOWNSHIP: 'Township or street office (乡镇/街道)',
  VILLAGE: 'Village or urban community (村/社区)',
});

/**
 * A place with its statistical division code. Regions are a small shared (reference) table; the
 * scope columns repeat the ancestry so that permission conditions stay plain equalities.
 */
@Entity('regions')
@Index(['parentCode'])
@Check('CK_regions_population', 'population >= 0')
@Check('CK_regions_code', "code ~ '^[0-9]{12}$'")
@ObjectType('Region', {
  implements: Node,
  description: 'A place: district, township or village (行政区划), with its 12-digit statistical code.',
})
export class Region implements Node {
  @PrimaryColumn({ type: 'varchar', length: 12 })
  @Field({ description: '12-digit statistical division code (统计用区划代码)' })
  code: string;

  @Varchar(100, 'Name (名称)') name: string;
  @Enum(RegionLevel, 16, 'Tier (层级)') level: RegionLevel;
  @Enum(RegionKind, 16, 'Kind of body (类型)') kind: RegionKind;
  @Varchar(12, 'Code of the parent region (上级区划代码); null for a district', { nullable: true }) parentCode: string | null;

  @ManyToOne(() => Region, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parent_code' })
  parent?: Region;

  /** The scope of the province tier's grants (D§1): the first two digits of the code. */
  @Varchar(2, 'Province code (省代码), the first two digits of the code') provinceCode: string;

  @Varchar(12, 'District code (区代码)') districtCode: string;
  @Varchar(12, 'Township code (乡镇代码); null for a district', { nullable: true }) townshipCode: string | null;
  @Varchar(12, 'Village code (村代码); set only for a village', { nullable: true }) villageCode: string | null;
  @Integer('Resident population (常住人口), used for the staffing rule (P6.2)', { default: 0 }) population: number;
  @CreatedAt() createdAt: Date;
  @UpdatedAt() updatedAt: Date;

  get nodeId(): string {
    return toGlobalId('Region', this.code);
  }
}
