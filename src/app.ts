import { trace } from '@opentelemetry/api';
import crypto from 'node:crypto';
import type { Server } from 'node:http';
import path from 'node:path';
import express, { ErrorRequestHandler, Express, RequestHandler } from 'express';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { GraphQLError, GraphQLSchema } from 'graphql';
import type { DataSource } from 'typeorm';
import type { AppAbility } from '../permissions/ability';
import { abilityFor as sharedAbilityFor } from './auth/abilities';
import type { Config } from './config';
import type { Logger } from './logger';
import { createErrorFormatter, DomainError, ErrorCode, isDatabaseUnreachable, plainErrorBody, unauthenticated } from './errors';
import { languageOf } from './i18n/language';
import { buildAppSchema } from './graphql/schema';
import type { RequestContext } from './graphql/context';
import { Caller, PendingAudit } from './auth/caller';
import { createServices, Services } from './services';
import { createLoaders } from './loaders';
import { createTokenSigner } from './auth/tokens';
import { currentRequest, RequestRecord } from './db/query-counter';
import { costLimitPlugin, QueryLimits, queryLimitRules } from './graphql/query-limits';
import { message } from './i18n/message';
import { controlCharacterGuard } from './graphql/input-guard';
import { viewAsGuard } from './graphql/view-as-guard';
import { GRAPHIQL_ASSETS, graphiqlPage } from './http/graphiql-page';
import { pagePolicy, securityHeaders } from './http/security-headers';
import { auditPage } from './http/audit-page';
import { corsFromAllowList } from './http/cors';
import { HttpDrain } from './http/drain';
import { Metrics } from './http/metrics';
import { exportRoutes } from './http/exports';
import { admit, withinRequest } from './db/district-wall';
import { withScope } from './async-scope';

export interface App {
  express: Express;
  services: Services;
  metrics: Metrics;
  /** Graceful stop of `server`, which serves this app: it takes no new connection, /readyz answers
   * 503, requests in flight finish (those still running after `graceMs` are cut), then Apollo stops.
   * Resolves true when nothing had to be cut. */
  drain(server: Server, graceMs: number): Promise<boolean>;
  stop(): Promise<void>;
}

const READY_TIMEOUT_MS = 2000;

/**
 * What only the benchmark's own server entry (`scripts/bench-server.ts`) passes, to measure what
 * authorization costs: a schema and abilities of its making. `main.ts` never passes it and no setting
 * or environment variable reaches it, so a deployed server always runs the policy.
 */
export interface BenchOnlyReplacement {
  schema: GraphQLSchema;
  abilityFor: (actor: Caller['actor']) => AppAbility;
}

