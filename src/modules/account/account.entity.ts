import { Entity, Index, JoinColumn, ManyToOne, OneToMany, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ObjectType } from 'type-graphql';
import { Node, toGlobalId } from '../../graphql/node';
import { Department, Role } from '../../../permissions/roles';
import { Region } from '../region/region.entity';
import { Bool, CreatedAt, Enum, Integer, Timestamp, UpdatedAt, Varchar } from '../../db/fields';

/**
 * A person or a department integration. Its home region places it for scoping (a township
 * caseworker sees the accounts of its township); its roles say what it may do, each for a region.
 */
@Entity('accounts')
@Index(['districtCode'])
@ObjectType('Account', { implements: Node, description: 'A user or department integration account (账号).' })
export class Account implements Node {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Varchar(64, 'Sign-in name (用户名)', { unique: true }) username: string;
  @Varchar(100, 'Display name (姓名/名称)') displayName: string;

  /** argon2id hash; null for integrations that sign in with API keys only. */
  @Varchar(255, { nullable: true }) passwordHash: string | null;

  @Varchar(12, 'Home region code (所属区划代码)') regionCode: string;

  @ManyToOne(() => Region, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'region_code' })
  region?: Region;

  @Varchar(12, 'District code (区代码)') districtCode: string;
  @Varchar(12, 'Township code of the home region (乡镇代码)', { nullable: true }) townshipCode: string | null;
  @Varchar(12, 'Village code of the home region (村代码)', { nullable: true }) villageCode: string | null;
  @Enum(Department, 32, 'Department of an integration account (所属部门)', { nullable: true }) departmentCode: Department | null;
  @Bool('Whether the account may sign in (启用)', { default: true }) active: boolean;

  /** SHA-256 of the one-time activation code a new account chooses its password with (D§14); null once used. */
  @Varchar(64, { nullable: true }) activationCodeHash: string | null;

  @Timestamp({ nullable: true }) activationExpiresAt: Date | null;

  /** Carried in every token; raised when the password changes, so that older tokens are refused. */
  @Integer({ default: 0 }) credentialsVersion: number;

  @OneToMany(() => RoleAssignment, (assignment) => assignment.account)
  @Field(() => [RoleAssignment], { description: 'Roles held, each for a region (角色)' })
  roles: RoleAssignment[];

  @CreatedAt('Created at (创建时间)') createdAt: Date;
  @UpdatedAt() updatedAt: Date;

  get nodeId(): string {
    return toGlobalId('Account', this.id);
  }
}

/**
 * A role an account holds now: a row of the `account_roles` view, which is the account's confirmed,
 * unrevoked role grants in force (D§14). Nothing writes it; grants are made through `RoleGrant`.
 */
@Entity('account_roles', { synchronize: false })
@ObjectType('RoleAssignment', { description: 'A role held for a region (角色授权).' })
export class RoleAssignment {
  @PrimaryColumn('uuid')
  accountId: string;

  @PrimaryColumn({ type: 'varchar', length: 32 })
  @Field(() => Role, { description: 'Role (角色)' })
  role: Role;

  @PrimaryColumn({ type: 'varchar', length: 12 })
  @Field({ description: 'Region the role is held for (授权区划代码)' })
  regionCode: string;

  @ManyToOne(() => Region, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'region_code' })
  region?: Region;

  @ManyToOne(() => Account, (account) => account.roles, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id' })
  account: Account;
}
