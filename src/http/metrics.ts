import type { RequestHandler } from 'express';
import type { ApolloServerPlugin } from '@apollo/server';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { DataSource } from 'typeorm';
import { getOperationAST } from 'graphql';
import type { RequestContext } from '../graphql/context';
import { currentRequest } from '../db/query-counter';

/** Operation names come from clients: past this many distinct ones, further names count as `other`,
 * so a client inventing names cannot grow the series without bound. */
const MAX_OPERATION_NAMES = 200;
const OPERATION_NAME = /^[_A-Za-z][_0-9A-Za-z]{0,63}$/;

interface PoolLike {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
}

/** Seconds, for the latency of GraphQL and of HTTP requests alike. */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

/**
 * Prometheus metrics of one server (issue #15): requests, latency and errors per GraphQL operation,
 * SQL statements per operation, connection pool use, denials per policy action and subject, and the
 * process metrics prom-client collects. One registry per app, so several apps in one process (tests)
 * keep separate counts.
 */
export class Metrics {
  readonly registry = new Registry();
  private readonly operations = new Set<string>();

  private readonly requests = new Counter({
    name: 'graphql_requests_total',
    help: 'GraphQL requests by operation name and result (ok, or the first error code)',
    labelNames: ['operation', 'result'] as const,
    registers: [this.registry],
  });

  private readonly duration = new Histogram({
    name: 'graphql_request_duration_seconds',
    help: 'Time from receiving a GraphQL request to sending its answer, by operation name',
    labelNames: ['operation'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  private readonly errors = new Counter({
    name: 'graphql_errors_total',
    help: 'Errors in GraphQL answers by operation name and error code',
    labelNames: ['operation', 'code'] as const,
    registers: [this.registry],
  });

  private readonly statements = new Histogram({
    name: 'graphql_sql_statements',
    help: 'SQL statements run for one GraphQL request, by operation name',
    labelNames: ['operation'] as const,
    buckets: [1, 2, 3, 4, 6, 8, 12, 16, 32, 64],
    registers: [this.registry],
  });

  private readonly denials = new Counter({
    name: 'authorization_denials_total',
    help: 'Attempts the policy refused, by action and subject',
    labelNames: ['action', 'subject'] as const,
    registers: [this.registry],
  });

  private readonly httpDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP requests by method, route and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  constructor(dataSource: DataSource) {
    collectDefaultMetrics({ register: this.registry });
    const pool = () => (dataSource.driver as unknown as { master?: PoolLike }).master;
    new Gauge({
      name: 'db_pool_connections',
      help: 'Connections of the PostgreSQL pool by state (total, idle, waiting requests)',
      labelNames: ['state'] as const,
      registers: [this.registry],
      collect() {
        const current = pool();
        this.set({ state: 'total' }, current?.totalCount ?? 0);
        this.set({ state: 'idle' }, current?.idleCount ?? 0);
        this.set({ state: 'waiting' }, current?.waitingCount ?? 0);
      },
    });
  }

  /** The label for a client's operation name: bounded in form and in number. */
  operationLabel(name: string | null | undefined): string {
    if (!name) return 'anonymous';
    if (!OPERATION_NAME.test(name)) return 'invalid';
    if (this.operations.has(name)) return name;
    if (this.operations.size >= MAX_OPERATION_NAMES) return 'other';
    this.operations.add(name);
    return name;
  }

  /** Counts each GraphQL request once, when its answer is ready (before the audit flush, which
   * empties the queued denials). */
  plugin(): ApolloServerPlugin<RequestContext> {
    return {
      requestDidStart: () => {
        const started = process.hrtime.bigint();
        return Promise.resolve({
          willSendResponse: ({ request, document, response, contextValue }) => {
            const named = document ? getOperationAST(document, request.operationName)?.name?.value : undefined;
            const operation = this.operationLabel(named ?? request.operationName);
            // The answer's errors as the client sees them, after the formatter gave each its code.
            const answered = response.body.kind === 'single' ? (response.body.singleResult.errors ?? []) : [];
            const codes = answered.map((error) => {
              const code = error.extensions?.code;
              return typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR';
            });
            this.requests.inc({ operation, result: codes[0] ?? 'ok' });
            for (const code of codes) this.errors.inc({ operation, code });
            this.duration.observe({ operation }, Number(process.hrtime.bigint() - started) / 1e9);
            const record = currentRequest();
            if (record) {
              this.statements.observe({ operation }, record.count);
              Object.assign(record, { operation, accountId: contextValue?.caller?.actor?.accountId ?? null, result: codes[0] ?? 'ok' });
            }
            for (const denial of contextValue?.caller?.audit.denials() ?? []) {
              this.denials.inc({ action: denial.action, subject: denial.subjectType });
            }
            return Promise.resolve();
          },
        });
      },
    };
  }

  /** Times every HTTP request; the route is the path's first segment, never an id. */
  readonly observeHttp: RequestHandler = (req, res, next) => {
    const stop = this.httpDuration.startTimer();
    res.on('finish', () => {
      const route = `/${req.originalUrl.split(/[/?]/)[1] ?? ''}`;
      stop({ method: req.method, route: KNOWN_ROUTES.has(route) ? route : 'other', status: String(res.statusCode) });
    });
    next();
  };

  /** `/metrics`: open unless a token is configured, then only with `Authorization: Bearer <token>`. */
  handler(token: string | undefined): RequestHandler {
    return async (req, res) => {
      if (token && req.header('authorization') !== `Bearer ${token}`) {
        res.status(401).json({ error: 'UNAUTHENTICATED' });
        return;
      }
      res.type(this.registry.contentType).send(await this.registry.metrics());
    };
  }
}

const KNOWN_ROUTES = new Set(['/graphql', '/graphiql', '/healthz', '/readyz', '/metrics']);
