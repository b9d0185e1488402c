import { subject as asSubject } from '@casl/ability';
import type { DelegationInForce } from '../../../permissions/ability';
import { abilityFor } from '../../auth/abilities';
import type { Action, SubjectName } from '../../../permissions/policy';
import { Role, ROLE_TIER } from '../../../permissions/roles';
import { DomainError, ErrorCode } from '../../errors';
import { actorOf } from '../account/account.service';
import type { Account } from '../account/account.entity';
import { Case, CaseStatus, Programme } from './case.entity';
import {
  ADOPT_INCOME_ACCOUNTING,
  CONFIRM_NEW_GROUNDS,
  RECORD_INCOME_ACCOUNTING,
  RECORD_NEW_GROUNDS,
  RecordStep,
  takenIn,
} from './record-steps';
import { actionsOf, Check, nextStepsOf, StepRun } from './workflow';
import { currentLanguage } from '../../i18n/language';
import { Message, message, render } from '../../i18n/message';

/** A step that can happen next on a case, who may take it, and what still stands in its way (in the request's language). */
export interface PendingStep {
  step: string;
  actions: Action[];
  subjectType: SubjectName;
  roles: Role[];
  accounts: Account[];
  unmet: string[];
  dueAt: Date | null;
}

/** What a case's next steps depend on beyond its own row. */
export interface CaseFacts {
  /** Meetings that took up the case since it entered its current state (D§4). */
  meetings: number;
  /** Village drafts of its income accounting that no accounting adopted yet (D§8). */
  adoptableDrafts: number;
}

interface PendingRecord {
  step: string;
  action: Action;
  subject: SubjectName;
  statuses: readonly CaseStatus[];
  programmes?: readonly Programme[];
  /** Whether the step is still to be done, or can be taken at all, on this case. */
  open?: (facts: CaseFacts, c: Case) => boolean;
  /** Accounts that may not take it on this case whatever their roles: a separation of duties the step's service checks. */
  barred?: (c: Case) => (string | null)[];
}

/** A recording step on the case, offered under the definition its service takes it by. */
const onCase = (step: RecordStep, rest: Pick<PendingRecord, 'open' | 'barred'> = {}): PendingRecord => ({
  step: step.name,
  action: step.action,
  subject: 'Case',
  statuses: step.statuses,
  programmes: step.programmes,
  ...rest,
});

const { INVESTIGATING, TOWNSHIP_REVIEW, OBJECTION_RAISED, DENIED, NOT_ACCEPTED } = CaseStatus;

/** Steps that record something without moving the case, but that someone must take before it can
 * move on: they answer "waiting for whom?" where the transition table alone would not (D§3, D§4,
 * D§6, D§8). Listed in the order they are offered. */
const RECORD_STEPS: PendingRecord[] = [
  { step: 'recordInvestigation', action: 'investigate', subject: 'Case', statuses: [INVESTIGATING] },
  { ...onCase(RECORD_INCOME_ACCOUNTING), statuses: [INVESTIGATING] },
  // The township adopts a village draft wherever it may, as long as one waits (D§8).
  onCase(ADOPT_INCOME_ACCOUNTING, { open: (facts) => facts.adoptableDrafts > 0 }),
  { step: 'scheduleMeeting', action: 'create', subject: 'Meeting', statuses: [TOWNSHIP_REVIEW], open: ({ meetings }) => meetings === 0 },
  { step: 'castVote', action: 'vote', subject: 'Case', statuses: [TOWNSHIP_REVIEW], open: ({ meetings }) => meetings > 0 },
  { step: 'recordAppraisal', action: 'appraise', subject: 'Case', statuses: [OBJECTION_RAISED] },
  { step: 'recordDelivery', action: 'deliver', subject: 'Case', statuses: [DENIED, NOT_ACCEPTED], open: (_facts, c) => !c.deliveredAt },
  // A LINSHI repeat within the window (D§6): the township records the new grounds (again, to correct
  // them, which takes back a confirmation); a second account, never the recorder, confirms them once.
  onCase(RECORD_NEW_GROUNDS, { open: (_facts, c) => c.repeatOfId !== null }),
  onCase(CONFIRM_NEW_GROUNDS, {
    open: (_facts, c) => c.repeatOfId !== null && c.newGrounds !== null && c.newGroundsConfirmedAt === null,
    barred: (c) => [c.newGroundsRecordedById],
  }),
];

