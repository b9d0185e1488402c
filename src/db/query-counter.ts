import type { Logger as TypeOrmLogger } from 'typeorm';
import { currentScope } from '../async-scope';
import type { Logger } from '../logger';

/** What the one log line of a request says about it: the SQL statements it ran, and, for GraphQL,
 * its operation, account and result, filled in as the request learns them. */
export interface RequestRecord {
  /** The server's id of the request: in its response header, its log line and every error it answers. */
  requestId?: string;
  count: number;
  operation?: string;
  accountId?: string | null;
  result?: string;
}

declare module '../async-scope' {
  interface ScopeSlots {
    /** Counts SQL statements per HTTP request: tests assert these counts (N+1 guards), the benchmark
     * reports them, and responses carry them in `x-sql-statements` outside production. One object
     * per request, shared by the nested scopes of its work. */
    request?: RequestRecord;
  }
}

/** The record of the HTTP request being served, if any. */
export const currentRequest = (): RequestRecord | undefined => currentScope().request;

export const currentRequestId = (): string | undefined => currentScope().request?.requestId;

export class CountingQueryLogger implements TypeOrmLogger {
  constructor(private readonly logger: Logger) {}

  logQuery(query: string, parameters?: unknown): void {
    const request = currentScope().request;
    if (request) request.count += 1;
    if (this.logger.isLevelEnabled('trace')) this.logger.trace({ sql: query, parameters }, 'sql');
  }

  logQueryError(error: string | Error, query: string): void {
    this.logger.debug({ sql: query, error: String(error) }, 'sql error');
  }

  logQuerySlow(time: number, query: string): void {
    this.logger.warn({ sql: query, ms: time }, 'slow sql');
  }

  logSchemaBuild(message: string): void {
    this.logger.debug({ message }, 'schema build');
  }

  logMigration(message: string): void {
    this.logger.info({ message }, 'migration');
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.logger.warn({ message }, 'typeorm');
    else this.logger.debug({ message }, 'typeorm');
  }
}
