import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { ArgumentValidationError } from 'type-graphql';
import type { Logger } from './logger';
import { currentRequestId } from './db/query-counter';
import { currentLanguage, Language } from './i18n/language';
import { clauseOf, Localized, message, Message, MessageKey, ParamsArgument, paramsIn, render, renderWithItems } from './i18n/message';

/**
 * Every code a response can carry as `extensions.code`: ours, and Apollo Server's own for requests
 * that never reach a resolver. Clients switch on these; the schema lists them as `ErrorCode`.
 */
export enum ErrorCode {
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  CONFLICT = 'CONFLICT',
  INVALID_TRANSITION = 'INVALID_TRANSITION',
  TOO_MANY_REQUESTS = 'TOO_MANY_REQUESTS',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
  BAD_REQUEST = 'BAD_REQUEST',
  GRAPHQL_PARSE_FAILED = 'GRAPHQL_PARSE_FAILED',
  GRAPHQL_VALIDATION_FAILED = 'GRAPHQL_VALIDATION_FAILED',
  PERSISTED_QUERY_NOT_FOUND = 'PERSISTED_QUERY_NOT_FOUND',
  PERSISTED_QUERY_NOT_SUPPORTED = 'PERSISTED_QUERY_NOT_SUPPORTED',
  OPERATION_RESOLUTION_FAILURE = 'OPERATION_RESOLUTION_FAILURE',
  REQUEST_TIMEOUT = 'REQUEST_TIMEOUT',
  SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE',
}

/** What each code means and what to do about it: the schema's `ErrorCode`, `Query.errorCodes`, the README. */
export const ERROR_CODE_MEANINGS: Record<ErrorCode, Localized> = {
  UNAUTHENTICATED: {
    zh: '未登录或登录无效：令牌或接口密钥缺失、过期或已吊销，或用户名、密码错误。',
    en: 'No valid sign-in: the token or API key is missing, expired or revoked, or the username or password is wrong.',
  },
  FORBIDDEN: {
    zh: '已登录，但权限规则不允许此操作；消息给出规则的理由，`extensions.clause` 给出依据条款。',
    en: "Signed in, but the policy table does not allow this; the message gives the rule's reason, `extensions.clause` its clause.",
  },
  NOT_FOUND: {
    zh: '在您的权限范围内没有该对象（超出范围的对象也这样答复）。',
    en: 'No such object within your scope (objects outside it are answered the same way).',
  },
  BAD_USER_INPUT: {
    zh: '参数缺失、格式不对或超出范围；`extensions.field` 指明是哪一项。',
    en: 'An argument is missing, malformed or out of range; `extensions.field` names it.',
  },
  CONFLICT: {
    zh: '数据已被他人修改或已经存在；请刷新后重试。',
    en: 'The data changed meanwhile or already exists; reload and try again.',
  },
  INVALID_TRANSITION: {
    zh: '案件（或记录）当前状态不允许这一步，或尚有要求未满足；`extensions.unmet` 一次列出全部未满足的要求。',
    en: 'The case (or record) is not in a state that allows this step, or requirements are unmet; `extensions.unmet` lists all of them at once.',
  },
  TOO_MANY_REQUESTS: {
    zh: '尝试次数过多；请等待 `extensions.retryAfter` 秒（响应头 `Retry-After` 相同）后再试。',
    en: 'Too many attempts; wait `extensions.retryAfter` seconds (also the `Retry-After` header) before trying again.',
  },
  INTERNAL_SERVER_ERROR: {
    zh: '服务器内部出错，已记录日志；请稍后再试。',
    en: 'Something failed on the server and was logged; try again later.',
  },
  BAD_REQUEST: {
    zh: 'HTTP 请求不是本服务能处理的 GraphQL 请求（缺少查询语句，或方法、内容类型不对）。',
    en: 'The HTTP request is not a GraphQL request this server takes (no query, or a wrong method or content type).',
  },
  GRAPHQL_PARSE_FAILED: { zh: '查询语句有语法错误。', en: 'The query text does not parse.' },
  GRAPHQL_VALIDATION_FAILED: {
    zh: '查询语句与接口定义不符，或超过某项上限（嵌套层数、开销、别名、指令数）；消息指明是哪一项及其配置名。',
    en: 'The query does not match the schema, or exceeds a limit (depth, cost, aliases, directives); the message names the limit and its setting.',
  },
  PERSISTED_QUERY_NOT_FOUND: {
    zh: '未找到该持久化查询；请发送完整的查询语句。',
    en: 'The persisted-query hash is not known; send the full query.',
  },
  PERSISTED_QUERY_NOT_SUPPORTED: { zh: '不支持持久化查询。', en: 'Persisted queries are not supported.' },
  OPERATION_RESOLUTION_FAILURE: {
    zh: '文档中有多个操作，`operationName` 未能指明执行哪一个。',
    en: 'The document holds several operations and `operationName` does not pick one.',
  },
  REQUEST_TIMEOUT: {
    zh: '请求未能在时限（`REQUEST_TIMEOUT_MS`）内完成；请缩小查询范围后重试。',
    en: 'The request did not finish within the time limit (`REQUEST_TIMEOUT_MS`); ask for less and try again.',
  },
  SERVICE_UNAVAILABLE: {
    zh: '数据库暂时无法连接，本次请求未做任何更改；请稍后重试（`/readyz` 恢复为 200 即可）。',
    en: 'The database cannot be reached just now and nothing was changed; try again shortly (once `/readyz` answers 200).',
  },
};

