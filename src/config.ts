import path from 'node:path';
import { readOrCreateSecret } from './db/embedded-postgres';

/** How many connections the database pool holds, and how long a request waits for one. */
export interface PoolOptions {
  size: number;
  connectTimeoutMs: number;
}

/** Process-wide settings from the environment. Per-district numbers (notice days, limits …) live in
 * the district settings table instead, because the plan lets each district set its own. */
export interface Config {
  port: number;
  /** External PostgreSQL; when absent an embedded server is started under `dataDir`. */
  databaseUrl?: string;
  /** The API's own connection to that database, as a role that owns nothing (src/db/app-role.ts);
   * `DATABASE_URL` is then used for migrations and the seed only. */
  appDatabaseUrl?: string;
  dataDir: string;
  /** Port of the embedded server; 0 picks a free one (5432 is usually taken by a system service). */
  embeddedPgPort: number;
  /** Secret for signing tokens. Required in production; in development it is generated once and
   * kept in `dataDir` so sessions survive restarts. */
  jwtSecret?: string;
  tokenTtlSeconds: number;
  demoPassword: string;
  /** Wrong passwords before sign-in pauses for an account (from any address) or for an address (on
   * any username), and for how long after the last one. */
  loginMaxFailures: number;
  loginMaxFailuresPerAddress: number;
  loginLockSeconds: number;
  /** How long an integration's idempotency key answers a retry with the first answer (issue 10 item 8). */
  idempotencyTtlSeconds: number;
  /** What one GraphQL request may ask for (src/graphql/query-limits.ts): field nesting, aliases,
   * directives, lexical tokens, and the estimated cost, where a list multiplies what it selects. */
  maxQueryDepth: number;
  maxQueryAliases: number;
  maxQueryDirectives: number;
  maxQueryTokens: number;
  maxQueryCost: number;
  /** Items the cost estimate assumes for a list without a page size (a household's members). */
  queryListSizeEstimate: number;
  /** Largest request body accepted, in bytes. */
  maxRequestBytes: number;
  /** A request still running after this long is answered with REQUEST_TIMEOUT (its statements are
   * cut by PostgreSQL's statement timeout, set to the same value). */
  requestTimeoutMs: number;
  /** Connections in the database pool, and how long a request waits for one (see ormconfig.ts). */
  dbPool: PoolOptions;
  /** Stack traces, internal error text and the `x-sql-statements` header: only with NODE_ENV=development. */
  development: boolean;
  /** The reverse proxies (addresses, CIDRs or Express's names such as `loopback`) whose
   * X-Forwarded-For is believed: the client address is the nearest hop not among them. */
  trustedProxies: string[];
  /** Browser origins allowed to call /graphql from another origin (CORS); empty sends no CORS headers. */
  corsOrigins: string[];
  /** When set, `/metrics` answers only requests with `Authorization: Bearer <token>`. */
  metricsToken?: string;
  /** How long a shutdown waits for requests in flight before cutting them. */
  shutdownGraceMs: number;
  seedDemo: boolean;
  production: boolean;
  logLevel: string;
}

function intFromEnv(name: string, fallback: number, env: NodeJS.ProcessEnv = process.env): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  return value;
}

/**
 * Comma-separated proxies, as Express's "trust proxy" takes them. `TRUST_PROXY` (which also took
 * `true` or a hop count, trusting whatever sent the request) is refused by name rather than read,
 * so that a deployment still setting it learns at start that its client addresses would be wrong.
 */
