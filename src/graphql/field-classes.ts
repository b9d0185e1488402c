import { GraphQLObjectType, GraphQLSchema } from 'graphql';
import type { SubjectName } from '../../permissions/policy';
import { DERIVED_PERSONAL_FIELDS, PERSONAL_FIELDS, SUBJECT_FIELDS } from '../../permissions/subjects';
import { requirementOf } from './guards';

/**
 * What a GraphQL field may show, and to whom (issue #9: nothing fails open):
 * - `public`: anyone who reaches the object (payload and page wrappers, public notices, the policy);
 * - `scoped`: whoever may read the row; on a subject with field-limited grants, only if the grant lists it;
 * - `personal`: masked or null unless the caller's grant lists it; every unmasked read is audited (D§12);
 * - `derived-personal`: derived from a personal value (a birth date is part of an ID number), shown
 *   only with that value.
 */
export type FieldClass = 'public' | 'scoped' | 'personal' | 'derived-personal';

/**
 * The class of every field of the object types that carry no field-limited grant, by type, each
 * field named, so that a new field is classified when it is added. Their rows are reached only
 * through scoped reads of their subject (or through a row that was); the fields of the subjects with
 * field-limited grants are classified in `permissions/subjects.ts`, root fields by `@Needs` /
 * `@SignedIn` (scoped) or `@Public`.
 */
