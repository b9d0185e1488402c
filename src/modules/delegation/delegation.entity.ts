import { Check, Entity, Index } from 'typeorm';
import { Field, ID, ObjectType } from 'type-graphql';
import { TenantRelation, TownshipRow } from '../../db/tenant-row';
import { Node, tenantGlobalId } from '../../graphql/node';
import { defineEnum, EnumValue } from '../../graphql/define-enum';
import { Programme } from '../case/case.entity';
import { CalendarDate, CreatedAt, Enum, Uuid, Varchar } from '../../db/fields';

export const DelegationKind = defineEnum('DelegationKind', 'What a delegation record does (委托记录类别), D§13', {
  GRANT: 'Entrusts the township with the authority to decide (委托审核确认权)',
  REVOCATION: 'Ends an earlier grant from its date (收回委托)',
});
export type DelegationKind = EnumValue<typeof DelegationKind>;

/**
 * A record of the district's authority to decide, entrusted to a township for one programme (P3.1,
 * P5, D§13). Records are only ever added (the table refuses edits): a grant is ended by a later
 * revocation record that names it, so the authority behind any past decision can be read back.
 */
@Entity('delegations')
@Index(['districtCode', 'townshipCode', 'programme'])
@Index(['districtCode', 'createdAt', 'id'])
// A grant is revoked once: two revocations at the same time cannot both be recorded.
@Index(['districtCode', 'revokesId'], { unique: true, where: 'revokes_id IS NOT NULL' })
@Check('CK_delegations_revocation_names_grant', "(kind = 'REVOCATION') = (revokes_id IS NOT NULL)")
@ObjectType('Delegation', {
  implements: Node,
  description: 'A record of delegated authority to decide (审核确认权委托记录): a grant to a township, or its revocation, D§13.',
})
export class Delegation extends TownshipRow {
  @Enum(DelegationKind, 16, 'Grant or revocation (委托或收回)') kind: DelegationKind;
  @Enum(Programme, 16, 'Programme delegated (救助类别)') programme: Programme;
  @CalendarDate('From this date the record takes effect (生效日期)') effectiveFrom: string;
  @CalendarDate('A grant ends after this date, if one is set (截止日期)', { nullable: true }) effectiveUntil: string | null;
  @Varchar(200, "The district's document reference (区文件文号)") documentReference: string;

  /** The grant a revocation ends; null on a grant. */
  @Uuid({ nullable: true }) revokesId: string | null;

  @TenantRelation(() => Delegation, 'revokes_id', 'RESTRICT')
  revokes?: Delegation;

  @Field(() => ID, { name: 'revokes', nullable: true, description: 'Global ID of the grant this revocation ends (被收回的委托)' })
  get revokesGlobalId(): string | null {
    return this.revokesId ? tenantGlobalId('Delegation', { districtCode: this.districtCode, id: this.revokesId }) : null;
  }

  @Uuid() createdById: string;
  @CreatedAt('Recorded at (记录时间)') createdAt: Date;
}
