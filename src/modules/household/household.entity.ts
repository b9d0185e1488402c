import { CalendarDateScalar } from '../../graphql/scalars';
import { Entity, Index, OneToMany } from 'typeorm';
import { Field, Int, ObjectType } from 'type-graphql';
import { defineEnum, EnumValue } from '../../graphql/define-enum';
import { Node } from '../../graphql/node';
import { TenantRelation, VillageRow } from '../../db/tenant-row';
import { ageOn, birthDateOf, sexOf } from './id-number';
import { Bool, CreatedAt, Enum, Integer, UpdatedAt, Uuid, Varchar } from '../../db/fields';

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
  @Enum(Residence, 8, 'Urban or rural (城乡属性); null for roles granted only payee fields', { nullable: 'field' }) residence: Residence;

  /** Name of the head of household, kept with the household for lists and search. */
  @Varchar(50, 'Name of the head of household (户主姓名)') headName: string;

  @Integer('Number of members (家庭人口); null for roles granted only payee fields', { nullable: 'field', default: 0 }) memberCount: number;

  /** Whether any member can fully work: the poverty office's scope (P4.4) is a plain equality. */
  @Bool('Has a member able to work (有劳动能力成员); null for roles granted only payee fields', { nullable: 'field', default: false })
  hasMemberAbleToWork: boolean;

  /** Null until someone records it; approval then treats a household with members able to work as irregular (D§9). */
  @Enum(
    IncomeStability,
    10,
    'Steadiness of the income (收入稳定性), sets the review class at approval (D§9); null when not recorded or not granted',
    { nullable: true },
  )
  incomeStability: IncomeStability | null;

  /** Paid by an active enrolment: finance sees the payees of these only (P4.4, D§10). Kept in sync
   * by a trigger on enrolments, so the scope is a plain equality. */
  @Bool({ default: false }) activeEnrolment: boolean;

  /** Paid by an active DIBAO enrolment: the poverty office's scope (P4.4). Kept in sync like the above. */
  @Bool({ default: false }) activeDibaoEnrolment: boolean;

  @Varchar(200, 'Detailed address (详细住址); personal data: null unless your role is granted it', { nullable: 'field' }) address: string;

  @Varchar(20, 'Phone (联系电话); personal data: masked (138****5678) unless your role is granted it', { nullable: true })
  phone: string | null;

  @Varchar(50, 'Bank of the payment account (开户银行)', { nullable: true }) bankName: string | null;

  @Varchar(32, 'Payment bank account (银行账号); personal data: masked (****1234) unless your role is granted it', { nullable: true })
  bankAccount: string | null;

  @Uuid() createdById: string;

  @OneToMany(() => Person, (person) => person.household)
  members?: Person[];

  @CreatedAt('Registered at (登记时间); null for roles granted only payee fields', { nullable: 'field' }) createdAt: Date;
  @UpdatedAt() updatedAt: Date;
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
  @Uuid() householdId: string;

  @TenantRelation(() => Household, 'household_id', 'CASCADE', (household) => household.members)
  household?: Household;

  @Varchar(50, 'Name (姓名)') name: string;

  @Varchar(
    18,
    'Resident ID number (身份证号码); personal data: masked (1101**********1234) unless your role is granted it; every unmasked read is audited',
    { nullable: 'field' },
  )
  idNumber: string;

  @Enum(Relation, 12, 'Relation to the head (与户主关系)') relation: Relation;
  @Enum(LabourCapacity, 8, 'Ability to work (劳动能力)') labourCapacity: LabourCapacity;
  @Bool('Holds a disability certificate (持残疾证)', { default: false }) disabled: boolean;

  @Varchar(200, 'Disability detail (残疾类别等级); personal data: null unless your role is granted it', { nullable: true })
  disabilityDetail: string | null;

  @Varchar(200, 'Health detail (患病情况); personal data: null unless your role is granted it', { nullable: true })
  healthDetail: string | null;

  @CreatedAt() createdAt: Date;

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
