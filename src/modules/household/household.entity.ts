import { CalendarDateScalar } from '../../graphql/scalars';
import { Column, CreateDateColumn, Entity, Index, OneToMany, UpdateDateColumn } from 'typeorm';
import { Field, Int, ObjectType } from 'type-graphql';
import { defineEnum, EnumValue } from '../../graphql/define-enum';
import { Node } from '../../graphql/node';
import { TenantRelation, VillageRow } from '../../db/tenant-row';
import { ageOn, birthDateOf, sexOf } from './id-number';

export const Residence = defineEnum('Residence', 'Urban or rural residence (城乡属性); the DIBAO standard differs (D§8)', {
  URBAN: 'Urban (城市)',
  RURAL: 'Rural (农村)',
});
export type Residence = EnumValue<typeof Residence>;

/** The close relatives of D§5 with their descriptions: relations within a household, and the kin staff declare (KinRelation). */
export const CLOSE_RELATIVES = {
  SPOUSE: 'Spouse (配偶)',
  CHILD: 'Child (子女)',
  PARENT: 'Parent (父母)',
  SIBLING: 'Sibling (兄弟姐妹)',
  GRANDPARENT: 'Grandparent (祖父母/外祖父母)',
  GRANDCHILD: 'Grandchild (孙子女/外孙子女)',
};

export const Relation = defineEnum('Relation', 'Relation to the head of household (与户主关系)', {
  HEAD: 'Head of household (户主)',
  ...CLOSE_RELATIVES,
  OTHER: 'Other (其他)',
});
export type Relation = EnumValue<typeof Relation>;

export const LabourCapacity = defineEnum('LabourCapacity', 'Ability to work (劳动能力)', {
  FULL: 'Able to work (有劳动能力)',
  PARTIAL: 'Partly able (部分丧失劳动能力)',
  NONE: 'Unable to work (无劳动能力)',
});
export type LabourCapacity = EnumValue<typeof LabourCapacity>;

/** How steady the household's income is, as the township found it (D§9): it sets the review class at approval. */
export const IncomeStability = defineEnum('IncomeStability', "Steadiness of the household's income (收入稳定性), D§9", {
  STABLE: 'Income changes little in the short term (短期内收入变化不大)',
  IRREGULAR: 'Income source not fixed (收入来源不固定)',
});
export type IncomeStability = EnumValue<typeof IncomeStability>;

export const Sex = defineEnum('Sex', 'Sex (性别), from the 17th digit of the ID number', { MALE: 'Male (男)', FEMALE: 'Female (女)' });
export type Sex = EnumValue<typeof Sex>;

/**
 * An applying household. Tenant table: the key starts with the district code so that it can be
 * distributed by district (D§1). Address, phone and bank account are personal data, exposed only
 * through masking field resolvers.
 */
@Entity('households')
@Index(['districtCode', 'createdAt', 'id'])
@Index(['districtCode', 'townshipCode', 'createdAt', 'id'])
@Index(['districtCode', 'villageCode', 'createdAt', 'id'])
@Index(['districtCode', 'activeEnrolment', 'createdAt', 'id'])
@Index(['districtCode', 'activeDibaoEnrolment', 'createdAt', 'id'])
@ObjectType('Household', {
  implements: Node,
  description: 'A household (家庭/户) with its members; personal fields are masked unless your role is granted them.',
})
export class Household extends VillageRow {
  @Column({ type: 'varchar', length: 8 })
  @Field(() => Residence, { nullable: true, description: 'Urban or rural (城乡属性); null for roles granted only payee fields' })
  residence: Residence;

  /** Name of the head of household, kept with the household for lists and search. */
  @Column({ type: 'varchar', length: 50 })
  @Field({ description: 'Name of the head of household (户主姓名)' })
  headName: string;

  @Column({ type: 'int', default: 0 })
  @Field(() => Int, { nullable: true, description: 'Number of members (家庭人口); null for roles granted only payee fields' })
  memberCount: number;

  /** Whether any member can fully work: the poverty office's scope (P4.4) is a plain equality. */
  @Column({ type: 'boolean', default: false })
  @Field(() => Boolean, {
    nullable: true,
    description: 'Has a member able to work (有劳动能力成员); null for roles granted only payee fields',
  })
  hasMemberAbleToWork: boolean;

