import type { DataSource } from 'typeorm';
import type { TokenSigner } from './auth/tokens';
import type { LoginThrottle } from './auth/login-throttle';
import { RegionService } from './modules/region/region.service';
import { AccountService } from './modules/account/account.service';
import { AuditService } from './modules/audit/audit.service';
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

/** Application services, created once per server; each takes the request context per call. */
export function createServices(dataSource: DataSource, tokens: TokenSigner, throttle: LoginThrottle) {
  const settings = new SettingsService(dataSource);
  return {
    settings,
    workflow: new WorkflowService(dataSource),
    steps: new CaseStepsService(dataSource),
    kin: new KinService(dataSource),
    verification: new VerificationService(dataSource),
    committees: new CommitteeService(dataSource, settings),
    enrolments: new EnrolmentService(dataSource),
    notices: new PublicNoticeService(dataSource),
    oversight: new OversightService(dataSource),
    regions: new RegionService(dataSource),
    accounts: new AccountService(dataSource, tokens, throttle),
    audit: new AuditService(dataSource),
    households: new HouseholdService(dataSource),
    cases: new CaseService(dataSource),
  };
}

export type Services = ReturnType<typeof createServices>;