// One type to a line, as reviewers read a table.
// prettier-ignore
const CLASSES: Record<string, Partial<Record<FieldClass, string>>> = {
  AcceptCasePayload: { public: 'case' },
  AcceptWorkPlanPayload: { public: 'workPlan' },
  Account: { scoped: 'active createdAt departmentCode displayName districtCode id regionCode roles townshipCode username villageCode' },
  AccountConnection: { public: 'edges nodes pageInfo totalCount' },
  AccountEdge: { public: 'cursor node' },
  ActivateAccountPayload: { public: 'account expiresAt token' },
  AddHouseholdMemberPayload: { public: 'household person' },
  AdoptIncomeAccountingPayload: { public: 'case incomeAccounting' },
  AnswerPetitionPayload: { public: 'petition' },
  AnswerVerificationPayload: { public: 'verificationAnswer' },
  ApiKey: { scoped: 'createdAt districtCode id lastUsedAt name prefix revokedAt' },
  ApiKeyConnection: { public: 'edges nodes pageInfo totalCount' },
  ApiKeyEdge: { public: 'cursor node' },
  Appraisal: { scoped: 'heldOn id minutes outcome participants recordedAt' },
  ApproveCasePayload: { public: 'case' },
  ApproveFundRequestPayload: { public: 'fundRequest' },
  ApproveVerificationReportPayload: { public: 'verificationRequest' },
  ApproveVerificationRequestPayload: { public: 'verificationRequest' },
  AssetItem: { scoped: 'description kind valueYuan' },
  AssignInstitutionPayeePayload: { public: 'enrolment institutionPayee' },
  AssignPetitionPayload: { public: 'petition' },
  AuditChainBreak: { scoped: 'entryId position problem' },
  AuditChainCheck: { scoped: 'districtCode entriesChecked firstBrokenLink ok' },
  AuditEntry: { scoped: 'action actorUsername at details districtCode field id kind reason requestId subjectId subjectType townshipCode villageCode' },
  AuditEntryConnection: { public: 'edges nodes pageInfo totalCount' },
  AuditEntryEdge: { public: 'cursor node' },
  AuditFinding: { scoped: 'body createdAt districtCode id severity subjectId title townshipCode' },
  AuditFindingConnection: { public: 'edges nodes pageInfo totalCount' },
  AuditFindingEdge: { public: 'cursor node' },
  AuthPayload: { public: 'account expiresAt token' },
  BankAccountChange: { scoped: 'bankAccount bankName decidedAt decidedById districtCode householdId id previousBankAccount previousBankName proposedAt proposedById reason rejectionReason status townshipCode villageCode' },
  BankAccountChangeConnection: { public: 'edges nodes pageInfo totalCount' },
  BankAccountChangeEdge: { public: 'cursor node' },
  BuildRosterPayload: { public: 'roster' },
  BuildSupplementaryRosterPayload: { public: 'roster' },
  Case: { scoped: 'amount applicantName appraisals careLevel cause causeCategory channel complainedAbout createdAt decidedAt decidedBy decidedUnder decisionAuthority decisionDueAt deliveredAt deliveries districtCode districtConfirmed doubtRaised dueAt duplicateFindings emergency emergencyPaidAt events household id incomeAccounting incomeAccountings investigations kinRegistered missingMaterials newGrounds newGroundsConfirmedAt newGroundsConfirmedBy newGroundsRecordedBy nextSteps noticeEndsAt noticeStartsAt objections overdue pendingSteps programme refusalReasons repeatOf residence special spotChecks status statusSince supportForm townshipCode updatedAt version villageCode' },
  CaseConnection: { public: 'edges nodes pageInfo totalCount' },
  CaseCount: { scoped: 'count programme status' },
  CaseEdge: { public: 'cursor node' },
  CaseEvent: { scoped: 'action actorUsername at fromStatus id note toStatus' },
  CastVotePayload: { public: 'committeeVote' },
  ChangePasswordPayload: { public: 'account expiresAt token' },
  ChangeReport: { scoped: 'content createdAt districtCode enrolment id reportedOn townshipCode villageCode' },
  ChangeReviewClassPayload: { public: 'enrolment' },
  CommitteeMember: { scoped: 'account deputyChair effectiveFrom effectiveUntil function' },
  CommitteeView: { scoped: 'id members problems townshipCode valid' },
  CommitteeVote: { scoped: 'case caseId castAt member memberId note vote' },
  CompleteEmergencyPaperworkPayload: { public: 'case' },
  ConcludeReviewPayload: { public: 'case' },
  ConcludeTerminationPayload: { public: 'enrolment review' },
  ConfirmAmountPayload: { public: 'case' },
  ConfirmBankAccountChangePayload: { public: 'bankAccountChange' },
  ConfirmInstitutionAccountChangePayload: { public: 'institutionAccountChange' },
  ConfirmDistrictProposalPayload: { public: 'proposal' },
  ConfirmNewGroundsPayload: { public: 'case' },
  ConfirmRoleGrantPayload: { public: 'roleGrant' },
  CreateAccountPayload: { public: 'account activationCode' },
  CreateApiKeyPayload: { public: 'apiKey secret' },
  CreateHouseholdPayload: { public: 'household' },
  CreateInstitutionPayeePayload: { public: 'institutionPayee' },
  CreateRegionPayload: { public: 'region' },
  DecideEmergencyPaymentPayload: { public: 'case' },
  DeclareKinPayload: { public: 'kinDeclaration' },
  Delegation: { scoped: 'createdAt districtCode documentReference effectiveFrom effectiveUntil id kind programme revokes townshipCode' },
  DelegationConnection: { public: 'edges nodes pageInfo totalCount' },
  DelegationEdge: { public: 'cursor node' },
  Delivery: { scoped: 'decision deliveredOn id recipient recordedAt' },
  DenyCasePayload: { public: 'case' },
  DevelopmentLink: { scoped: 'createdAt districtCode enrolmentId id measure townshipCode villageCode' },
  DevelopmentLinkConnection: { public: 'edges nodes pageInfo totalCount' },
  DevelopmentLinkEdge: { public: 'cursor node' },
  DistrictProposal: { scoped: 'adminDisplayName adminUsername createdAt decidedAt decidedBy district id name population proposedBy provinceCode regionCode rejectionReason settings status' },
  DistrictProposalConnection: { public: 'edges nodes pageInfo totalCount' },
  DistrictProposalEdge: { public: 'cursor node' },
  DistrictSettings: { scoped: 'districtCode holidays linshiCauseCategories values verificationDepartments' },
  DraftWorkPlanPayload: { public: 'workPlan' },
  DrawSpotCheckSamplePayload: { public: 'draw' },
  EmergencyPayPayload: { public: 'case' },
  EnrolmentChange: { scoped: 'amount createdAt districtCode effectiveMonth id kind reason review status townshipCode villageCode' },
  EnrolmentConnection: { public: 'edges nodes pageInfo totalCount' },
  EnrolmentEdge: { public: 'cursor node' },
  EnrolmentReview: { scoped: 'amount amountBefore createdAt districtCode dueOn effectiveMonth enrolment id nextReviewOn noticeEndsAt noticeStartsAt outcome reasons reviewClass townshipCode verificationReference villageCode' },
  ErrorCodeInfo: { public: 'code en zh' },
  ExportPaymentBatchPayload: { public: 'paymentBatch' },
  FileCasePayload: { public: 'case' },
  FileWorkPlanPayload: { public: 'workPlan' },
  FundRequest: { scoped: 'allocatedAmount createdAt decidedAt districtCode id month requestedTotal returnReasons status' },
  FundRequestConnection: { public: 'edges nodes pageInfo totalCount' },
  FundRequestEdge: { public: 'cursor node' },
  GrantDelegationPayload: { public: 'delegation staffingWarning' },
  Holiday: { scoped: 'day kind name' },
  HouseholdConnection: { public: 'edges nodes pageInfo totalCount' },
  HouseholdEdge: { public: 'cursor node' },
  IncomeAccounting: { scoped: 'adoptedAt adoptedBy amountYuan assets basedOnDraftId belowStandard deductionsYuan draft householdSize id items perCapitaIncomeYuan recordedAt recordedBy standardYuan' },
  IncomeItem: { scoped: 'counted monthlyYuan source' },
  InstitutionPayee: { scoped: 'bankAccount bankName createdAt districtCode id name townshipCode' },
  InstitutionPayeeConnection: { public: 'edges nodes pageInfo totalCount' },
  InstitutionPayeeEdge: { public: 'cursor node' },
  InstitutionAccountChange: { scoped: 'bankAccount bankName decidedAt decidedById districtCode id institutionPayeeId previousBankAccount previousBankName proposedAt proposedById reason rejectionReason status townshipCode' },
  InstitutionAccountChangeConnection: { public: 'edges nodes pageInfo totalCount' },
  InstitutionAccountChangeEdge: { public: 'cursor node' },
  InvestigatePetitionPayload: { public: 'petition' },
  Investigation: { scoped: 'case findings id investigators recordedAt tekunInSchool tekunLegalSupporters tekunWorkCapacity visitedOn' },
  Investigator: { scoped: 'account accountId signed' },
  KinDeclaration: { scoped: 'declaredAt districtCode id name relation withdrawnAt' },
  KinDeclarationConnection: { public: 'edges nodes pageInfo totalCount' },
  KinDeclarationEdge: { public: 'cursor node' },
  LinkDevelopmentSupportPayload: { public: 'developmentLink' },
  LinshiCauseCategory: { scoped: 'active code name' },
  Meeting: { scoped: 'agenda createdAt districtCode heldOn id members present townshipCode votes' },
  MeetingConnection: { public: 'edges nodes pageInfo totalCount' },
  MeetingEdge: { public: 'cursor node' },
  Objection: { scoped: 'content id objector recordedAt resolution resolutionNote resolvedAt' },
  PageInfo: { public: 'endCursor hasNextPage hasPreviousPage startCursor' },
  PaymentBatchConnection: { public: 'edges nodes pageInfo totalCount' },
  PaymentBatchEdge: { public: 'cursor node' },
  PaymentConnection: { public: 'edges nodes pageInfo totalCount' },
  PaymentEdge: { public: 'cursor node' },
  PendingStep: { scoped: 'accounts actions dueAt roles step subjectType unmet' },
  PermissionExplanation: { scoped: 'action allowed decidingGrant failedConditions field heldFor message subjectId subjectType username' },
  PermissionGrant: { public: 'action clause clauseText clauseTitle condition effect fields reason role scope subject' },
  PetitionConnection: { public: 'edges nodes pageInfo totalCount' },
  PetitionEdge: { public: 'cursor node' },
  PetitionProgress: { public: 'answer answeredAt status' },
  PolicyInvariant: { public: 'clause combination invariantId note rows status text violation' },
  ProposeBankAccountChangePayload: { public: 'bankAccountChange' },
  ProposeInstitutionAccountChangePayload: { public: 'institutionAccountChange' },
  ProposeDistrictPayload: { public: 'activationCode proposal' },
  ProposedSetting: { scoped: 'key value' },
  ProposeRoleGrantPayload: { public: 'roleGrant' },
  PublicNotice: { public: 'amount householdSize id maskedName noticeEndsAt noticeStartsAt programme villageCode villageName' },
  RaiseDoubtPayload: { public: 'case' },
  RaiseObjectionPayload: { public: 'case' },
  Reconciliation: { scoped: 'allocatedTotal balanced differences emergencyPaidTotal failedTotal month paidTotal repaidTotal requestedTotal rosterTotal townshipCode' },
  ReconciliationDifference: { scoped: 'kind paidAmount payee payeeName rosterAmount' },
  RecordAppraisalPayload: { public: 'appraisal case' },
  RecordAttendancePayload: { public: 'meeting' },
  RecordAuditFindingPayload: { public: 'auditFinding' },
  RecordCareAssessmentPayload: { public: 'case' },
  RecordChangeReportPayload: { public: 'changeReport' },
  RecordDeliveryPayload: { public: 'case delivery' },
  RecordIncomeAccountingPayload: { public: 'case incomeAccounting' },
  RecordInvestigationPayload: { public: 'case investigation' },
  RecordNewGroundsPayload: { public: 'case' },
  RecordPaymentPayload: { public: 'case' },
  RecordPaymentResultsPayload: { public: 'paymentBatch' },
  RecordReviewOutcomePayload: { public: 'enrolment review' },
  RefuseAcceptancePayload: { public: 'case' },
  Region: { scoped: 'children code districtCode id kind level name parent parentCode population provinceCode townshipCode villageCode' },
  RejectBankAccountChangePayload: { public: 'bankAccountChange' },
  RejectInstitutionAccountChangePayload: { public: 'institutionAccountChange' },
  RejectDistrictProposalPayload: { public: 'proposal' },
  RemoveHouseholdMemberPayload: { public: 'household' },
  RequestMaterialsPayload: { public: 'case' },
  ReReviewPayload: { public: 'case' },
  ReturnFundRequestPayload: { public: 'fundRequest' },
  ReturnToReviewPayload: { public: 'case' },
  ReturnWorkPlanPayload: { public: 'workPlan' },
  ReviewDueConnection: { public: 'edges nodes pageInfo totalCount' },
  ReviewDueEdge: { public: 'cursor node' },
  ReviseWorkPlanPayload: { public: 'workPlan' },
  RevokeApiKeyPayload: { public: 'apiKey' },
  RevokeDelegationPayload: { public: 'delegation' },
  RevokeRoleGrantPayload: { public: 'roleGrant' },
  RoleAssignment: { scoped: 'districtCode regionCode role townshipCode villageCode' },
  RoleGrant: { scoped: 'account confirmedAt confirmedBy createdAt districtCode districtTier effectiveFrom effectiveUntil id proposedAs proposedBy regionCode revokedBy revokedFrom role townshipCode' },
  RoleGrantConnection: { public: 'edges nodes pageInfo totalCount' },
  RoleGrantEdge: { public: 'cursor node' },
  Roster: { scoped: 'createdAt districtCode id lineCount lines month reason status submittedAt supplements total townshipCode' },
  RosterConnection: { public: 'edges nodes pageInfo totalCount' },
  RosterEdge: { public: 'cursor node' },
  RosterLineConnection: { public: 'edges nodes pageInfo totalCount' },
  RosterLineEdge: { public: 'cursor node' },
  ScheduleMeetingPayload: { public: 'meeting' },
  SetAccountActivePayload: { public: 'account' },
  SetCommitteePayload: { public: 'committee' },
  SetHolidayPayload: { public: 'settings' },
  SetLinshiCauseCategoryPayload: { public: 'settings' },
  Setting: { scoped: 'clause defaultValue description key legalCeiling legalClause legalFloor legalRule value' },
  SetVerificationDepartmentPayload: { public: 'settings' },
  SharePetitionPayload: { public: 'petition' },
  SignInvestigationPayload: { public: 'case investigation' },
  SpotCheck: { scoped: 'findings id outcome recordedAt' },
  SpotCheckDraw: { scoped: 'algorithm districtCode drawnAt filedBy id pool poolSize ratePercent replayMatches sampleSize seed' },
  SpotCheckDrawConnection: { public: 'edges nodes pageInfo totalCount' },
  SpotCheckDrawEdge: { public: 'cursor node' },
  SpotCheckPayload: { public: 'case' },
  SpotCheckPoolEntry: { scoped: 'case caseId districtCode filedAt id inclusion sampled score townshipCode villageCode' },
  StaffingLine: { scoped: 'caseworkers population requiredCaseworkers shortfall township villagesWithoutAssistant' },
  StartInvestigationPayload: { public: 'case' },
  StartNoticePayload: { public: 'case' },
  SubmitApplicationPayload: { public: 'case' },
  SubmitForReviewPayload: { public: 'case' },
  SubmitFundRequestPayload: { public: 'fundRequest' },
  SubmitPetitionPayload: { public: 'progress reference' },
  SubmitRosterPayload: { public: 'roster' },
  SupplyMaterialsPayload: { public: 'case' },
  TownshipMonthFigures: { scoped: 'amountPaid applications approvalRatePercent approvals averageWorkingDaysToDecision cases month openPetitions overdueSteps paidRecipients recipients recipientsMonthlyAmount refusalRatePercent refusals spotCheckCorrections spotChecks townshipCode' },
  UpdateHouseholdPayload: { public: 'household' },
  UpdateInstitutionPayeePayload: { public: 'institutionPayee' },
  UpdateRegionPayload: { public: 'region' },
  UpdateSettingPayload: { public: 'settings' },
  VerificationAnswer: { scoped: 'answeredAt departmentCode districtCode findings id requestId subjects' },
  VerificationAnswerConnection: { public: 'edges nodes pageInfo totalCount' },
  VerificationAnswerEdge: { public: 'cursor node' },
  VerificationDepartment: { scoped: 'active department findings' },
  VerificationRequest: { scoped: 'answers case departments districtCode id reportApprovedAt requestedAt status townshipCode villageCode' },
  VerificationRequestConnection: { public: 'edges nodes pageInfo totalCount' },
  VerificationRequestEdge: { public: 'cursor node' },
  VerificationSubject: { scoped: 'idNumber name' },
  ViewAsPayload: { public: 'account expiresAt token viewer' },
  WhoCanEntry: { scoped: 'account grant heldFor' },
  WithdrawKinDeclarationPayload: { public: 'kinDeclaration' },
  WorkPlan: { scoped: 'body createdAt districtCode documentDate figures filedAt id kind returnReasons reviewedAt status title townshipCode updatedAt year' },
  WorkPlanConnection: { public: 'edges nodes pageInfo totalCount' },
  WorkPlanEdge: { public: 'cursor node' },
};

