import { Entity, Index } from 'typeorm';
import { Field, ID, ObjectType } from 'type-graphql';
import { TenantRelation } from '../../db/tenant-row';
import { Node, tenantGlobalId } from '../../graphql/node';
import { ProposedAccountChange } from '../payee-account/account-change.entity';
import { Household } from './household.entity';
import { Uuid, Varchar } from '../../db/fields';

/** A change of an enrolled household's payment account (银行账户变更), D§10, issue 10 item 7. */
@Entity('bank_account_changes')
// At most one change waits for confirmation per household: a second proposal is a CONFLICT.
@Index(['districtCode', 'householdId'], { unique: true, where: `status = 'PROPOSED'` })
@ObjectType('BankAccountChange', {
  implements: Node,
  description: 'A change of an enrolled payee bank account, in effect only once a second account confirms it (银行账户变更), D§10.',
})
export class BankAccountChange extends ProposedAccountChange {
  // The household's village, as a VillageRow carries it: the village proposes its households' changes.
  @Varchar(12, 'Village code (村代码)') villageCode: string;
  @Uuid() householdId: string;

  @TenantRelation(() => Household, 'household_id', 'RESTRICT')
  household?: Household;

  @Field(() => ID, { name: 'householdId', description: 'The household paid into the account (家庭)' })
  get householdGlobalId(): string {
    return tenantGlobalId('Household', { districtCode: this.districtCode, id: this.householdId });
  }
}
