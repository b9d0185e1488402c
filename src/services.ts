import type { DataSource } from 'typeorm';
import type { TokenSigner } from './auth/tokens';
import { LoginThrottle } from './auth/login-throttle';
import type { Logger } from './logger';
import { DataAccess } from './db/data-access';
import { GuardedWrites } from './db/guarded-writes';
import { RegionService } from './modules/region/region.service';
import { AccountService } from './modules/account/account.service';
import { SignedInActors } from './modules/account/signed-in-actors';
import { AuditService } from './modules/audit/audit.service';
import { RoleGrantService } from './modules/account/role-grant.service';
import { HouseholdService } from './modules/household/household.service';
import { CaseService } from './modules/case/case.service';
import { SettingsService } from './modules/settings/settings.service';
import { WorkflowService } from './modules/case/workflow.service';
import { KinService } from './modules/kin/kin.service';
import { VerificationService } from './modules/verification/verification.service';
import { CommitteeService } from './modules/committee/committee.service';
import { EnrolmentService } from './modules/enrolment/enrolment.service';
import { CaseStepsService } from './modules/case/case-steps.service';
import { PublicNoticeService } from './modules/notice/public-notice.service';
import { OversightService } from './modules/oversight/oversight.service';
import { SpotCheckDrawService } from './modules/oversight/spot-check-draw.service';
import { DelegationService } from './modules/delegation/delegation.service';
import { ReviewService } from './modules/review/review.service';
import { PetitionService } from './modules/petition/petition.service';
import { FundsService } from './modules/funds/funds.service';
import { StatisticsService } from './modules/statistics/statistics.service';
import { StaffingService } from './modules/staffing/staffing.service';
import { WorkPlanService } from './modules/work-plan/work-plan.service';
import { IdempotencyService } from './modules/idempotency/idempotency.service';
import { PayeeAccountChanges } from './modules/payee-account/account-change.service';
import { HOUSEHOLD_ACCOUNT } from './modules/household/bank-account-change.service';
import { INSTITUTION_ACCOUNT } from './modules/funds/institution-account-change.service';

/** The process-wide limits services keep (from `Config`). */
export interface ServiceLimits {
  /** Wrong passwords before sign-in pauses for an account or an address, and for how long. */
  loginMaxFailures: number;
  loginMaxFailuresPerAddress: number;
  loginLockSeconds: number;
  /** How long an integration's idempotency key answers a retry with the first answer. */
  idempotencyTtlSeconds: number;
}
import { ProvinceService } from './modules/province/province.service';

/**
 * The composition root: every application service, created once per server, each given the
 * collaborators it calls through its constructor, so the construction order below is the real
 * dependency graph. Requests reach services only as a `Caller`.
 */
export function createServices(dataSource: DataSource, logger: Logger, tokens: TokenSigner, limits: ServiceLimits) {
  const data = new DataAccess(dataSource, logger);
  const throttle = new LoginThrottle(data, {
    maxFailuresPerAccount: limits.loginMaxFailures,
    maxFailuresPerAddress: limits.loginMaxFailuresPerAddress,
    lockSeconds: limits.loginLockSeconds,
  });
  const audit = new AuditService(data, logger);
  const writes = new GuardedWrites(data, audit);
  const settings = new SettingsService(data, audit);
  const regions = new RegionService(data, writes);
  const accounts = new AccountService(data, tokens, throttle, audit, writes, settings, new SignedInActors(data));
  const roleGrants = new RoleGrantService(data, writes, accounts);
  const kin = new KinService(data, writes);
  const households = new HouseholdService(data, writes, kin);
  const cases = new CaseService(data, writes, settings, households, kin);
  const verification = new VerificationService(data, writes, settings);
  const enrolments = new EnrolmentService(data);
  const committees = new CommitteeService(data, settings, writes, accounts, cases);
  const workflow = new WorkflowService(data, writes, settings, { kin, verification, committees, enrolments });
  const steps = new CaseStepsService(data, accounts, cases, settings, workflow);
  const delegations = new DelegationService(data, writes, regions, accounts, committees);
  const notices = new PublicNoticeService(data);
  const petitions = new PetitionService(data, writes, audit, settings, cases, regions, accounts, notices);
  const statistics = new StatisticsService(data);
  const workPlans = new WorkPlanService(data, writes, regions, statistics);
  const province = new ProvinceService(data, writes, audit);
  return {
    province,
    data,
    audit,
    settings,
    regions,
    accounts,
    roleGrants,
    kin,
    households,
    cases,
    verification,
    enrolments,
    committees,
    workflow,
    steps,
    delegations,
    reviews: new ReviewService(data, writes, settings),
    notices,
    petitions,
    statistics,
    workPlans,
    staffing: new StaffingService(data),
    oversight: new OversightService(data, writes, regions),
    spotCheckDraws: new SpotCheckDrawService(data, writes, settings),
    funds: new FundsService(data, writes, regions, settings),
    idempotency: new IdempotencyService(data, limits.idempotencyTtlSeconds),
    bankAccountChanges: new PayeeAccountChanges(data, writes, HOUSEHOLD_ACCOUNT),
    institutionAccountChanges: new PayeeAccountChanges(data, writes, INSTITUTION_ACCOUNT),
  };
}

export type Services = ReturnType<typeof createServices>;
