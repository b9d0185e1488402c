import crypto from 'node:crypto';
import type { Server } from 'node:http';
import path from 'node:path';
import express, { Express } from 'express';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { GraphQLError } from 'graphql';
import type { DataSource } from 'typeorm';
import { defineAbilityFor } from '../permissions/ability';
import type { Config } from './config';
import type { Logger } from './logger';
import { createErrorFormatter, DomainError, unauthenticated } from './errors';
import { languageOf, requestLanguage } from './i18n/language';
import { buildAppSchema } from './graphql/schema';
import type { RequestContext } from './graphql/context';
import { Caller, PendingAudit } from './auth/caller';
import { createServices, Services } from './services';
import { createLoaders } from './loaders';
import { createTokenSigner } from './auth/tokens';
import { LoginThrottle } from './auth/login-throttle';
import { depthLimit } from './graphql/depth-limit';
import { RequestRecord, requestStatements } from './db/query-counter';
import { GRAPHIQL_ASSETS, graphiqlPage } from './http/graphiql-page';
import { corsFromAllowList } from './http/cors';
import { HttpDrain } from './http/drain';
import { Metrics } from './http/metrics';

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

/** The HTTP application: GraphQL, GraphiQL and health endpoints over an open database. */
export async function createApp(dataSource: DataSource, config: Config & { jwtSecret: string }, logger: Logger): Promise<App> {
  const services = createServices(
    dataSource,
    logger,
    createTokenSigner(config.jwtSecret, config.tokenTtlSeconds),
    new LoginThrottle(config.loginMaxFailures, config.loginLockSeconds),
  );
  const metrics = new Metrics(dataSource);
  const apollo = new ApolloServer<RequestContext>({
    schema: await buildAppSchema(),
    formatError: createErrorFormatter(logger, config.production),
    includeStacktraceInErrorResponses: !config.production,
    introspection: true,
    validationRules: [depthLimit(config.maxQueryDepth)],
    // Apollo's own SIGINT/SIGTERM handler would stop it while requests are still draining; the
    // process owner calls `drain` instead.
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      metrics.plugin(),
      // Statements this request ran, for tests and the benchmark: an N+1 shows up as a count.
      {
        requestDidStart() {
          return Promise.resolve({
            async willSendResponse({ response, contextValue }) {
              await contextValue.services.audit.flush(contextValue.caller);
              const store = requestStatements.getStore();
              if (store && !config.production) response.http.headers.set('x-sql-statements', String(store.count));
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
  // Sign-in throttling is keyed by client address; behind a proxy that is the forwarded one.
  app.set('trust proxy', config.trustProxy);

  // Request id and one structured log line per request; SQL statements are counted per request;
  // the language of the answer (messages, reasons) is the one the client asks for.
  app.use((req, res, next) => {
    const requestId = (req.header('x-request-id') || crypto.randomUUID()).slice(0, 100);
    res.locals.requestId = requestId;
    res.setHeader('x-request-id', requestId);
    const started = process.hrtime.bigint();
    const statements: RequestRecord = { count: 0 };
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
        },
        'request',
      );
    });
    const language = languageOf(req.header('accept-language'));
    res.setHeader('content-language', language);
    res.vary('accept-language');
    requestLanguage.run(language, () => requestStatements.run(statements, next));
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

  app.get('/graphiql', (_req, res) => {
    res.type('html').send(graphiqlPage());
  });
  for (const [name, [pkg, fileInPackage]] of Object.entries(GRAPHIQL_ASSETS)) {
    // These files are not in the packages' export maps; find them next to package.json.
    const file = path.join(path.dirname(require.resolve(`${pkg}/package.json`)), fileInPackage);
    app.get(`/graphiql/assets/${name}`, (_req, res) => {
      res.sendFile(file, { maxAge: '1d' });
    });
  }

  if (config.corsOrigins.length) app.use('/graphql', corsFromAllowList(config.corsOrigins));
  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const header = req.header('authorization');
        let actor: Caller['actor'] = null;
        let authMethod: Caller['authMethod'] = null;
        if (header) {
          const match = /^Bearer\s+(\S+)$/i.exec(header);
          if (!match) throw unauthenticatedRequest(unauthenticated('auth.header.malformed'));
          try {
            ({ actor, method: authMethod } = await services.accounts.actorFromCredential(match[1]));
          } catch (error) {
            if (error instanceof DomainError) throw unauthenticatedRequest(error);
            throw error;
          }
        }
        let loaders: RequestContext['loaders'] | undefined;
        const ctx: RequestContext = {
          caller: {
            actor,
            authMethod,
            ability: defineAbilityFor(actor),
            requestId: res.locals.requestId as string,
            clientAddress: req.ip ?? req.socket.remoteAddress ?? 'unknown',
            audit: new PendingAudit(),
          },
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
