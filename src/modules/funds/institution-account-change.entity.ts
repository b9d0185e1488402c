import { Entity, Index } from 'typeorm';
import { Field, ID, ObjectType } from 'type-graphql';
import { TenantRelation } from '../../db/tenant-row';
import { Node, tenantGlobalId } from '../../graphql/node';
import { ProposedAccountChange } from '../payee-account/account-change.entity';
import { InstitutionPayee } from './funds.entity';
import { Uuid } from '../../db/fields';

/**
 * A change of a care institution's payment account (供养机构收款账户变更), D§10, issue 10 item 7:
 * the institution is the payee of its centralised TEKUN recipients, so its account changes only as
 * a household's does, once a second account confirms it.
 */
@Entity('institution_account_changes')
// At most one change waits for confirmation per institution: a second proposal is a CONFLICT.
@Index(['districtCode', 'institutionPayeeId'], { unique: true, where: `status = 'PROPOSED'` })
@Index(['districtCode', 'proposedAt', 'id'])
@ObjectType('InstitutionAccountChange', {
  implements: Node,
  description:
    "A change of a care institution's payment account, in effect only once a second account confirms it (供养机构账户变更), D§10.",
})
export class InstitutionAccountChange extends ProposedAccountChange {
  @Uuid() institutionPayeeId: string;

  @TenantRelation(() => InstitutionPayee, 'institution_payee_id', 'RESTRICT')
  institutionPayee?: InstitutionPayee;

  @Field(() => ID, { name: 'institutionPayeeId', description: 'The institution paid into the account (供养机构)' })
  get institutionPayeeGlobalId(): string {
    return tenantGlobalId('InstitutionPayee', { districtCode: this.districtCode, id: this.institutionPayeeId });
  }
}
