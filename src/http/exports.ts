import express, { NextFunction, Request, Response, Router } from 'express';
import type { Caller } from '../auth/caller';
import { assertCan } from '../auth/authorize';
import { badInput, DomainError, domainErrorBody, ErrorCode, unauthenticated } from '../errors';
import { currentLanguage } from '../i18n/language';
import type { Services } from '../services';
import type { Action, SubjectName } from '../../permissions/policy';
import { tenantKeyOfOrThrow } from '../graphql/node';
import { paymentReportSheet, rosterSheet } from '../modules/funds/funds-sheets';
import { statisticsSheet } from '../modules/statistics/statistics-sheet';
import { csvOf, Sheet, xlsxOf } from './spreadsheet';

const STATUS: Partial<Record<ErrorCode, number>> = {
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.CONFLICT]: 409,
  [ErrorCode.INVALID_TRANSITION]: 422,
  [ErrorCode.SERVICE_UNAVAILABLE]: 503,
};

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type Format = 'xlsx' | 'csv';

/** One query parameter as text: absent is undefined, a repeated one is refused. */
function param(req: Request, name: string): string | undefined {
  const value = req.query[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw badInput(name, 'export.param.invalid', { field: name });
  return value;
}

function required(req: Request, name: string): string {
  const value = param(req, name);
  if (!value) throw badInput(name, 'export.param.invalid', { field: name });
  return value;
}

function formatOf(req: Request): Format {
  const format = param(req, 'format') ?? 'xlsx';
  if (format !== 'xlsx' && format !== 'csv') throw badInput('format', 'export.format.invalid');
  return format;
}

/**
 * A file export: the caller from the bearer credential (a signed-in account is required), the same
 * type-level check the GraphQL query's `@Needs` makes (refused and audited alike), then the rows of
 * the query under the caller's scope. Every unmasked personal value written to the file is audited
 * like a personal read in GraphQL; the audit notes are written before the file is sent.
 */
function exporter<R>(
  services: Services,
  callerOf: (req: Request, res: Response) => Promise<Caller>,
  needs: { action: Action; subject: SubjectName; operation: string },
  build: (caller: Caller, req: Request) => Promise<{ sheet: Sheet<R>; fileName: string }>,
) {
  return async (req: Request, res: Response, next: NextFunction) => {
    let caller: Caller | undefined;
    try {
      caller = await callerOf(req, res);
      if (!caller.actor) throw unauthenticated('auth.signInRequired');
      assertCan(caller, needs.action, needs.subject, undefined, undefined, { operation: needs.operation, subjectId: null });
      const format = formatOf(req);
      const { sheet, fileName } = await build(caller, req);
      const language = currentLanguage();
      const body = format === 'xlsx' ? await xlsxOf(sheet, language) : csvOf(sheet, language);
      await services.audit.flush(caller);
      res.setHeader('content-type', format === 'xlsx' ? XLSX : 'text/csv; charset=utf-8');
      res.setHeader('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(`${fileName}.${format}`)}`);
      res.setHeader('cache-control', 'no-store');
      res.send(body);
    } catch (error) {
      if (caller) await services.audit.flush(caller);
      if (!(error instanceof DomainError)) return next(error);
      res.status(STATUS[error.code] ?? 400).json(domainErrorBody(error));
    }
  };
}

/**
 * The exports people ask for (issue #12 item 6, issue #13 item 5): the township roster, the month's
 * payment report and the district statistics, as .xlsx (default) or CSV, headed in the language of
 * `Accept-Language` (Chinese unless English is asked for). Each holds exactly the rows of the GraphQL
 * query that lists them for the same caller: `rosters { lines }`, `payments`, `districtStatistics`.
 */
export function exportRoutes(services: Services, callerOf: (req: Request, res: Response) => Promise<Caller>): Router {
  const router = express.Router();

  router.get(
    '/roster',
    exporter(services, callerOf, { action: 'read', subject: 'Roster', operation: 'exportRoster' }, async (caller, req) => {
      const key = tenantKeyOfOrThrow(required(req, 'rosterId'), 'Roster', 'rosterId');
      const { roster, lines } = await services.funds.rosterForExport(caller, key);
      return {
        sheet: rosterSheet(caller, roster, lines, currentLanguage()),
        fileName: `${currentLanguage() === 'en' ? 'roster' : '花名册'}-${roster.townshipCode}-${roster.month}`,
      };
    }),
  );

  router.get(
    '/payments',
    exporter(services, callerOf, { action: 'read', subject: 'Payment', operation: 'exportPayments' }, async (caller, req) => {
      const month = required(req, 'month');
      const townshipCode = param(req, 'townshipCode');
      const payments = await services.funds.paymentsForExport(caller, { month, townshipCode, villageCode: param(req, 'villageCode') });
      return {
        sheet: paymentReportSheet(caller, month, payments, currentLanguage()),
        fileName: `${currentLanguage() === 'en' ? 'payments' : '发放情况'}-${townshipCode ?? caller.actor!.districtCode}-${month}`,
      };
    }),
  );

  router.get(
    '/statistics',
    exporter(services, callerOf, { action: 'read', subject: 'Statistics', operation: 'exportStatistics' }, async (caller, req) => {
      const year = Number(required(req, 'year'));
      const townshipCode = param(req, 'townshipCode');
      const figures = await services.statistics.monthly(caller, { year, townshipCode });
      return {
        sheet: statisticsSheet(year, figures),
        fileName: `${currentLanguage() === 'en' ? 'statistics' : '统计数据'}-${townshipCode ?? caller.actor!.districtCode}-${year}`,
      };
    }),
  );

  return router;
}
