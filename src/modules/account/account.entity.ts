import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Field, ObjectType } from 'type-graphql';
import { Node, toGlobalId } from '../../graphql/node';
import { Department, Role } from '../../../permissions/roles';
import { Region } from '../region/region.entity';

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

  @Column({ type: 'varchar', length: 64, unique: true })
  @Field({ description: 'Sign-in name (用户名)' })
  username: string;

  @Column({ type: 'varchar', length: 100 })
  @Field({ description: 'Display name (姓名/名称)' })
  displayName: string;

  /** argon2id hash; null for integrations that sign in with API keys only. */
  @Column({ type: 'varchar', length: 255, nullable: true })
  passwordHash: string | null;

  @Column({ type: 'varchar', length: 12 })
  @Field({ description: 'Home region code (所属区划代码)' })
  regionCode: string;

  @ManyToOne(() => Region, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'region_code' })
  region?: Region;

  @Column({ type: 'varchar', length: 12 })
  @Field({ description: 'District code (区代码)' })
  districtCode: string;

  @Column({ type: 'varchar', length: 12, nullable: true })
  @Field(() => String, { nullable: true, description: 'Township code of the home region (乡镇代码)' })
  townshipCode: string | null;

  @Column({ type: 'varchar', length: 12, nullable: true })
  @Field(() => String, { nullable: true, description: 'Village code of the home region (村代码)' })
  villageCode: string | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  @Field(() => Department, { nullable: true, description: 'Department of an integration account (所属部门)' })
  departmentCode: Department | null;

  @Column({ type: 'boolean', default: true })
  @Field({ description: 'Whether the account may sign in (启用)' })
  active: boolean;

  /** SHA-256 of the one-time activation code a new account chooses its password with (D§14); null once used. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  activationCodeHash: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  activationExpiresAt: Date | null;

  /** Carried in every token; raised when the password changes, so that older tokens are refused. */
  @Column({ type: 'int', default: 0 })
  credentialsVersion: number;

  @OneToMany(() => RoleAssignment, (assignment) => assignment.account)
  @Field(() => [RoleAssignment], { description: 'Roles held, each for a region (角色)' })
  roles: RoleAssignment[];

  @CreateDateColumn({ type: 'timestamptz' })
  @Field({ description: 'Created at (创建时间)' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

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
