import { Column, CreateDateColumn, Entity, Index } from 'typeorm';
import { Field, ID, ObjectType } from 'type-graphql';
import { TenantRelation, VillageRow } from '../../db/tenant-row';
import { Node, tenantGlobalId, toGlobalId } from '../../graphql/node';
import { defineEnum, EnumValue } from '../../graphql/define-enum';
import { Household } from './household.entity';
import { maskBankAccount } from './id-number';

export const BankAccountChangeStatus = defineEnum('BankAccountChangeStatus', 'Where a change of a payee bank account stands (变更状态)', {
  PROPOSED: 'Proposed, waiting for a second account (待确认)',
  CONFIRMED: 'Confirmed by a second account and in effect (已确认生效)',
  REJECTED: 'Rejected by a second account (已驳回)',
});
export type BankAccountChangeStatus = EnumValue<typeof BankAccountChangeStatus>;

const masked = (account: string | null) => (account === null ? null : maskBankAccount(account));

/**
 * A change of an enrolled household's payment account (银行账户变更), D§10, issue 10 item 7: one
 * account proposes it, a second confirms or rejects it, and only a confirmation writes it onto the
 * household. The numbers are kept in full for the confirmation and are shown masked: the one who
 * confirms compares the bank and the last digits with the documents in hand.
 */
@Entity('bank_account_changes')
// At most one change waits for confirmation per household: a second proposal is a CONFLICT.
@Index(['districtCode', 'householdId'], { unique: true, where: `status = 'PROPOSED'` })
@ObjectType('BankAccountChange', {
  implements: Node,
  description: 'A change of an enrolled payee bank account, in effect only once a second account confirms it (银行账户变更), D§10.',
})
export class BankAccountChange extends VillageRow {
  @Column('uuid')
  householdId: string;

  @TenantRelation(() => Household, 'household_id', 'RESTRICT')
  household?: Household;

  @Field(() => ID, { name: 'householdId', description: 'The household paid into the account (家庭)' })
  get householdGlobalId(): string {
    return tenantGlobalId('Household', { districtCode: this.districtCode, id: this.householdId });
  }

  @Column({ type: 'varchar', length: 50, nullable: true })
  @Field(() => String, { nullable: true, description: 'Bank before the change (原开户银行)' })
  previousBankName: string | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  previousBankAccount: string | null;

  @Field(() => String, {
    name: 'previousBankAccount',
    nullable: true,
    description: 'Account before the change, masked (原银行账号, ****1234)',
  })
  get previousBankAccountMasked(): string | null {
    return masked(this.previousBankAccount);
  }

  @Column({ type: 'varchar', length: 50, nullable: true })
  @Field(() => String, { nullable: true, description: 'Bank proposed (新开户银行)' })
  bankName: string | null;

  @Column({ type: 'varchar', length: 32 })
  bankAccount: string;

  @Field(() => String, { name: 'bankAccount', description: 'Account proposed, masked (新银行账号, ****1234)' })
  get bankAccountMasked(): string {
    return maskBankAccount(this.bankAccount);
  }

  @Column({ type: 'varchar', length: 10 })
  @Field(() => BankAccountChangeStatus, { description: 'Status (状态)' })
  status: BankAccountChangeStatus;

  @Column({ type: 'text' })
  @Field({ description: 'Why the account changes, as the household stated it (变更原因)' })
  reason: string;

  @Column('uuid')
  proposedById: string;

  @Field(() => ID, { name: 'proposedById', description: 'Who proposed it (提议人账号)' })
  get proposedByGlobalId(): string {
    return toGlobalId('Account', this.proposedById);
  }

  @CreateDateColumn({ type: 'timestamptz' })
  @Field({ description: 'Proposed at (提议时间)' })
  proposedAt: Date;

  @Column({ type: 'uuid', nullable: true })
  decidedById: string | null;

  @Field(() => ID, { name: 'decidedById', nullable: true, description: 'Who confirmed or rejected it (确认人账号)' })
  get decidedByGlobalId(): string | null {
    return this.decidedById ? toGlobalId('Account', this.decidedById) : null;
  }

  @Column({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true, description: 'Confirmed or rejected at (确认时间)' })
  decidedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Why it was rejected (驳回理由)' })
  rejectionReason: string | null;
}
