import { Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Account } from './account.entity';
import { ObjectType } from 'type-graphql';
import { Node, toGlobalId } from '../../graphql/node';
import { CreatedAt, Timestamp, Uuid, Varchar } from '../../db/fields';

/** A department integration's credential. Only a SHA-256 of the secret is kept; keys are
 * high-entropy random strings, so a slow password hash would add nothing but latency per call. */
@Entity('api_keys')
@Index(['accountId'])
@Index(['districtCode'])
@ObjectType('ApiKey', { implements: Node, description: 'API key of a department integration (接口密钥); the secret is shown once.' })
export class ApiKey implements Node {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Uuid() accountId: string;

  @ManyToOne(() => Account, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id' })
  account?: Account;

  @Varchar(12, 'District code (区代码)') districtCode: string;
  @Varchar(100, 'Label given at creation (名称)') name: string;

  /** Public, indexed part of the key used to find the row before comparing the hash. */
  @Varchar(16, 'Visible key prefix (密钥前缀), to tell keys apart', { unique: true }) prefix: string;

  @Varchar(64) secretHash: string;
  @Uuid() createdById: string;

  @ManyToOne(() => Account, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by_id' })
  createdBy?: Account;

  @CreatedAt('Created at (创建时间)') createdAt: Date;
  @Timestamp('Last successful use (最近使用时间)', { nullable: true }) lastUsedAt: Date | null;
  @Timestamp('Revoked at (吊销时间); a revoked key is refused', { nullable: true }) revokedAt: Date | null;

  get nodeId(): string {
    return toGlobalId('ApiKey', this.id);
  }
}
