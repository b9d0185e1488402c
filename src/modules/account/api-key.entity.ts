import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Account } from './account.entity';
import { Field, ObjectType } from 'type-graphql';
import { Node, toGlobalId } from '../../graphql/node';

/** A department integration's credential. Only a SHA-256 of the secret is kept; keys are
 * high-entropy random strings, so a slow password hash would add nothing but latency per call. */
@Entity('api_keys')
@Index(['accountId'])
@Index(['districtCode'])
@ObjectType('ApiKey', { implements: Node, description: 'API key of a department integration (接口密钥); the secret is shown once.' })
export class ApiKey implements Node {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  accountId: string;

  @ManyToOne(() => Account, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id' })
  account?: Account;

  @Column({ type: 'varchar', length: 12 })
  @Field({ description: 'District code (区代码)' })
  districtCode: string;

  @Column({ type: 'varchar', length: 100 })
  @Field({ description: 'Label given at creation (名称)' })
  name: string;

  /** Public, indexed part of the key used to find the row before comparing the hash. */
  @Column({ type: 'varchar', length: 16, unique: true })
  @Field({ description: 'Visible key prefix (密钥前缀), to tell keys apart' })
  prefix: string;

  @Column({ type: 'varchar', length: 64 })
  secretHash: string;

  @Column('uuid')
  createdById: string;

  @ManyToOne(() => Account, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by_id' })
  createdBy?: Account;

  @CreateDateColumn({ type: 'timestamptz' })
  @Field({ description: 'Created at (创建时间)' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true, description: 'Last successful use (最近使用时间)' })
  lastUsedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true, description: 'Revoked at (吊销时间); a revoked key is refused' })
  revokedAt: Date | null;

  get nodeId(): string {
    return toGlobalId('ApiKey', this.id);
  }
}
