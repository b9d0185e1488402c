import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ObjectType } from 'type-graphql';
import { Role } from '../../../permissions/roles';
import { DistrictRow, TenantRelation } from '../../db/tenant-row';
import { Region } from '../region/region.entity';
import { Account } from './account.entity';
import { Node } from '../../graphql/node';
import { Bool, CreatedAt, Enum, Timestamp, Uuid, Varchar } from '../../db/fields';

/** The capacity a grant was proposed in: a role of the proposer, or the seed (a system act). A
 * district's first ADMIN is proposed by a province operator with the district itself (issue #15). */
export type ProposedAs = Role.ADMIN | Role.TOWNSHIP_HEAD | Role.PROVINCE_OPERATOR | 'SEED';

/**
 * A role granted to an account for a region (D§14): proposed by one account, in force only once a
 * second one with the authority to confirm it has confirmed it, and ended by a revocation. Each of
 * the three is its own append-only record, so the history of every power can be read back. The
 * account's effective roles (`account_roles`, a view) are the confirmed, unrevoked grants in force now.
 */
@Entity('role_grants')
@Index(['districtCode', 'accountId'])
@ObjectType('RoleGrant', { implements: Node, description: 'A role granted to an account for a region (角色授予记录).' })
export class RoleGrant extends DistrictRow {
  @Uuid() accountId: string;

  @ManyToOne(() => Account, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'account_id' })
  account?: Account;

  @Enum(Role, 32, 'Role (角色)') role: Role;
  @Varchar(12, 'Region the role is held for (授权区划代码)') regionCode: string;

  @ManyToOne(() => Region, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'region_code' })
  region?: Region;

  /** The township of a township or village role, for the township head's scope; null for district roles. */
  @Varchar(12, 'Township of a township or village role (乡镇代码)', { nullable: true }) townshipCode: string | null;

  /** District-tier roles are confirmed by a district officer, the others by ADMIN and the township head (D§14). */
  @Bool('Whether the role is of the district tier (区级角色)') districtTier: boolean;

  /** Null when the seed made the grant. */
  @Uuid({ nullable: true }) proposedById: string | null;

  @ManyToOne(() => Account, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'proposed_by_id' })
  proposedBy?: Account;

  @Varchar(32, 'Capacity the proposer acted in (提议身份): ADMIN, TOWNSHIP_HEAD, PROVINCE_OPERATOR or SEED') proposedAs: ProposedAs;
  @Timestamp('In force from, once confirmed (生效时间)') effectiveFrom: Date;
  @Timestamp('In force until (失效时间); null: until revoked', { nullable: true }) effectiveUntil: Date | null;
  @CreatedAt('Proposed at (提议时间)') createdAt: Date;

  /** Read with the grant, when there is one. */
  confirmation?: RoleGrantAct | null;
  revocation?: RoleGrantAct | null;
}

export enum RoleGrantActKind {
  CONFIRM = 'CONFIRM',
  REVOKE = 'REVOKE',
}

/** The confirmation or the revocation of a grant: one of each at most, never edited. */
@Entity('role_grant_acts')
export class RoleGrantAct {
  @PrimaryColumn({ type: 'varchar', length: 12 })
  districtCode: string;

  @PrimaryColumn('uuid')
  grantId: string;

  @PrimaryColumn({ type: 'varchar', length: 16 })
  kind: RoleGrantActKind;

  @TenantRelation(() => RoleGrant, 'grant_id', 'RESTRICT')
  grant?: RoleGrant;

  /** Null when the seed confirmed the grant. */
  @Uuid({ nullable: true }) byId: string | null;

  @ManyToOne(() => Account, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'by_id' })
  by?: Account;

  /** From when the act counts: a confirmation when made, a revocation from its date. */
  @Timestamp() effectiveAt: Date;

  @CreatedAt() recordedAt: Date;
}
