import type { DataSource } from 'typeorm';
import type { Actor, AppAbility } from '../../permissions/ability';
import type { Logger } from '../logger';
import type { Services } from '../services';
import type { Loaders } from '../loaders';
import type { AuditEntry } from '../modules/audit/audit-entry.entity';

export type AuthMethod = 'TOKEN' | 'API_KEY';

/** Everything a resolver may use for one request: who acts, what they may do, and data access. */
export interface RequestContext {
  requestId: string;
  /** The caller's network address, for sign-in throttling. */
  clientAddress: string;
  actor: Actor | null;
  authMethod: AuthMethod | null;
  ability: AppAbility;
  dataSource: DataSource;
  services: Services;
  loaders: Loaders;
  logger: Logger;
  /** Audit entries (refusals, personal-data reads) written in one statement before the response. */
  pendingAudit: Map<string, Partial<AuditEntry>>;
}
