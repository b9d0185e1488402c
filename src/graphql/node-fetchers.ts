import type { EntityTarget, ObjectLiteral } from 'typeorm';
import type { SubjectName } from '../../permissions/policy';
import type { RequestContext } from './context';
import type { Node } from './node';
import { parseTenantKey, TenantKey, UUID_PATTERN } from '../db/tenant-keys';
import { Appraisal, Delivery, IncomeAccounting, Investigation, Objection, SpotCheck } from '../modules/case/case-records.entity';
import { CaseEvent } from '../modules/case/case.entity';
import { AuditEntry } from '../modules/audit/audit-entry.entity';
import { Meeting } from '../modules/committee/committee.entity';
import { committeeView } from '../modules/committee/committee.resolver';
import { Enrolment } from '../modules/enrolment/enrolment.entity';
import { KinDeclaration } from '../modules/kin/kin-declaration.entity';
import { AuditFinding, DevelopmentLink } from '../modules/oversight/oversight.entity';
import { SpotCheckDraw, SpotCheckPoolEntry } from '../modules/oversight/spot-check-draw.entity';
import { Delegation } from '../modules/delegation/delegation.entity';
import { EnrolmentChange } from '../modules/enrolment/enrolment-change.entity';
import { ChangeReport, EnrolmentReview } from '../modules/review/review.entity';
import { Petition } from '../modules/petition/petition.entity';
import { publicNoticeView } from '../modules/notice/public-notice.resolver';
import { FundRequest, InstitutionPayee, PaymentBatch, RosterLine } from '../modules/funds/funds.entity';
import { WorkPlan } from '../modules/work-plan/work-plan.entity';
import { VerificationRequest } from '../modules/verification/verification.entity';

function tenant(key: string, load: (key: TenantKey) => Promise<Node | null>): Promise<Node | null> {
  const parsed = parseTenantKey(key);
  return parsed ? load(parsed) : Promise.resolve(null);
}

/** A tenant row by its key, through the same policy push-down as the lists of its subject. */
function scopedRow(subject: SubjectName, entity: EntityTarget<ObjectLiteral>) {
  return (ctx: RequestContext, key: string) =>
    tenant(key, async (k) => {
      const qb = ctx.services.data
        .scoped(ctx.caller, 'read', subject, entity, 'n')
        .andWhere('n.district_code = :d AND n.id = :id', { d: k.districtCode, id: k.id });
      return ((await qb.getOne()) as Node | null) ?? null;
    });
}

/** A tenant row found by `find` and shown as the GraphQL type `view` builds from it. */
function viewed<T>(find: (ctx: RequestContext, key: TenantKey) => Promise<T | null>, view: (found: T) => Node) {
  return (ctx: RequestContext, key: string) =>
    tenant(key, async (k) => {
      const found = await find(ctx, k);
      return found ? view(found) : null;
    });
}

/**
 * How each type with a global ID is fetched by its key: through the same scoped loaders, services
 * or policy push-down as its lists, so `node`, explanations and every other by-id path see exactly
 * what a list would. A test checks every type implementing Node has an entry here.
 */
export const NODE_FETCHERS: Record<string, (ctx: RequestContext, key: string) => Promise<Node | null>> = {
  Region: (ctx, code) => (/^\d{12}$/.test(code) ? ctx.loaders.regionByCode.load(code) : Promise.resolve(null)),
  Account: (ctx, id) => (UUID_PATTERN.test(id) ? ctx.loaders.accountById.load(id) : Promise.resolve(null)),
  RoleGrant: (ctx, key) => tenant(key, (k) => ctx.services.roleGrants.find(ctx.caller, k)),
  DistrictProposal: (ctx, key) => tenant(key, (k) => ctx.services.province.find(ctx.caller, k)),
  ApiKey: (ctx, id) => (UUID_PATTERN.test(id) ? ctx.services.accounts.findApiKey(ctx.caller, id) : Promise.resolve(null)),
  Household: (ctx, key) => tenant(key, (k) => ctx.loaders.householdByKey.load(k)),
  BankAccountChange: (ctx, key) => tenant(key, (k) => ctx.services.bankAccountChanges.find(ctx.caller, k)),
  InstitutionAccountChange: (ctx, key) => tenant(key, (k) => ctx.services.institutionAccountChanges.find(ctx.caller, k)),
  Person: (ctx, key) => tenant(key, (k) => ctx.loaders.personByKey.load(k)),
  Case: (ctx, key) => tenant(key, (k) => ctx.loaders.caseByKey.load(k)),
  CaseEvent: scopedRow('CaseRecord', CaseEvent),
  Investigation: scopedRow('CaseRecord', Investigation),
  IncomeAccounting: scopedRow('CaseRecord', IncomeAccounting),
  Appraisal: scopedRow('CaseRecord', Appraisal),
  Objection: scopedRow('CaseRecord', Objection),
  Delivery: scopedRow('CaseRecord', Delivery),
  SpotCheck: scopedRow('CaseRecord', SpotCheck),
  AuditEntry: scopedRow('AuditEntry', AuditEntry),
  Meeting: scopedRow('Meeting', Meeting),
  CommitteeView: viewed((ctx, k) => ctx.services.committees.findByKey(ctx.caller, k), committeeView),
  VerificationRequest: scopedRow('VerificationRequest', VerificationRequest),
  VerificationAnswer: (ctx, key) => tenant(key, (k) => ctx.services.verification.findAnswer(ctx.caller, k)),
  KinDeclaration: scopedRow('KinDeclaration', KinDeclaration),
  Enrolment: scopedRow('Enrolment', Enrolment),
  AuditFinding: scopedRow('AuditFinding', AuditFinding),
  DevelopmentLink: scopedRow('DevelopmentLink', DevelopmentLink),
  SpotCheckDraw: scopedRow('SpotCheckDraw', SpotCheckDraw),
  SpotCheckPoolEntry: scopedRow('SpotCheckDraw', SpotCheckPoolEntry),
  Delegation: scopedRow('Delegation', Delegation),
  EnrolmentReview: scopedRow('EnrolmentReview', EnrolmentReview),
  EnrolmentChange: scopedRow('EnrolmentChange', EnrolmentChange),
  ChangeReport: scopedRow('ChangeReport', ChangeReport),
  Petition: scopedRow('Petition', Petition),
  PublicNotice: viewed((ctx, k) => ctx.services.notices.find(k), publicNoticeView),
  Roster: (ctx, key) => tenant(key, (k) => ctx.services.funds.findRoster(ctx.caller, k)),
  RosterLine: scopedRow('RosterLine', RosterLine),
  InstitutionPayee: scopedRow('InstitutionPayee', InstitutionPayee),
  FundRequest: scopedRow('FundRequest', FundRequest),
  PaymentBatch: scopedRow('PaymentBatch', PaymentBatch),
  Payment: (ctx, key) => tenant(key, (k) => ctx.services.funds.findPayment(ctx.caller, k)),
  WorkPlan: scopedRow('WorkPlan', WorkPlan),
};

/** Fetches the object a global ID names (its type and key) through that type's scoped fetcher;
 * null when the type is unknown or the object is not visible to the caller. */
export function fetchNode(ctx: RequestContext, type: string, key: string): Promise<Node | null> {
  return Object.hasOwn(NODE_FETCHERS, type) ? NODE_FETCHERS[type](ctx, key) : Promise.resolve(null);
}