/** Node's socket errors and PostgreSQL's connection-exception (08) and shutdown (57P0x) states: the
 * database went away or cannot be reached, which says nothing about the request itself. */
const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', '57P01', '57P02', '57P03']);
const UNREACHABLE_MESSAGES = /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error)/;

export function isDatabaseUnreachable(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && (UNREACHABLE_CODES.has(code) || code.startsWith('08'))) return true;
  return typeof message === 'string' && UNREACHABLE_MESSAGES.test(message);
}

const isErrorCode = (code: unknown): code is ErrorCode => typeof code === 'string' && code in ERROR_CODE_MEANINGS;

export class DomainError extends Error {
  readonly messageKey: MessageKey;
  readonly params: Message['params'];
  readonly clause: string | undefined;
  /** graphql-js copies an original error's `extensions` onto the GraphQL error that wraps it, and
   * Apollo takes `http` from there for the response's status and headers. */
  extensions?: { http: { status: number; headers: Map<string, string> } };

  constructor(
    readonly code: ErrorCode,
    what: Message,
    readonly details: Record<string, unknown> = {},
    /** Every requirement not met, when the error is that a step cannot happen yet. */
    readonly unmet: readonly Message[] = [],
  ) {
    // English for logs; clients get the request's language from the formatter.
    super(renderWithItems(what, unmet, 'en'));
    this.name = 'DomainError';
    this.messageKey = what.key;
    this.params = what.params;
    this.clause = clauseOf(what);
  }

  /** Adds details clients get in `extensions`, e.g. the current version of a case that changed. */
  with(details: Record<string, unknown>): this {
    Object.assign(this.details, details);
    return this;
  }
}

export const unauthenticated = <K extends MessageKey>(key: K, ...params: ParamsArgument<K>) =>
  new DomainError(ErrorCode.UNAUTHENTICATED, message(key, ...params));
export const forbidden = (reason: Message, details: Record<string, unknown> = {}) => new DomainError(ErrorCode.FORBIDDEN, reason, details);
export const notFound = <K extends MessageKey>(key: K, ...params: ParamsArgument<K>) =>
  new DomainError(ErrorCode.NOT_FOUND, message(key, ...params));
export const badInput = <K extends MessageKey>(field: string, key: K, ...params: ParamsArgument<K>) =>
  new DomainError(ErrorCode.BAD_USER_INPUT, message(key, ...params), { field });
export const conflict = <K extends MessageKey>(key: K, ...params: ParamsArgument<K>) =>
  new DomainError(ErrorCode.CONFLICT, message(key, ...params));

/** A step that cannot happen yet: every requirement it misses, at once, in `extensions.unmet`. */
export const unmet = (...requirements: Message[]) =>
  new DomainError(ErrorCode.INVALID_TRANSITION, message('requirements.unmet', { count: requirements.length }), {}, requirements);

