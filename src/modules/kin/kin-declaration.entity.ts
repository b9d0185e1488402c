import { Node } from '../../graphql/node';
import { DistrictRow } from '../../db/tenant-row';
import { Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { Account } from '../account/account.entity';
import { CLOSE_RELATIVES } from '../household/household.entity';
import { ObjectType } from 'type-graphql';
import { defineEnum, EnumValue } from '../../graphql/define-enum';
import { CreatedAt, Enum, Timestamp, Uuid, Varchar } from '../../db/fields';

export const KinRelation = defineEnum('KinRelation', 'Close relative (近亲属关系), D§5', CLOSE_RELATIVES);
export type KinRelation = EnumValue<typeof KinRelation>;

/** A staff member's declared close relative (近亲属备案), matched against applicants (P6.3). */
@Entity('kin_declarations')
@Index(['districtCode', 'idNumber'])
@Index(['districtCode', 'accountId'])
@Index(['districtCode', 'declaredAt', 'id'])
@ObjectType('KinDeclaration', { implements: Node, description: 'A close relative declared by a staff member (工作人员近亲属备案).' })
export class KinDeclaration extends DistrictRow {
  @Uuid() accountId: string;

  @ManyToOne(() => Account, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id' })
  account?: Account;

  @Varchar(50, "Relative's name (亲属姓名)") name: string;
  @Varchar(18) idNumber: string;
  @Enum(KinRelation, 12, 'Relation (关系)') relation: KinRelation;
  @CreatedAt('Declared at (备案时间)') declaredAt: Date;

  /** A withdrawal is a record on the declaration, never a delete: a case flagged while it stood stays flagged. */
  @Timestamp('Withdrawn at (撤回时间); null while the declaration stands', { nullable: true }) withdrawnAt: Date | null;
}
