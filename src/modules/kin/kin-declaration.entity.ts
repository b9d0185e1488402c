import { Node } from '../../graphql/node';
import { DistrictRow } from '../../db/tenant-row';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { Account } from '../account/account.entity';
import { CLOSE_RELATIVES } from '../household/household.entity';
import { Field, ObjectType } from 'type-graphql';
import { defineEnum, EnumValue } from '../../graphql/define-enum';

export const KinRelation = defineEnum('KinRelation', 'Close relative (近亲属关系), D§5', CLOSE_RELATIVES);
export type KinRelation = EnumValue<typeof KinRelation>;

/** A staff member's declared close relative (近亲属备案), matched against applicants (P6.3). */
@Entity('kin_declarations')
@Index(['districtCode', 'idNumber'])
@Index(['districtCode', 'accountId'])
@Index(['districtCode', 'declaredAt', 'id'])
@ObjectType('KinDeclaration', { implements: Node, description: 'A close relative declared by a staff member (工作人员近亲属备案).' })
export class KinDeclaration extends DistrictRow {
  @Column('uuid')
  accountId: string;

  @ManyToOne(() => Account, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id' })
  account?: Account;

  @Column({ type: 'varchar', length: 50 })
  @Field({ description: "Relative's name (亲属姓名)" })
  name: string;

  @Column({ type: 'varchar', length: 18 })
  idNumber: string;

  @Column({ type: 'varchar', length: 12 })
  @Field(() => KinRelation, { description: 'Relation (关系)' })
  relation: KinRelation;

  @CreateDateColumn({ type: 'timestamptz' })
  @Field({ description: 'Declared at (备案时间)' })
  declaredAt: Date;

  /** A withdrawal is a record on the declaration, never a delete: a case flagged while it stood stays flagged. */
  @Column({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true, description: 'Withdrawn at (撤回时间); null while the declaration stands' })
  withdrawnAt: Date | null;
}