function parseTrustedProxies(env: NodeJS.ProcessEnv): string[] {
  if (env.TRUST_PROXY !== undefined) {
    throw new Error(
      'TRUST_PROXY is replaced by TRUSTED_PROXIES: list the addresses or CIDRs of the reverse proxies (e.g. TRUSTED_PROXIES=10.0.0.5,loopback)',
    );
  }
  return (env.TRUSTED_PROXIES ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
}

/** Comma-separated origins (`https://app.example.org`), each exactly as a browser sends it in `Origin`. */
function parseOrigins(raw: string | undefined): string[] {
  const origins = (raw ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
  for (const origin of origins) {
    const parsed = URL.canParse(origin) ? new URL(origin) : undefined;
    if (!parsed || !['http:', 'https:'].includes(parsed.protocol)) {
      throw new Error(`CORS_ORIGINS: "${origin}" is not an http(s) origin such as https://app.example.org`);
    }
    // Matched exactly against the Origin header, which is scheme://host[:port] in lower case with no
    // path and no default port: any other spelling would never match and silently allow nobody.
    if (parsed.origin !== origin)
      throw new Error(`CORS_ORIGINS: "${origin}" is not an origin as browsers send it; write "${parsed.origin}"`);
  }
  return origins;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const production = env.NODE_ENV === 'production';
  const config: Config = {
    port: intFromEnv('PORT', 4000, env),
    databaseUrl: env.DATABASE_URL || undefined,
    appDatabaseUrl: env.APP_DATABASE_URL || undefined,
    dataDir: path.resolve(env.DATA_DIR || '.data'),
    embeddedPgPort: intFromEnv('EMBEDDED_PG_PORT', 0, env),
    jwtSecret: env.JWT_SECRET || undefined,
    tokenTtlSeconds: intFromEnv('TOKEN_TTL_SECONDS', 8 * 3600, env),
    demoPassword: env.DEMO_PASSWORD || 'demo-2026',
    loginMaxFailures: intFromEnv('LOGIN_MAX_FAILURES', 5, env),
    loginMaxFailuresPerAddress: intFromEnv('LOGIN_MAX_FAILURES_PER_ADDRESS', 50, env),
    loginLockSeconds: intFromEnv('LOGIN_LOCK_SECONDS', 900, env),
    idempotencyTtlSeconds: intFromEnv('IDEMPOTENCY_TTL_SECONDS', 24 * 3600, env),
    maxQueryDepth: intFromEnv('MAX_QUERY_DEPTH', 12, env),
    maxQueryAliases: intFromEnv('MAX_QUERY_ALIASES', 30, env),
    maxQueryDirectives: intFromEnv('MAX_QUERY_DIRECTIVES', 30, env),
    maxQueryTokens: intFromEnv('MAX_QUERY_TOKENS', 5000, env),
    maxQueryCost: intFromEnv('MAX_QUERY_COST', 50_000, env),
    queryListSizeEstimate: intFromEnv('QUERY_LIST_SIZE_ESTIMATE', 20, env),
    maxRequestBytes: intFromEnv('MAX_REQUEST_BYTES', 100 * 1024, env),
    requestTimeoutMs: intFromEnv('REQUEST_TIMEOUT_MS', 15_000, env),
    dbPool: { size: intFromEnv('DB_POOL_SIZE', 10, env), connectTimeoutMs: intFromEnv('DB_CONNECT_TIMEOUT_MS', 15_000, env) },
    development: env.NODE_ENV === 'development',
    trustedProxies: parseTrustedProxies(env),
    corsOrigins: parseOrigins(env.CORS_ORIGINS),
    metricsToken: env.METRICS_TOKEN || undefined,
    shutdownGraceMs: intFromEnv('SHUTDOWN_GRACE_MS', 10_000, env),
    seedDemo: env.SEED_DEMO !== 'false',
    production,
    logLevel: env.LOG_LEVEL || (env.NODE_ENV === 'test' ? 'silent' : 'info'),
  };
  if (config.appDatabaseUrl && !config.databaseUrl)
    throw new Error('APP_DATABASE_URL is used with DATABASE_URL only: the embedded server creates its own application role');
  if (production && !config.jwtSecret) throw new Error('JWT_SECRET must be set when NODE_ENV=production');
  if (config.jwtSecret && config.jwtSecret.length < 32) throw new Error('JWT_SECRET must be at least 32 characters');
  return config;
}

/**
 * The secret the server signs tokens with. On an external database (`DATABASE_URL`) it must be
 * configured, because replicas sharing that database must all accept each other's tokens; with the
 * embedded database it is generated once into the data folder.
 */
export function serverJwtSecret(config: Config): string {
  if (config.jwtSecret) return config.jwtSecret;
  if (config.databaseUrl) {
    throw new Error('JWT_SECRET must be set when DATABASE_URL is set: every server on one database must sign tokens with the same secret');
  }
  return readOrCreateSecret(config.dataDir, 'jwt-secret');
}