/** Refused for now: 429 with `Retry-After`, and `retryAfter` (seconds) in `extensions`. */
export function tooManyRequests<K extends MessageKey>(retryAfterSeconds: number, key: K, ...params: ParamsArgument<K>): DomainError {
  const error = new DomainError(ErrorCode.TOO_MANY_REQUESTS, message(key, ...params), { retryAfter: retryAfterSeconds });
  error.extensions = { http: { status: 429, headers: new Map([['retry-after', String(retryAfterSeconds)]]) } };
  return error;
}

/** A calendar date YYYY-MM-DD that exists (2024-02-30 does not). */
export function assertDateOrThrow(value: string, field: string): void {
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(value) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
  if (!valid) throw badInput(field, 'input.date.invalid', { field });
}

/** Trimmed text that is present and not too long. */
export function textOrThrow(value: string | null | undefined, field: string, max = 4000): string {
  const text = value?.trim();
  if (!text || text.length > max) throw badInput(field, 'input.text.length', { field, max });
  return text;
}

/** A number of yuan within what the amount columns hold. */
export function assertAmountOrThrow(value: number, field: string, max = 10_000_000): void {
  if (!Number.isFinite(value) || value < 0 || value > max) throw badInput(field, 'input.amount.range', { field, max });
}

interface FieldFailure {
  property: string;
  constraints?: Record<string, string>;
  children?: FieldFailure[];
}

/** class-validator's failures down to the input field that failed (`members.0.name`), not only the
 * argument holding it. */
function failedFields(failures: FieldFailure[], prefix: string): { field: string; constraints: string[] }[] {
  return failures.flatMap((failure) => {
    const field = prefix ? `${prefix}.${failure.property}` : failure.property;
    const own = failure.constraints ? [{ field, constraints: Object.values(failure.constraints) }] : [];
    return [...own, ...failedFields(failure.children ?? [], field)];
  });
}

/** Postgres error codes that mean the client sent something the database refused. */
const PG_INPUT_ERRORS: Record<string, ErrorCode> = {
  '23505': ErrorCode.CONFLICT, // unique_violation
  '23503': ErrorCode.BAD_USER_INPUT, // foreign_key_violation
  '23514': ErrorCode.BAD_USER_INPUT, // check_violation
  '22P02': ErrorCode.BAD_USER_INPUT, // invalid_text_representation (e.g. malformed uuid)
  '22001': ErrorCode.BAD_USER_INPUT, // string_data_right_truncation
  '22003': ErrorCode.BAD_USER_INPUT, // numeric_value_out_of_range
  '22007': ErrorCode.BAD_USER_INPUT, // invalid_datetime_format
  '22008': ErrorCode.BAD_USER_INPUT, // datetime_field_overflow
  '40001': ErrorCode.CONFLICT, // serialization_failure
};

/** Apollo Server's codes for requests that never reach a resolver; graphql-js's English detail is
 * kept as a param, since it names the query's own fields and types. */
const REQUEST_MESSAGES: Partial<Record<ErrorCode, (detail: string) => Message>> = {
  BAD_REQUEST: (detail) => message('request.badRequest', { detail }),
  GRAPHQL_PARSE_FAILED: (detail) => message('request.parseFailed', { detail }),
  GRAPHQL_VALIDATION_FAILED: (detail) => message('request.validationFailed', { detail }),
  BAD_USER_INPUT: (detail) => message('request.badVariables', { detail }),
  OPERATION_RESOLUTION_FAILURE: (detail) => message('request.operationResolutionFailed', { detail }),
  PERSISTED_QUERY_NOT_FOUND: () => message('request.persistedQueryNotFound'),
  PERSISTED_QUERY_NOT_SUPPORTED: () => message('request.persistedQueryNotSupported'),
};

/** The domain error behind what Apollo hands the formatter: thrown in a resolver, or carried as
 * `originalError` by a GraphQL error (the context's 401, a validation rule). */
function domainErrorOf(error: unknown): DomainError | null {
  const original = unwrapResolverError(error);
  if (original instanceof DomainError) return original;
  if (original instanceof GraphQLError && original.originalError instanceof DomainError) return original.originalError;
  return null;
}

function shown(m: Message, language: Language) {
  return { key: m.key, message: render(m, language), params: paramsIn(m, language), clause: clauseOf(m) };
}