  /** Null until someone records it; approval then treats a household with members able to work as irregular (D§9). */
  @Column({ type: 'varchar', length: 10, nullable: true })
  @Field(() => IncomeStability, {
    nullable: true,
    description: 'Steadiness of the income (收入稳定性), sets the review class at approval (D§9); null when not recorded or not granted',
  })
  incomeStability: IncomeStability | null;

  /** Paid by an active enrolment: finance sees the payees of these only (P4.4, D§10). Kept in sync
   * by a trigger on enrolments, so the scope is a plain equality. */
  @Column({ type: 'boolean', default: false })
  activeEnrolment: boolean;

  /** Paid by an active DIBAO enrolment: the poverty office's scope (P4.4). Kept in sync like the above. */
  @Column({ type: 'boolean', default: false })
  activeDibaoEnrolment: boolean;

  @Column({ type: 'varchar', length: 200 })
  @Field(() => String, { nullable: true, description: 'Detailed address (详细住址); personal data: null unless your role is granted it' })
  address: string;

  @Column({ type: 'varchar', length: 20, nullable: true })
  @Field(() => String, {
    nullable: true,
    description: 'Phone (联系电话); personal data: masked (138****5678) unless your role is granted it',
  })
  phone: string | null;

  @Column({ type: 'varchar', length: 50, nullable: true })
  @Field(() => String, { nullable: true, description: 'Bank of the payment account (开户银行)' })
  bankName: string | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  @Field(() => String, {
    nullable: true,
    description: 'Payment bank account (银行账号); personal data: masked (****1234) unless your role is granted it',
  })
  bankAccount: string | null;

  @Column('uuid')
  createdById: string;

  @OneToMany(() => Person, (person) => person.household)
  members?: Person[];

  @CreateDateColumn({ type: 'timestamptz' })
  @Field(() => Date, { nullable: true, description: 'Registered at (登记时间); null for roles granted only payee fields' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

/** A member of a household. ID number, disability and health detail are personal data. */
@Entity('persons')
@Index(['districtCode', 'householdId', 'idNumber'], { unique: true })
@Index(['districtCode', 'idNumber'])
@ObjectType('Person', {
  implements: Node,
  description: 'A household member (家庭成员); personal fields are masked unless your role is granted them.',
})
export class Person extends VillageRow {
  @Column('uuid')
  householdId: string;

  @TenantRelation(() => Household, 'household_id', 'CASCADE', (household) => household.members)
  household?: Household;

  @Column({ type: 'varchar', length: 50 })
  @Field({ description: 'Name (姓名)' })
  name: string;

  @Column({ type: 'varchar', length: 18 })
  @Field(() => String, {
    nullable: true,
    description:
      'Resident ID number (身份证号码); personal data: masked (1101**********1234) unless your role is granted it; every unmasked read is audited',
  })
  idNumber: string;

  @Column({ type: 'varchar', length: 12 })
  @Field(() => Relation, { description: 'Relation to the head (与户主关系)' })
  relation: Relation;

  @Column({ type: 'varchar', length: 8 })
  @Field(() => LabourCapacity, { description: 'Ability to work (劳动能力)' })
  labourCapacity: LabourCapacity;

  @Column({ type: 'boolean', default: false })
  @Field({ description: 'Holds a disability certificate (持残疾证)' })
  disabled: boolean;

  @Column({ type: 'varchar', length: 200, nullable: true })
  @Field(() => String, {
    nullable: true,
    description: 'Disability detail (残疾类别等级); personal data: null unless your role is granted it',
  })
  disabilityDetail: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  @Field(() => String, { nullable: true, description: 'Health detail (患病情况); personal data: null unless your role is granted it' })
  healthDetail: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Field(() => Int, { description: 'Age in whole years (年龄), from the ID number' })
  get age(): number {
    return ageOn(this.idNumber);
  }

  @Field(() => CalendarDateScalar, {
    nullable: true,
    description: 'Birth date (出生日期), digits 7–14 of the ID number: null unless your role may read the ID number',
  })
  get birthDate(): string {
    return birthDateOf(this.idNumber);
  }

  @Field(() => Sex, { nullable: true, description: 'Sex (性别), digit 17 of the ID number: null unless your role may read the ID number' })
  get sex(): Sex {
    return sexOf(this.idNumber) === 'MALE' ? Sex.MALE : Sex.FEMALE;
  }
}
