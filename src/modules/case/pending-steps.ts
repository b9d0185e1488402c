import { subject as asSubject } from '@casl/ability';
import type { DelegationInForce } from '../../../permissions/ability';
import { abilityFor } from '../../auth/abilities';
import type { Action, SubjectName } from '../../../permissions/policy';
import { Role, ROLE_TIER } from '../../../permissions/roles';
import { DomainError, ErrorCode } from '../../errors';
import { actorOf } from '../account/account.service';
import type { Account } from '../account/account.entity';
import { Case, CaseStatus } from './case.entity';
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

interface RecordStep {
  step: string;
  action: Action;
  subject: SubjectName;
  /** Whether the step is still to be done on this case. */
  open?: (meetings: number, c: Case) => boolean;
}

/** Steps that record something without moving the case, but that someone must take before it can
 * move on: they answer "waiting for whom?" where the transition table alone would not (D§3, D§4). */
const RECORD_STEPS: Partial<Record<CaseStatus, RecordStep[]>> = {
  [CaseStatus.INVESTIGATING]: [
    { step: 'recordInvestigation', action: 'investigate', subject: 'Case' },
    { step: 'recordIncomeAccounting', action: 'assess', subject: 'Case' },
  ],
  [CaseStatus.TOWNSHIP_REVIEW]: [
    { step: 'scheduleMeeting', action: 'create', subject: 'Meeting', open: (meetings) => meetings === 0 },
    { step: 'castVote', action: 'vote', subject: 'Case', open: (meetings) => meetings > 0 },
  ],
  [CaseStatus.OBJECTION_RAISED]: [{ step: 'recordAppraisal', action: 'appraise', subject: 'Case' }],
  [CaseStatus.DENIED]: [{ step: 'recordDelivery', action: 'deliver', subject: 'Case', open: (_meetings, c) => !c.deliveredAt }],
  [CaseStatus.NOT_ACCEPTED]: [{ step: 'recordDelivery', action: 'deliver', subject: 'Case', open: (_meetings, c) => !c.deliveredAt }],
};

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
  /** Meetings that took up the case since it entered its current state (D§4). */
  meetings: number,
): Promise<PendingStep[]> {
  const language = currentLanguage();
  const run: StepRun = { ...env, case: c, input: {}, now: new Date() };
  // The caller's district is the case's: its delegations decide who may decide (D§13).
  const delegations = env.caller.actor!.delegations;
  const caseRow = { ...c };
  const scopeRow = { districtCode: c.districtCode, townshipCode: c.townshipCode, villageCode: c.villageCode };
  const candidates: { step: string; actions: Action[]; subject: SubjectName; row: object; unmet: Message[] }[] = [];
  for (const record of RECORD_STEPS[c.status] ?? []) {
    if (record.open && !record.open(meetings, c)) continue;
    candidates.push({
      step: record.step,
      actions: [record.action],
      subject: record.subject,
      row: record.subject === 'Case' ? caseRow : scopeRow,
      unmet: [],
    });
  }
  for (const transition of nextStepsOf(c)) {
    const unmet =
      transition.step === 'concludeReview' && meetings === 0
        ? [message('case.pending.meetingRequired')]
        : await unmetOf(run, transition.guard);
    // A step that may end in a decision lists who may take it and who may decide it: which one
    // signs depends on the committee's tally (D§13).
    candidates.push({ step: transition.step, actions: actionsOf(transition), subject: 'Case', row: caseRow, unmet });
  }
  return candidates.map(({ step, actions, subject, row, unmet }) => ({
    step,
    actions,
    subjectType: subject,
    roles: rolesAllowed(actions, subject, row, c, delegations),
    accounts: visibleAccounts.filter((account) => {
      if (!account.active) return false;
      const ability = abilityFor(actorOf(account, delegations));
      return actions.some((action) => ability.can(action, asSubject(subject, { ...row })));
    }),
    unmet: unmet.map((requirement) => render(requirement, language)),
    dueAt: c.dueAt ?? c.decisionDueAt,
  }));
}
