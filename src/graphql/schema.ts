import 'reflect-metadata';
import { GraphQLSchema } from 'graphql';
import { BuildSchemaOptions, buildSchema } from 'type-graphql';
import { RegionResolver } from '../modules/region/region.resolver';
import { AccountResolver, RoleAssignmentResolver } from '../modules/account/account.resolver';
import { RoleGrantResolver } from '../modules/account/role-grant.resolver';
import { ProvinceResolver } from '../modules/province/province.resolver';
import { NodeResolver } from '../modules/node/node.resolver';
import { applyFieldPermissions } from './field-permissions';
import { assertEveryFieldClassified } from './field-classes';
import { DateTimeScalar } from './scalars';
import { normaliseStringArguments } from './input-guard';
import './enums';
import { HouseholdResolver, PersonResolver } from '../modules/household/household.resolver';
import { BankAccountChangeResolver } from '../modules/household/bank-account-change.resolver';
import { InstitutionAccountChangeResolver } from '../modules/funds/institution-account-change.resolver';
import { CaseResolver } from '../modules/case/case.resolver';
import { AuditResolver } from '../modules/audit/audit.resolver';
import { PolicyResolver } from '../modules/policy/policy.resolver';
import { WorkflowResolver } from '../modules/case/workflow.resolver';
import { CaseStepsResolver, IncomeAccountingResolver, InvestigationResolver } from '../modules/case/case-steps.resolver';
import { CommitteeMemberResolver, CommitteeResolver, CommitteeVoteResolver } from '../modules/committee/committee.resolver';
import { VerificationResolver } from '../modules/verification/verification.resolver';
import { KinResolver } from '../modules/kin/kin.resolver';
import { EnrolmentResolver } from '../modules/enrolment/enrolment.resolver';
import { SettingsResolver } from '../modules/settings/settings.resolver';
import { PublicNoticeResolver } from '../modules/notice/public-notice.resolver';
import { OversightResolver } from '../modules/oversight/oversight.resolver';
import { SpotCheckDrawResolver, SpotCheckPoolEntryResolver } from '../modules/oversight/spot-check-draw.resolver';
import { DelegationResolver } from '../modules/delegation/delegation.resolver';
import { EnrolmentReviewsResolver, ReviewResolver } from '../modules/review/review.resolver';
import { PetitionResolver } from '../modules/petition/petition.resolver';
import { FundsResolver } from '../modules/funds/funds.resolver';
import { WorkPlanResolver } from '../modules/work-plan/work-plan.resolver';
import { StaffingResolver } from '../modules/staffing/staffing.resolver';
import { StatisticsResolver } from '../modules/statistics/statistics.resolver';
import { ErrorCodeResolver } from '../modules/errors/error-code.resolver';

export const RESOLVERS = [
  RegionResolver,
  AccountResolver,
  RoleAssignmentResolver,
  RoleGrantResolver,
  ProvinceResolver,
  NodeResolver,
  HouseholdResolver,
  BankAccountChangeResolver,
  InstitutionAccountChangeResolver,
  PersonResolver,
  CaseResolver,
  AuditResolver,
  PolicyResolver,
  WorkflowResolver,
  CaseStepsResolver,
  InvestigationResolver,
  IncomeAccountingResolver,
  CommitteeResolver,
  CommitteeMemberResolver,
  CommitteeVoteResolver,
  VerificationResolver,
  KinResolver,
  EnrolmentResolver,
  SettingsResolver,
  PublicNoticeResolver,
  OversightResolver,
  SpotCheckDrawResolver,
  SpotCheckPoolEntryResolver,
  DelegationResolver,
  ReviewResolver,
  EnrolmentReviewsResolver,
  PetitionResolver,
  FundsResolver,
  WorkPlanResolver,
  StaffingResolver,
  StatisticsResolver,
  ErrorCodeResolver,
] as const;

let built: Promise<GraphQLSchema> | undefined;

/**
 * A schema from resolver classes, refused (the server does not start) when a field of it is not
 * classified. Exported with its resolvers as a parameter so that a test can show the refusal.
 */
export async function buildCheckedSchema(resolvers: BuildSchemaOptions['resolvers']): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers,
    validate: { forbidUnknownValues: false },
    // Instants are RFC 3339 `DateTime`; calendar days use the `Date` scalar explicitly.
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
  });
  assertEveryFieldClassified(schema);
  return normaliseStringArguments(applyFieldPermissions(schema));
}

/** The schema from the resolver classes; `schema/schema.graphql` is printed from this. */
export function buildAppSchema(): Promise<GraphQLSchema> {
  built ??= buildCheckedSchema(RESOLVERS);
  return built;
}