/** The HTTP application: GraphQL, GraphiQL and health endpoints over an open database. */
export async function createApp(
  dataSource: DataSource,
  config: Config & { jwtSecret: string },
  logger: Logger,
  benchOnly?: BenchOnlyReplacement,
): Promise<App> {
  const abilityFor = benchOnly?.abilityFor ?? sharedAbilityFor;
  const services = createServices(dataSource, logger, createTokenSigner(config.jwtSecret, config.tokenTtlSeconds), config);
  const metrics = new Metrics(dataSource);
  const limits: QueryLimits = {
    maxDepth: config.maxQueryDepth,
    maxAliases: config.maxQueryAliases,
    maxDirectives: config.maxQueryDirectives,
    maxTokens: config.maxQueryTokens,
    maxCost: config.maxQueryCost,
    listSizeEstimate: config.queryListSizeEstimate,
  };
  const apollo = new ApolloServer<RequestContext>({
    schema: benchOnly?.schema ?? (await buildAppSchema()),
    // Internal detail (stack traces, database error text) only where a developer asked for it.
    formatError: createErrorFormatter(logger, config.development),
    includeStacktraceInErrorResponses: config.development,
    introspection: true,
    validationRules: queryLimitRules(limits),
    // Counted while parsing, so that an oversized document is refused before it is even built.
    parseOptions: { maxLexicalTokens: limits.maxTokens },
    // Apollo's own SIGINT/SIGTERM handler would stop it while requests are still draining; the
    // process owner calls `drain` instead.
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      // Apollo installs its cache-control plugin unless told not to; its per-field hook makes Apollo
      // wrap every resolver of every request. The API sets no cache hints (answers depend on the
      // caller). Fields are traced only when OpenTelemetry tracing is on (see src/telemetry/tracing.ts,
      // which skips trivial resolvers), so by default no field is instrumented.
      ApolloServerPluginCacheControlDisabled(),
      metrics.plugin(),
      costLimitPlugin(limits),
      controlCharacterGuard(),
      viewAsGuard(),
      // Statements this request ran, for tests and the benchmark: an N+1 shows up as a count.
      {
        requestDidStart() {
          return Promise.resolve({
            async willSendResponse({ response, contextValue }) {
              await contextValue.services.audit.flush(contextValue.caller);
              const record = currentRequest();
              if (record && config.development) response.http.headers.set('x-sql-statements', String(record.count));
            },
          });
        },
      },
    ],
  });
  await apollo.start();

  const httpDrain = new HttpDrain();
  const app = express();
  app.disable('x-powered-by');
  app.use(httpDrain.track);
  app.use(securityHeaders);
  // Sign-in throttling is keyed by client address: X-Forwarded-For names it only when a listed proxy
  // sent the request, and then the nearest untrusted hop, so that a client cannot choose its own.
  app.set('trust proxy', config.trustedProxies.length ? config.trustedProxies : false);

  // Request id and one structured log line per request; SQL statements are counted per request;
  // the language of the answer (messages, reasons) is the one the client asks for.
  app.use((req, res, next) => {
    // Always the server's own: a client-chosen id would let a caller plant or collide entries in the audit log.
    const requestId = crypto.randomUUID();
    res.locals.requestId = requestId;
    res.setHeader('x-request-id', requestId);
    // Ties the request's trace (when tracing is on) to its log line and its audit rows.
    trace.getActiveSpan()?.setAttribute('request.id', requestId);
    const started = process.hrtime.bigint();
    const statements: RequestRecord = { requestId, count: 0 };
    res.locals.statements = statements;
    res.on('finish', () => {
      logger.info(
        {
          requestId,
          method: req.method,
          path: req.originalUrl.split('?')[0],
          status: res.statusCode,
          ms: Number(process.hrtime.bigint() - started) / 1e6,
          sqlStatements: statements.count,
          operation: statements.operation,
          accountId: statements.accountId,
          result: statements.result,
          // The caller's own trace id, for their support requests; logged, never used as ours.
          clientRequestId: req.header('x-request-id')?.slice(0, 100),
        },
        'request',
      );
    });
    const language = languageOf(req.header('accept-language'));
    res.setHeader('content-language', language);
    res.vary('accept-language');
    // Behind the district wall, shut until the caller is known (src/db/district-wall.ts).
    withScope({ language, request: statements }, () => withinRequest(next));
  });

  app.use(metrics.observeHttp);
  app.get('/metrics', metrics.handler(config.metricsToken));

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });

  app.get('/readyz', async (_req, res) => {
    if (httpDrain.isDraining) {
      res.status(503).json({ status: 'draining' });
      return;
    }
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        dataSource.query('SELECT 1'),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error('database did not answer in time')), READY_TIMEOUT_MS);
        }),
      ]);
      res.json({ status: 'ready', database: 'up' });
    } catch (error) {
      logger.warn({ err: error }, 'readiness check failed');
      res.status(503).json({ status: 'unavailable', database: 'down' });
    } finally {
      clearTimeout(timer);
    }
  });

  const graphiqlHtml = graphiqlPage();
  const graphiqlCsp = pagePolicy(graphiqlHtml);
  app.get('/graphiql', (_req, res) => {
    res.setHeader('content-security-policy', graphiqlCsp);
    res.type('html').send(graphiqlHtml);
  });
  // The permission audit console (issue #16): public HTML; its data comes through /graphql under the policy.
  const auditHtml = auditPage();
  const auditCsp = pagePolicy(auditHtml);
  app.get('/audit', (_req, res) => {
    res.setHeader('content-security-policy', auditCsp);
    res.type('html').send(auditHtml);
  });
  for (const [name, [pkg, fileInPackage]] of Object.entries(GRAPHIQL_ASSETS)) {
    // These files are not in the packages' export maps; find them next to package.json.
    const file = path.join(path.dirname(require.resolve(`${pkg}/package.json`)), fileInPackage);
    app.get(`/graphiql/assets/${name}`, (_req, res) => {
      res.sendFile(file, { maxAge: '1d' });
    });
  }

  /** Who calls, from the bearer credential (none: anonymous); a malformed or bad one throws UNAUTHENTICATED. */
  const callerOf = async (req: express.Request, res: express.Response): Promise<Caller> => {
    const header = req.header('authorization');
    let actor: Caller['actor'] = null;
    let authMethod: Caller['authMethod'] = null;
    let viewer: Caller['viewer'] = null;
    if (header) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      if (!match) throw unauthenticated('auth.header.malformed');
      ({ actor, method: authMethod, viewer } = await services.accounts.actorFromCredential(match[1]));
    }
    admit(actor);
    return {
      actor,
      authMethod,
      ability: abilityFor(actor),
      requestId: res.locals.requestId as string,
      clientAddress: req.ip ?? req.socket.remoteAddress ?? 'unknown',
      audit: new PendingAudit(),
      viewer,
    };
  };

  // File exports (.xlsx, CSV) of what the GraphQL lists show, under the same credential and policy.
  app.use('/exports', timeLimit(config.requestTimeoutMs), exportRoutes(services, callerOf));

  if (config.corsOrigins.length) app.use('/graphql', corsFromAllowList(config.corsOrigins));
  app.use(
    '/graphql',
    timeLimit(config.requestTimeoutMs),
    express.json({ limit: config.maxRequestBytes }),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        let caller: Caller;
        try {
          caller = await callerOf(req, res);
        } catch (error) {
          if (error instanceof DomainError) throw unauthenticatedRequest(error);
          if (isDatabaseUnreachable(error)) throw databaseUnreachableRequest();
          throw error;
        }
        let loaders: RequestContext['loaders'] | undefined;
        const ctx: RequestContext = {
          caller,
          services,
          // Created on first use: many requests never touch a loader.
          get loaders() {
            loaders ??= createLoaders(ctx.caller, services);
            return loaders;
          },
        };
        return ctx;
      },
    }),
  );

  app.use((_req, res) => {
    res.status(404).json(plainErrorBody(ErrorCode.NOT_FOUND, message('request.noSuchPath')));
  });
  app.use(jsonErrors(logger, config));

  return {
    express: app,
    services,
    metrics,
    async drain(server, graceMs) {
      const inTime = await httpDrain.drain(server, graceMs);
      await apollo.stop();
      return inTime;
    },
    stop: () => apollo.stop(),
  };
}

