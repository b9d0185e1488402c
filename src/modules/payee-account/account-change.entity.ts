import { Field, ID, ObjectType } from 'type-graphql';
import { TownshipRow } from '../../db/tenant-row';
import { toGlobalId } from '../../graphql/node';
import { defineEnum, EnumValue } from '../../graphql/define-enum';
import { maskBankAccount } from '../household/id-number';
import { CreatedAt, Enum, Text, Timestamp, Uuid, Varchar } from '../../db/fields';

export const BankAccountChangeStatus = defineEnum('BankAccountChangeStatus', 'Where a change of a payee bank account stands (变更状态)', {
  PROPOSED: 'Proposed, waiting for a second account (待确认)',
  CONFIRMED: 'Confirmed by a second account and in effect (已确认生效)',
  REJECTED: 'Rejected by a second account (已驳回)',
});
export type BankAccountChangeStatus = EnumValue<typeof BankAccountChangeStatus>;

const masked = (account: string | null) => (account === null ? null : maskBankAccount(account));

/**
 * The columns and fields of a proposed change of a payee's bank account (D§10, D§14; issue 10 item
 * 7), whatever the payee: a household (`BankAccountChange`, which adds its village) or a care
 * institution (`InstitutionAccountChange`). One account proposes, a second confirms or rejects, and
 * only a confirmation writes the account onto the payee. The numbers are kept in full for the
 * confirmation and are shown masked: the one who confirms compares the bank and the last digits
 * with the documents in hand. Not printed in the schema: no field returns it (see tenant-row.ts).
 */
@ObjectType()
export abstract class ProposedAccountChange extends TownshipRow {
  @Varchar(50, 'Bank before the change (原开户银行)', { nullable: true }) previousBankName: string | null;
  @Varchar(32, { nullable: true }) previousBankAccount: string | null;

  @Field(() => String, {
    name: 'previousBankAccount',
    nullable: true,
    description: 'Account before the change, masked (原银行账号, ****1234)',
  })
  get previousBankAccountMasked(): string | null {
    return masked(this.previousBankAccount);
  }

  @Varchar(50, 'Bank proposed (新开户银行)', { nullable: true }) bankName: string | null;
  @Varchar(32) bankAccount: string;

  @Field(() => String, { name: 'bankAccount', description: 'Account proposed, masked (新银行账号, ****1234)' })
  get bankAccountMasked(): string {
    return maskBankAccount(this.bankAccount);
  }

  @Enum(BankAccountChangeStatus, 10, 'Status (状态)') status: BankAccountChangeStatus;
  @Text('Why the account changes, as the payee stated it (变更原因)') reason: string;
  @Uuid() proposedById: string;

  @Field(() => ID, { name: 'proposedById', description: 'Who proposed it (提议人账号)' })
  get proposedByGlobalId(): string {
    return toGlobalId('Account', this.proposedById);
  }

  @CreatedAt('Proposed at (提议时间)') proposedAt: Date;
  @Uuid({ nullable: true }) decidedById: string | null;

  @Field(() => ID, { name: 'decidedById', nullable: true, description: 'Who confirmed or rejected it (确认人账号)' })
  get decidedByGlobalId(): string | null {
    return this.decidedById ? toGlobalId('Account', this.decidedById) : null;
  }

  @Timestamp('Confirmed or rejected at (确认时间)', { nullable: true }) decidedAt: Date | null;
  @Text('Why it was rejected (驳回理由)', { nullable: true }) rejectionReason: string | null;
}
