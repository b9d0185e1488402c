import type { MigrationInterface } from 'typeorm';
import { Foundation1795819048668 } from './1795819048668-Foundation';
import { CasesAndAudit1795819806835 } from './1795819806835-CasesAndAudit';
import { Workflow1795820308246 } from './1795820308246-Workflow';
import { Oversight1795821777080 } from './1795821777080-Oversight';
import { CredentialsVersion1795821905058 } from './1795821905058-CredentialsVersion';
import { HouseholdAssets1795822098287 } from './1795822098287-HouseholdAssets';
import { MemberUniqueAndFindingSubject1795822850684 } from './1795822850684-MemberUniqueAndFindingSubject';
import { KeysetOrder1795844972467 } from './1795844972467-KeysetOrder';
import { SpotChecksAndObjectionOutcomes1795846079979 } from './1795846079979-SpotChecksAndObjectionOutcomes';
import { RoleGrants1795849853102 } from './1795849853102-RoleGrants';
import { HouseholdEnrolmentFlags1795849883020 } from './1795849883020-HouseholdEnrolmentFlags';
import { CommitteeMemberships1795849913819 } from './1795849913819-CommitteeMemberships';
import { Delegations1795850004534 } from './1795850004534-Delegations';
import { SystemCaseEvents1795851003733 } from './1795851003733-SystemCaseEvents';
import { KinWithdrawal1795851100198 } from './1795851100198-KinWithdrawal';
import { AccountActivation1795851114230 } from './1795851114230-AccountActivation';
import { DynamicManagement1795856131315 } from './1795856131315-DynamicManagement';
import { Petitions1795856035601 } from './1795856035601-Petitions';
import { Funds1795856254123 } from './1795856254123-Funds';
import { WorkPlans1795856224706 } from './1795856224706-WorkPlans';
import { AuditHashChain1795855648758 } from './1795855648758-AuditHashChain';
import { TekunEligibilityFindings1795856236718 } from './1795856236718-TekunEligibilityFindings';
import { CalendarDayKinds1795859269684 } from './1795859269684-CalendarDayKinds';
import { ScopedListIndexes1795869164330 } from './1795869164330-ScopedListIndexes';
import { SignInFailures1795870000000 } from './1795870000000-SignInFailures';
import { SpotCheckDraws1796417400000 } from './1796417400000-SpotCheckDraws';
import { ReviewClasses20211796417300000 } from './1796417300000-ReviewClasses2021';
import { PaymentDay1795870100000 } from './1795870100000-PaymentDay';
import { AdoptedIncomeAccounting1796412700000 } from './1796412700000-AdoptedIncomeAccounting';
import { DistrictCataloguesAndLinshiRepeats1796412800000 } from './1796412800000-DistrictCataloguesAndLinshiRepeats';
import { FundsPayeesSupplements1796438200000 } from './1796438200000-FundsPayeesSupplements';
import { LeastPrivilege1796418300000 } from './1796418300000-LeastPrivilege';
import { AuthorityEpochs1796481700000 } from './1796481700000-AuthorityEpochs';
import { InstitutionAccountChanges1796610000000 } from './1796610000000-InstitutionAccountChanges';
import { IdempotencyKeys1795860000000 } from './1795860000000-IdempotencyKeys';
import { BankAccountChanges1795868844093 } from './1795868844093-BankAccountChanges';
import { DistrictProposals1795868072035 } from './1795868072035-DistrictProposals';
import { DistrictWall1796640000000 } from './1796640000000-DistrictWall';
import { CasesByProgramme1796670000000 } from './1796670000000-CasesByProgramme';

/** Migrations in the order they apply; add each new one here. */
export const MIGRATIONS: (new () => MigrationInterface)[] = [
  Foundation1795819048668,
  CasesAndAudit1795819806835,
  Workflow1795820308246,
  Oversight1795821777080,
  CredentialsVersion1795821905058,
  HouseholdAssets1795822098287,
  MemberUniqueAndFindingSubject1795822850684,
  KeysetOrder1795844972467,
  SpotChecksAndObjectionOutcomes1795846079979,
  RoleGrants1795849853102,
  HouseholdEnrolmentFlags1795849883020,
  CommitteeMemberships1795849913819,
  Delegations1795850004534,
  SystemCaseEvents1795851003733,
  KinWithdrawal1795851100198,
  AccountActivation1795851114230,
  AuditHashChain1795855648758,
  Petitions1795856035601,
  DynamicManagement1795856131315,
  WorkPlans1795856224706,
  TekunEligibilityFindings1795856236718,
  Funds1795856254123,
  CalendarDayKinds1795859269684,
  IdempotencyKeys1795860000000,
  DistrictProposals1795868072035,
  BankAccountChanges1795868844093,
  ScopedListIndexes1795869164330,
  SignInFailures1795870000000,
  PaymentDay1795870100000,
  AdoptedIncomeAccounting1796412700000,
  DistrictCataloguesAndLinshiRepeats1796412800000,
  ReviewClasses20211796417300000,
  SpotCheckDraws1796417400000,
  LeastPrivilege1796418300000,
  FundsPayeesSupplements1796438200000,
  AuthorityEpochs1796481700000,
  InstitutionAccountChanges1796610000000,
  DistrictWall1796640000000,
  CasesByProgramme1796670000000,
];