/** The body of an answer given outside GraphQL (a body that is not JSON or too large, a time-out),
 * shaped as GraphQL errors so that clients read every refusal the same way. */
export function plainErrorBody(code: ErrorCode, what: Message) {
  const { key, message: text, params } = shown(what, currentLanguage());
  return { errors: [{ message: text, extensions: { code, messageKey: key, params, requestId: currentRequestId() } }] };
}

/** A domain error answered outside GraphQL (a file export), with the same `extensions` a resolver's would carry. */
export function domainErrorBody(error: DomainError) {
  const language = currentLanguage();
  const { key, params, clause } = shown({ key: error.messageKey, params: error.params, clause: error.clause }, language);
  const extensions = {
    ...error.details,
    code: error.code,
    messageKey: key,
    params,
    requestId: currentRequestId(),
    ...(clause ? { clause } : {}),
    ...(error.unmet.length ? { unmet: error.unmet.map((requirement) => shown(requirement, language)) } : {}),
  };
  return {
    errors: [
      {
        message: renderWithItems({ key: error.messageKey, params: error.params, clause: error.clause }, error.unmet, language),
        extensions,
      },
    ],
  };
}

/**
 * The one place errors become what clients see, in the request's language (`Accept-Language`):
 * `message`, and in `extensions` the `code` (always an `ErrorCode`), `messageKey`, `params`, the
 * `clause` cited, every `unmet` requirement, and details such as `field`. Input validation becomes
 * BAD_USER_INPUT; anything unexpected is logged, and its detail shown only in development.
 */
export function createErrorFormatter(logger: Logger, development: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const language = currentLanguage();
    const answer = (code: ErrorCode, what: Message, extra: Record<string, unknown> = {}, unmetRequirements: readonly Message[] = []) => {
      const { key, params, clause } = shown(what, language);
      return {
        message: renderWithItems(what, unmetRequirements, language),
        locations: formatted.locations,
        path: formatted.path,
        extensions: {
          ...extra,
          code,
          messageKey: key,
          params,
          // What a user quotes to support, who find the request's log line and audit rows by it.
          requestId: currentRequestId(),
          ...(clause ? { clause } : {}),
          ...(unmetRequirements.length ? { unmet: unmetRequirements.map((requirement) => shown(requirement, language)) } : {}),
        },
      };
    };

    const domain = domainErrorOf(error);
    if (domain) {
      return answer(domain.code, { key: domain.messageKey, params: domain.params, clause: domain.clause }, domain.details, domain.unmet);
    }
    const original = unwrapResolverError(error);
    if (original instanceof ArgumentValidationError) {
      const fields = failedFields(original.extensions.validationErrors, '');
      const detail = fields.map((f) => `${f.field}: ${f.constraints.join(', ')}`).join('; ');
      return answer(ErrorCode.BAD_USER_INPUT, message('input.invalid', { detail }), { field: fields[0]?.field });
    }
    if (isDatabaseUnreachable(original)) {
      logger.warn({ err: original }, 'database unreachable');
      return answer(ErrorCode.SERVICE_UNAVAILABLE, message('database.unavailable'));
    }
    const pgCode = (original as { code?: string } | null)?.code;
    if (pgCode && PG_INPUT_ERRORS[pgCode]) {
      const code = PG_INPUT_ERRORS[pgCode];
      const detail = (original as { detail?: string }).detail;
      return answer(
        code,
        message(code === ErrorCode.CONFLICT ? 'database.conflict' : 'database.inputRefused'),
        !development || !detail ? {} : { detail },
      );
    }
    const code = formatted.extensions?.code;
    const requestMessage = isErrorCode(code) ? REQUEST_MESSAGES[code] : undefined;
    if (requestMessage) return answer(code as ErrorCode, requestMessage(formatted.message));
    if (code !== ErrorCode.INTERNAL_SERVER_ERROR) logger.warn({ code }, 'error code outside ErrorCode answered as INTERNAL_SERVER_ERROR');
    logger.error({ err: original }, 'unexpected error');
    return answer(
      ErrorCode.INTERNAL_SERVER_ERROR,
      message('internal.error'),
      development ? { detail: formatted.message, stacktrace: formatted.extensions?.stacktrace } : {},
    );
  };
}