/** The region a role of its tier would be held for to reach this case. */
function regionFor(role: Role, c: Case): string {
  const tier = ROLE_TIER[role];
  return tier === 'VILLAGE' ? c.villageCode : tier === 'TOWNSHIP' ? c.townshipCode : c.districtCode;
}

/**
 * Roles whose grants, held for this case's village, township or district, allow one of the actions
 * (the policy table). A grant that names its holder (the deputy chair standing in for a recused
 * chair, D§4) is tried as held by the account the case names for it.
 */
function rolesAllowed(actions: Action[], subject: SubjectName, row: object, c: Case, delegations: DelegationInForce[]): Role[] {
  const holders = ['', ...c.actingChairIds];
  // Departments act only on the verification answers addressed to them, never on a case's steps.
  return Object.values(Role)
    .filter((role) => role !== Role.DEPARTMENT)
    .filter((role) =>
      holders.some((accountId) => {
        const ability = abilityFor({
          accountId,
          username: '',
          districtCode: c.districtCode,
          departmentCode: null,
          roles: [{ role, regionCode: regionFor(role, c) }],
          delegations,
        });
        return actions.some((action) => ability.can(action, asSubject(subject, { ...row })));
      }),
    );
}

/** The unmet requirements of a transition's guard, without the inputs the step itself will carry. */
async function unmetOf(run: StepRun, guard: Check | undefined): Promise<Message[]> {
  try {
    return (await guard?.(run)) ?? [];
  } catch (error) {
    // A guard that reached the step's own input found the case ready for it.
    if (error instanceof DomainError && error.code === ErrorCode.BAD_USER_INPUT) return [];
    throw error;
  }
}

/**
 * Every step that can happen next on a case (`Case.pendingSteps`): the transitions the workflow
 * table allows from its state, and the recording steps they wait for; for each, the roles the
 * policy table allows, the accounts of the district holding them that the caller may see (as
 * `whoCan` answers), every unmet requirement, and the deadline.
 */
export async function pendingStepsOf(
  env: Pick<StepRun, 'caller' | 'services' | 'manager' | 'calendar'>,
  c: Case,
  visibleAccounts: Account[],
  facts: CaseFacts,
): Promise<PendingStep[]> {
  const language = currentLanguage();
  const run: StepRun = { ...env, case: c, input: {}, now: new Date() };
  // The caller's district is the case's: its delegations decide who may decide (D§13).
  const delegations = env.caller.actor!.delegations;
  const caseRow = { ...c };
  const scopeRow = { districtCode: c.districtCode, townshipCode: c.townshipCode, villageCode: c.villageCode };
  const candidates: { step: string; actions: Action[]; subject: SubjectName; row: object; unmet: Message[]; barred: (string | null)[] }[] =
    [];
  for (const record of RECORD_STEPS) {
    if (!takenIn(record, c) || (record.open && !record.open(facts, c))) continue;
    candidates.push({
      step: record.step,
      actions: [record.action],
      subject: record.subject,
      row: record.subject === 'Case' ? caseRow : scopeRow,
      unmet: [],
      barred: record.barred?.(c) ?? [],
    });
  }
  for (const transition of nextStepsOf(c)) {
    const unmet =
      transition.step === 'concludeReview' && facts.meetings === 0
        ? [message('case.pending.meetingRequired')]
        : await unmetOf(run, transition.guard);
    // A step that may end in a decision lists who may take it and who may decide it: which one
    // signs depends on the committee's tally (D§13).
    candidates.push({ step: transition.step, actions: actionsOf(transition), subject: 'Case', row: caseRow, unmet, barred: [] });
  }
  return candidates.map(({ step, actions, subject, row, unmet, barred }) => ({
    step,
    actions,
    subjectType: subject,
    roles: rolesAllowed(actions, subject, row, c, delegations),
    accounts: visibleAccounts.filter((account) => {
      if (!account.active || barred.includes(account.id)) return false;
      const ability = abilityFor(actorOf(account, delegations));
      return actions.some((action) => ability.can(action, asSubject(subject, { ...row })));
    }),
    unmet: unmet.map((requirement) => render(requirement, language)),
    dueAt: c.dueAt ?? c.decisionDueAt,
  }));
}
