import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { ArgumentValidationError } from 'type-graphql';
import type { Logger } from './logger';

/** Stable codes clients switch on; they appear as `extensions.code`. */
export enum ErrorCode {
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  CONFLICT = 'CONFLICT',
  INVALID_TRANSITION = 'INVALID_TRANSITION',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const unauthenticated = (message = 'Sign in first: send Authorization: Bearer <token or API key>.') =>
  new DomainError(ErrorCode.UNAUTHENTICATED, message);
export const forbidden = (message: string, details: Record<string, unknown> = {}) =>
  new DomainError(ErrorCode.FORBIDDEN, message, details);
export const notFound = (what: string) => new DomainError(ErrorCode.NOT_FOUND, `${what} not found.`);
export const badInput = (message: string, field?: string) =>
  new DomainError(ErrorCode.BAD_USER_INPUT, message, field ? { field } : {});
export const conflict = (message: string, details: Record<string, unknown> = {}) =>
  new DomainError(ErrorCode.CONFLICT, message, details);

/** A calendar date YYYY-MM-DD that exists (2024-02-30 does not). */
export function assertDateOrThrow(value: string, field: string): void {
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(value) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
  if (!valid) throw badInput(`${field} must be a real date YYYY-MM-DD.`, field);
}

/** Trimmed text that is present and not too long. */
export function textOrThrow(value: string | null | undefined, field: string, max = 4000): string {
  const text = value?.trim();
  if (!text || text.length > max) throw badInput(`${field} must be 1–${max} characters.`, field);
  return text;
}

/** A number of yuan within what the amount columns hold. */
export function assertAmountOrThrow(value: number, field: string, max = 10_000_000): void {
  if (!Number.isFinite(value) || value < 0 || value > max) throw badInput(`${field} must be between 0 and ${max} yuan.`, field);
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

/** The one place errors become what clients see: domain errors keep their code and message,
 * input validation becomes BAD_USER_INPUT, anything else is logged and hidden in production. */
export function createErrorFormatter(logger: Logger, production: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof DomainError) {
      return { ...formatted, message: original.message, extensions: { ...original.details, code: original.code } };
    }
    if (original instanceof ArgumentValidationError) {
      const fields = original.extensions.validationErrors as { property: string; constraints?: Record<string, string> }[];
      const message = fields
        .map((f) => `${f.property}: ${Object.values(f.constraints ?? {}).join(', ')}`)
        .join('; ');
      return { ...formatted, message: `Invalid input: ${message}`, extensions: { code: ErrorCode.BAD_USER_INPUT } };
    }
    const pgCode = (original as { code?: string } | null)?.code;
    if (pgCode && PG_INPUT_ERRORS[pgCode]) {
      const detail = (original as { detail?: string }).detail;
      return { ...formatted, message: detail ?? 'The database refused this input.', extensions: { code: PG_INPUT_ERRORS[pgCode] } };
    }
    if (original instanceof GraphQLError || formatted.extensions?.code !== ErrorCode.INTERNAL_SERVER_ERROR) {
      return production ? { ...formatted, extensions: { code: formatted.extensions?.code } } : formatted;
    }
    logger.error({ err: original }, 'unexpected error in resolver');
    if (production) return { message: 'Internal server error', locations: formatted.locations, path: formatted.path, extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
    return formatted;
  };
}