/** A bad credential refuses the whole request with 401 rather than running it anonymously; the
 * formatter renders the domain error it carries. */
function unauthenticatedRequest(error: DomainError): GraphQLError {
  return new GraphQLError(error.message, { originalError: error, extensions: { code: error.code, http: { status: 401 } } });
}

/** The caller cannot even be identified while the database is away: the whole request is refused
 * with 503, as `/readyz` says, rather than run anonymously or answered 500. */
function databaseUnreachableRequest(): GraphQLError {
  const error = new DomainError(ErrorCode.SERVICE_UNAVAILABLE, message('database.unavailable'));
  return new GraphQLError(error.message, { originalError: error, extensions: { code: error.code, http: { status: 503 } } });
}

/**
 * Answers REQUEST_TIMEOUT (503) to a request still running after `ms`, so that one slow query does
 * not hold its client (or a proxy's connection) indefinitely. What it was doing finishes in the
 * background and its audit entries are still written; its late answer is dropped.
 */
function timeLimit(ms: number): RequestHandler {
  return (_req, res, next) => {
    const timer = setTimeout(() => {
      if (res.headersSent) return;
      res.status(503).json(plainErrorBody(ErrorCode.REQUEST_TIMEOUT, message('request.timedOut', { ms })));
    }, ms);
    res.on('close', () => clearTimeout(timer));
    next();
  };
}

/**
 * Errors outside GraphQL, as coded JSON instead of Express's HTML page: a body that is not JSON, one
 * over the size limit, and anything unexpected (logged; its text shown only in development).
 */
function jsonErrors(logger: Logger, config: Pick<Config, 'development' | 'maxRequestBytes'>): ErrorRequestHandler {
  return (error: { type?: string; status?: number; message?: string }, _req, res, _next) => {
    // A late failure of a request already answered (a time-out) has nobody left to tell.
    if (res.headersSent) {
      logger.warn({ err: error }, 'error after the answer was sent');
      if (!res.writableEnded) res.end();
      return;
    }
    if (error.type === 'entity.parse.failed') {
      res.status(400).json(plainErrorBody(ErrorCode.BAD_REQUEST, message('request.malformedJson')));
    } else if (error.type === 'entity.too.large') {
      res.status(413).json(plainErrorBody(ErrorCode.BAD_REQUEST, message('request.bodyTooLarge', { max: config.maxRequestBytes })));
    } else if (error.status && error.status >= 400 && error.status < 500) {
      res
        .status(error.status)
        .json(plainErrorBody(ErrorCode.BAD_REQUEST, message('request.badRequest', { detail: error.type ?? 'unreadable body' })));
    } else {
      logger.error({ err: error }, 'unexpected error outside GraphQL');
      const body = plainErrorBody(ErrorCode.INTERNAL_SERVER_ERROR, message('internal.error'));
      res.status(500).json(config.development ? { ...body, detail: error.message } : body);
    }
  };
}