/** The class of each field of a type, from the table, the subject lists or the root field's declaration. */
function classesOf(type: GraphQLObjectType): Map<string, FieldClass> {
  const classes = new Map<string, FieldClass>();
  if (type.name === 'Query' || type.name === 'Mutation') {
    for (const field of Object.keys(type.getFields())) {
      const requirement = requirementOf(type.name, field);
      if (requirement) classes.set(field, requirement.kind === 'public' ? 'public' : 'scoped');
    }
    return classes;
  }
  const subject = type.name as SubjectName;
  const fields = SUBJECT_FIELDS[subject];
  if (fields) {
    const derived = DERIVED_PERSONAL_FIELDS[subject] ?? {};
    for (const field of fields) {
      classes.set(field, PERSONAL_FIELDS[subject]?.includes(field) ? 'personal' : field in derived ? 'derived-personal' : 'scoped');
    }
    return classes;
  }
  for (const [fieldClass, names] of Object.entries(CLASSES[type.name] ?? {}) as [FieldClass, string][]) {
    for (const name of names.split(' ')) classes.set(name, fieldClass);
  }
  return classes;
}

/**
 * Refuses a schema with a field nobody classified, or a classification of a field that does not
 * exist: the server does not start (Directus aborts on a field without a rule; so do we).
 */
export function assertEveryFieldClassified(schema: GraphQLSchema): void {
  const problems: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!(type instanceof GraphQLObjectType) || type.name.startsWith('__')) continue;
    const classes = classesOf(type);
    const fields = Object.keys(type.getFields());
    for (const field of fields) if (!classes.has(field)) problems.push(`${type.name}.${field} is not classified`);
    for (const field of classes.keys())
      if (!fields.includes(field)) problems.push(`${type.name}.${field} is classified but not in the schema`);
  }
  for (const name of Object.keys(CLASSES)) if (!schema.getType(name)) problems.push(`${name} is classified but not in the schema`);
  if (problems.length > 0)
    throw new Error(`Every GraphQL field must be classified (src/graphql/field-classes.ts):\n${problems.join('\n')}`);
}
