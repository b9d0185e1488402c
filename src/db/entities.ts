import { DistrictProposal, DistrictProposalDecision } from '../modules/province/district-proposal.entity';
import { Region } from '../modules/region/region.entity';
import { Account, RoleAssignment } from '../modules/account/account.entity';
import { ApiKey } from '../modules/account/api-key.entity';
import { RoleGrant, RoleGrantAct } from '../modules/account/role-grant.entity';
import { Household, Person } from '../modules/household/household.entity';
import { Case, CaseEvent } from '../modules/case/case.entity';
import { AuditEntry } from '../modules/audit/audit-entry.entity';
import { Appraisal, Delivery, IncomeAccounting, Investigation, Objection, SpotCheck } from '../modules/case/case-records.entity';
import { DistrictHoliday, DistrictSettings } from '../modules/settings/settings.entity';
import { LinshiCauseCategoryRow, VerificationDepartmentRow } from '../modules/settings/catalogues';
import { Committee, CommitteeMember, CommitteeVote, Meeting } from '../modules/committee/committee.entity';
import { VerificationAnswer, VerificationRequest } from '../modules/verification/verification.entity';
import { KinDeclaration } from '../modules/kin/kin-declaration.entity';
import { Enrolment } from '../modules/enrolment/enrolment.entity';
import { AuditFinding, DevelopmentLink } from '../modules/oversight/oversight.entity';
import { SpotCheckDraw, SpotCheckPoolEntry } from '../modules/oversight/spot-check-draw.entity';
import { Delegation } from '../modules/delegation/delegation.entity';
import { EnrolmentChange } from '../modules/enrolment/enrolment-change.entity';
import { ChangeReport, EnrolmentReview } from '../modules/review/review.entity';
import { Petition } from '../modules/petition/petition.entity';
import {
  FundRequest,
  FundRequestRoster,
  InstitutionPayee,
  Payment,
  PaymentBatch,
  PaymentResult,
  PaymentTransfer,
  Roster,
  RosterLine,
} from '../modules/funds/funds.entity';
import { WorkPlan } from '../modules/work-plan/work-plan.entity';
import { BankAccountChange } from '../modules/household/bank-account-change.entity';
import { InstitutionAccountChange } from '../modules/funds/institution-account-change.entity';

/** Every entity, listed explicitly so the same set loads under tsc output and under jest. */
export const ENTITIES = [
  Region,
  Account,
  RoleAssignment,
  RoleGrant,
  RoleGrantAct,
  ApiKey,
  Household,
  Person,
  Case,
  CaseEvent,
  AuditEntry,
  Investigation,
  IncomeAccounting,
  Appraisal,
  Objection,
  Delivery,
  SpotCheck,
  DistrictSettings,
  DistrictHoliday,
  VerificationDepartmentRow,
  LinshiCauseCategoryRow,
  Committee,
  CommitteeMember,
  Meeting,
  CommitteeVote,
  VerificationRequest,
  VerificationAnswer,
  KinDeclaration,
  Enrolment,
  AuditFinding,
  DevelopmentLink,
  SpotCheckDraw,
  SpotCheckPoolEntry,
  Delegation,
  EnrolmentChange,
  EnrolmentReview,
  ChangeReport,
  Petition,
  InstitutionPayee,
  Roster,
  RosterLine,
  FundRequest,
  FundRequestRoster,
  Payment,
  PaymentBatch,
  PaymentTransfer,
  PaymentResult,
  WorkPlan,
  BankAccountChange,
  InstitutionAccountChange,
  DistrictProposal,
  DistrictProposalDecision,
];
