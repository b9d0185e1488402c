import { Column, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ObjectType } from 'type-graphql';
import { Node, tenantGlobalId } from '../graphql/node';

/**
 * A row of a tenant table, keyed by (district_code, id) with the district first, so that the table
 * can be distributed by district (D§1). Neither key column is a GraphQL field here.
 */
export abstract class TenantRow implements Node {
  @PrimaryColumn({ type: 'varchar', length: 12 })
  districtCode: string;

  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Every tenant entity's GraphQL type is named as its class (Case, Investigation …);
   * test/tenant-row.test.ts holds each entity to that. */
  get nodeId(): string {
    return tenantGlobalId(this.constructor.name, this);
  }
}

// The three bases below add GraphQL fields, so type-graphql must know them as object types; an
// object type no field returns is not printed, so none of them appears in the schema.

/** A tenant row whose district code is a GraphQL field. */
@ObjectType()
export abstract class DistrictRow extends TenantRow {
  // `declare` adds the field only: the column stays TenantRow's.
  @Field({ description: 'District code (区代码)' })
  declare districtCode: string;
}

/** A tenant row that belongs to one township, with its district and township codes as fields. */
@ObjectType()
export abstract class TownshipRow extends DistrictRow {
  @Column({ type: 'varchar', length: 12 })
  @Field({ description: 'Township code (乡镇代码)' })
  townshipCode: string;
}

/** A tenant row that belongs to one village, with its district, township and village codes as fields. */
@ObjectType()
export abstract class VillageRow extends TownshipRow {
  @Column({ type: 'varchar', length: 12 })
  @Field({ description: 'Village code (村代码)' })
  villageCode: string;
}

/**
 * The many-to-one relation from a tenant row to a row of another tenant table: the foreign key is
 * (district_code, `foreignKey`), so both rows are always in the same district (D§1).
 * `@TenantRelation(() => Case, 'case_id', 'CASCADE') case?: Case;`
 */
export function TenantRelation<T>(
  target: () => new () => T,
  foreignKey: string,
  onDelete: 'CASCADE' | 'RESTRICT',
  inverseSide?: (related: T) => unknown,
): PropertyDecorator {
  return (prototype, property) => {
    JoinColumn([
      { name: 'district_code', referencedColumnName: 'districtCode' },
      { name: foreignKey, referencedColumnName: 'id' },
    ])(prototype, property);
    ManyToOne(target, inverseSide, { onDelete })(prototype, property);
  };
}
