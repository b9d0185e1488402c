import type { EntityManager } from 'typeorm';
import type { Action } from '../../../permissions/policy';
import { assertAmountOrThrow, badInput, DomainError, ErrorCode, textOrThrow } from '../../errors';
import { message, Message } from '../../i18n/message';
import type { Caller } from '../../auth/caller';
import type { DistrictCalendar } from '../settings/settings.service';
import { addCalendarDays } from '../settings/working-days';
import { Case, CaseStatus, DecisionAuthority, Programme } from './case.entity';
import {
  Appraisal,
  IncomeAccounting,
  Investigation,
  Objection,
  ObjectionResolution,
  SpotCheck,
  SpotCheckOutcome,
} from './case-records.entity';
import { VerificationRequest, VerificationStatus } from '../verification/verification.entity';
import { tekunConditionsUnmet } from './eligibility';
import { recordOf } from './case-rows';

/** What a transition mutation may carry besides the case and its version. */
export interface StepInput {
  note?: string | null;
  missingMaterials?: string[] | null;
  reasons?: string | null;
  amount?: number | null;
  meetingId?: string | null;
  spotCheckOutcome?: SpotCheckOutcome | null;
  objector?: string | null;
  content?: string | null;
}

/** What the steps of the table call on, given to the workflow service by the composition root;
 * written as the calls the steps make so that the table does not import the services that read it. */
export interface StepCollaborators {
  kin: { flagCase(manager: EntityManager, c: Case): Promise<void>; doubleBenefitsOf(manager: EntityManager, c: Case): Promise<Message[]> };
  verification: { requestFor(manager: EntityManager, caller: Caller, c: Case): Promise<void> };
  committees: { tally(run: StepRun): Promise<CaseStatus> };
  enrolments: { enrolOnApproval(run: StepRun): Promise<void>; endFor(run: StepRun): Promise<void> };
}

export interface StepRun {
  caller: Caller;
  services: StepCollaborators;
  manager: EntityManager;
  case: Case;
  input: StepInput;
  calendar: DistrictCalendar;
  now: Date;
  /** How the guard of `returnToReview` found the objection dealt with, for its effect to record. */
  resolution?: ObjectionResolution;
}

export interface Transition {
  /** The GraphQL mutation that performs it. */
  step: string;
  /** The policy action the caller needs on the case. */
  action: Action;
  /** Outcomes that decide the case (D§13): reaching one needs `decide`, under the same delegation
   * condition as approving, instead of `action` (a committee's refusal is the township's decision). */
  decides?: readonly CaseStatus[];
  from: readonly CaseStatus[];
  /** The states it can reach; the executor refuses any other. */
  outcomes: readonly CaseStatus[];
  /** Chooses among several outcomes (a committee tally, a spot check); absent when there is one. */
  to?: (run: StepRun) => CaseStatus | Promise<CaseStatus>;
  programmes: readonly Programme[];
  clause: string;
  /** Every requirement of the step that does not hold yet: the executor refuses with all of them at
   * once (INVALID_TRANSITION). Throws BAD_USER_INPUT for input the step cannot take. */
  guard?: Check;
  /** Writes the step's own records and case fields, in the transition's transaction. */
  effect?: (run: StepRun, to: CaseStatus) => void | Promise<void>;
}

/** A sanity bound on a one-off payment, far above any district's limit; not a policy number. */
const MAX_LINSHI_YUAN = 1_000_000;

const ALL = [Programme.DIBAO, Programme.TEKUN, Programme.LINSHI] as const;
const REVIEWED = [Programme.DIBAO, Programme.TEKUN] as const;
const {
  SUBMITTED,
  NEEDS_MATERIALS,
  NOT_ACCEPTED,
  ACCEPTED,
  INVESTIGATING,
  TOWNSHIP_REVIEW,
  PUBLIC_NOTICE,
  OBJECTION_RAISED,
  APPROVED,
  DENIED,
  FILED,
  SPOT_CHECKED,
  CORRECTION_ORDERED,
  EMERGENCY_PAID,
  PAID,
} = CaseStatus;

/** What a step still misses, each requirement a message naming what to do; empty when it may go ahead. */
export type Check = (run: StepRun) => Message[] | Promise<Message[]>;

/** Runs checks one after another (they share the transaction's connection) and keeps everything
 * they miss, so a caller learns every unmet requirement at once. */
function all(...checks: Check[]): Check {
  return async (run) => {
    const missing: Message[] = [];
    for (const check of checks) missing.push(...(await check(run)));
    return missing;
  };
}

const unless = (met: boolean, requirement: Message): Message[] => (met ? [] : [requirement]);

// ── Checks shared by several transitions ─────────────────────────────────────────────────────

/** D§3: a household investigation signed by all of its investigators, at least two. */
async function investigationSigned({ manager, case: c }: StepRun): Promise<Message[]> {
  const investigations = await manager.findBy(Investigation, { districtCode: c.districtCode, caseId: c.id });
  const signed = investigations.some((i) => i.signedByIds.length >= 2 && i.investigatorIds.every((id) => i.signedByIds.includes(id)));
  return unless(signed, message('case.transition.unmet.investigationSigned'));
}

/** D§3, D§7: every entry is verified, and the district approved the combined report. */
async function verificationApproved({ manager, case: c }: StepRun): Promise<Message[]> {
  const approved = await manager.existsBy(VerificationRequest, {
    districtCode: c.districtCode,
    caseId: c.id,
    status: VerificationStatus.REPORT_APPROVED,
  });
  return unless(approved, message('case.transition.unmet.verificationApproved'));
}

/** D§8: an accounting the township recorded or adopted; a village draft alone does not count. */
async function incomeAccounted({ manager, case: c }: StepRun): Promise<Message[]> {
  if (c.incomeAccountingId) return [];
  const drafted = await manager.existsBy(IncomeAccounting, { districtCode: c.districtCode, caseId: c.id });
  return [message(drafted ? 'case.transition.unmet.incomeDraftNotAdopted' : 'case.transition.unmet.incomeAccounted')];
}

/** D§3: TEKUN support depends on the care level of the self-care assessment. */
function careAssessed({ case: c }: StepRun): Message[] {
  return unless(c.programme !== Programme.TEKUN || Boolean(c.careLevel), message('case.transition.unmet.careAssessed'));
}

/** D§3: only a person who meets every condition of TEKUN eligibility reaches review as TEKUN. */
const tekunEligible: Check = ({ manager, case: c, now }) => tekunConditionsUnmet(manager, c, now);

/** D§5: nobody receives two benefits that exclude each other (checked again at approval). */
const noDoubleBenefit: Check = ({ services, manager, case: c }) => services.kin.doubleBenefitsOf(manager, c);

/** D§6: a repeat of the same cause category within the window is decided or paid only on new
 * grounds the township recorded and a second account confirmed. */
export function newGroundsConfirmed({ case: c }: Pick<StepRun, 'case'>): Message[] {
  return unless(!c.repeatOfId || c.newGroundsConfirmedAt !== null, message('case.transition.unmet.newGroundsUnconfirmed'));
}

/** D§3: decisions come only after the notice period ended without open objections. */
async function noticeEndedWithoutObjection({ manager, case: c, now }: StepRun): Promise<Message[]> {
  const unresolved = await manager
    .getRepository(Objection)
    .createQueryBuilder('o')
    .where('o.district_code = :d AND o.case_id = :id AND o.resolved_at IS NULL', { d: c.districtCode, id: c.id })
    .getExists();
  const ended = Boolean(c.noticeEndsAt && now > c.noticeEndsAt);
  return [
    ...unless(ended, message('case.transition.unmet.noticeRunning', { endsAt: c.noticeEndsAt?.toISOString() ?? '' })),
    ...unless(!unresolved, message('case.transition.unmet.objectionOpen')),
  ];
}

/** D§6: above the township's LINSHI limit, the district confirms the amount. */
function withinLinshiLimit({ case: c, calendar }: StepRun): Message[] {
  const limit = calendar.settings.linshiTownshipLimitYuan;
  const above = c.programme === Programme.LINSHI && limit !== null && (c.amount ?? 0) > limit && !c.districtConfirmed;
  return unless(!above, message('case.transition.unmet.linshiLimit', { amount: c.amount ?? 0, limit: limit ?? 0 }));
}

/** A one-off LINSHI amount in yuan, as given with the step. */
export function assertPaymentAmountOrThrow(amount: number | null | undefined): void {
  if (!amount || amount <= 0) throw badInput('amount', 'case.amount.notPositive', { field: 'amount' });
  assertAmountOrThrow(amount, 'amount', MAX_LINSHI_YUAN);
}

/** Opens the public notice: `noticeDays` from now (D§3). */
function openNotice(run: StepRun): void {
  run.case.noticeStartsAt = run.now;
  run.case.noticeEndsAt = addCalendarDays(run.now, run.calendar.settings.noticeDays);
}

/** A refusal states its reasons to the applicant in writing (D§3). */
function setRefusal(
  run: StepRun,
  requirement: 'case.refusal.reasonsRequired' | 'case.review.reasonsRequired' = 'case.refusal.reasonsRequired',
): void {
  if (!run.input.reasons?.trim()) throw badInput('reasons', requirement);
  run.case.refusalReasons = textOrThrow(run.input.reasons, 'reasons');
}

// ── The transitions (D§3 for DIBAO and TEKUN, D§6 for LINSHI) ────────────────────────────────

export const TRANSITIONS: readonly Transition[] = [
  {
    step: 'acceptCase',
    action: 'accept',
    from: [SUBMITTED],
    outcomes: [ACCEPTED],
    programmes: ALL,
    clause: 'D§3, D§5',
    effect: async (run) => run.services.kin.flagCase(run.manager, run.case),
  },
  {
    step: 'requestMaterials',
    action: 'accept',
    from: [SUBMITTED],
    outcomes: [NEEDS_MATERIALS],
    programmes: ALL,
    clause: 'D§3',
    guard: ({ case: c, input }) => {
      const missing = (input.missingMaterials ?? []).map((m) => m.trim()).filter(Boolean);
      if (missing.length === 0) throw badInput('missingMaterials', 'case.materials.missing');
      // Missing materials are listed once, completely: a second request would be a new burden.
      return unless(c.missingMaterials.length === 0, message('case.transition.unmet.materialsListedOnce'));
    },
    effect: ({ case: c, input }) => {
      c.missingMaterials = (input.missingMaterials ?? []).map((m) => m.trim()).filter(Boolean);
    },
  },
  { step: 'supplyMaterials', action: 'submit', from: [NEEDS_MATERIALS], outcomes: [SUBMITTED], programmes: ALL, clause: 'P4.1' },
  {
    step: 'refuseAcceptance',
    action: 'accept',
    from: [SUBMITTED, NEEDS_MATERIALS],
    outcomes: [NOT_ACCEPTED],
    programmes: ALL,
    clause: 'D§3',
    effect: (run) => setRefusal(run),
  },
  {
    step: 'startInvestigation',
    action: 'investigate',
    from: [ACCEPTED],
    outcomes: [INVESTIGATING],
    programmes: ALL,
    clause: 'D§3, D§7',
    // "Every entry is verified": the verification request goes out with the investigation.
    effect: async (run) => run.services.verification.requestFor(run.manager, run.caller, run.case),
  },
  {
    step: 'submitForReview',
    action: 'investigate',
    from: [INVESTIGATING],
    outcomes: [TOWNSHIP_REVIEW],
    programmes: REVIEWED,
    clause: 'D§3',
    guard: all(investigationSigned, verificationApproved, incomeAccounted, careAssessed, tekunEligible, noDoubleBenefit),
  },
  {
    step: 'startNotice',
    action: 'investigate',
    from: [INVESTIGATING],
    outcomes: [PUBLIC_NOTICE],
    programmes: [Programme.LINSHI],
    clause: 'D§6',
    guard: (run) => {
      assertPaymentAmountOrThrow(run.input.amount);
      return all(investigationSigned, verificationApproved)(run);
    },
    effect: (run) => {
      run.case.amount = Math.round(run.input.amount!);
      openNotice(run);
    },
  },
  {
    step: 'concludeReview',
    action: 'review',
    from: [TOWNSHIP_REVIEW],
    outcomes: [PUBLIC_NOTICE, DENIED],
    decides: [DENIED],
    programmes: REVIEWED,
    clause: 'P3.2, D§4, D§13',
    to: (run) => run.services.committees.tally(run),
    effect: async (run, to) => {
      if (to === PUBLIC_NOTICE) return openNotice(run);
      // The committee's refusal reaches the applicant in the head's own words, never in canned ones.
      setRefusal(run, 'case.review.reasonsRequired');
      recordDecision(run);
      // A re-review after a correction order may end what an earlier approval started.
      await run.services.enrolments.endFor(run);
    },
  },
  {
    step: 'raiseObjection',
    action: 'notice',
    from: [PUBLIC_NOTICE],
    outcomes: [OBJECTION_RAISED],
    programmes: ALL,
    clause: 'D§3, P2.2',
    guard: ({ case: c, now }) => unless(!c.noticeEndsAt || now <= c.noticeEndsAt, message('case.transition.unmet.noticeEnded')),
    effect: async ({ manager, caller, case: c, input }) => {
      await manager.insert(Objection, {
        ...recordOf(c, caller),
        objector: textOrThrow(input.objector, 'objector', 100),
        content: textOrThrow(input.content, 'content'),
        resolvedAt: null,
      });
    },
  },
  {
    step: 'returnToReview',
    action: 'notice',
    from: [OBJECTION_RAISED],
    outcomes: [TOWNSHIP_REVIEW, PUBLIC_NOTICE],
    programmes: ALL,
    clause: 'D§3',
    // LINSHI has no committee: after the objection is dealt with it is noticed again.
    to: ({ case: c }) => (c.programme === Programme.LINSHI ? PUBLIC_NOTICE : TOWNSHIP_REVIEW),
    guard: async (run) => {
      const { manager, case: c } = run;
      const raisedAt = (
        await manager
          .getRepository(Objection)
          .createQueryBuilder('o')
          .where('o.district_code = :d AND o.case_id = :id AND o.resolved_at IS NULL', { d: c.districtCode, id: c.id })
          .orderBy('o.recorded_at')
          .getOne()
      )?.recordedAt;
      const since = { d: c.districtCode, id: c.id, since: raisedAt ?? new Date(0) };
      const appraised = await manager
        .getRepository(Appraisal)
        .createQueryBuilder('a')
        .where('a.district_code = :d AND a.case_id = :id AND a.recorded_at >= :since', since)
        .getExists();
      const reinvestigated = await manager
        .getRepository(Investigation)
        .createQueryBuilder('i')
        .where('i.district_code = :d AND i.case_id = :id AND i.recorded_at >= :since', since)
        .andWhere('cardinality(i.signed_by_ids) >= 2 AND i.investigator_ids <@ i.signed_by_ids')
        .getExists();
      run.resolution = appraised ? ObjectionResolution.APPRAISAL : ObjectionResolution.REINVESTIGATION;
      return unless(appraised || reinvestigated, message('case.transition.unmet.objectionNotDealtWith'));
    },
    effect: async (run, to) => {
      await run.manager
        .getRepository(Objection)
        .createQueryBuilder()
        .update()
        .set({
          resolvedAt: run.now,
          resolution: run.resolution,
          resolutionNote: run.input.note?.trim() || null,
          resolvedById: run.caller.actor!.accountId,
        })
        .where('district_code = :d AND case_id = :id AND resolved_at IS NULL', { d: run.case.districtCode, id: run.case.id })
        .execute();
      if (to === PUBLIC_NOTICE) openNotice(run);
    },
  },
  {
    step: 'approveCase',
    action: 'decide',
    from: [PUBLIC_NOTICE],
    outcomes: [APPROVED],
    programmes: ALL,
    clause: 'P3.1, D§3',
    guard: all(
      noticeEndedWithoutObjection,
      withinLinshiLimit,
      newGroundsConfirmed,
      ({ case: c }) => unless(Boolean(c.amount && c.amount > 0), message('case.transition.unmet.noAmount')),
      noDoubleBenefit,
    ),
    effect: async (run) => {
      recordDecision(run);
      await run.services.enrolments.enrolOnApproval(run);
    },
  },
  {
    step: 'denyCase',
    action: 'decide',
    from: [PUBLIC_NOTICE],
    outcomes: [DENIED],
    programmes: ALL,
    clause: 'P3.1, D§3',
    guard: noticeEndedWithoutObjection,
    effect: async (run) => {
      setRefusal(run);
      recordDecision(run);
      await run.services.enrolments.endFor(run);
    },
  },
  // LINSHI results are filed like the others (P3.1, D§6), once paid: the payment is part of the result.
  {
    step: 'fileCase',
    action: 'file',
    from: [APPROVED, PAID],
    outcomes: [FILED],
    programmes: ALL,
    clause: 'P3.1, D§6',
    guard: ({ case: c }) =>
      unless((c.programme === Programme.LINSHI) === (c.status === PAID), message('case.transition.unmet.linshiFiledOncePaid')),
  },
  {
    step: 'spotCheck',
    action: 'spotCheck',
    from: [FILED],
    outcomes: [SPOT_CHECKED, CORRECTION_ORDERED],
    programmes: ALL,
    clause: 'P4.3',
    to: ({ input }) => {
      if (input.spotCheckOutcome !== SpotCheckOutcome.CONFIRMED && input.spotCheckOutcome !== SpotCheckOutcome.CORRECTION) {
        throw badInput('outcome', 'case.spotCheck.outcomeRequired');
      }
      return input.spotCheckOutcome === SpotCheckOutcome.CONFIRMED ? SPOT_CHECKED : CORRECTION_ORDERED;
    },
    guard: ({ input }) => {
      textOrThrow(input.note, 'findings');
      return [];
    },
    // The findings are a record of their own, not a note on the event (P4.3).
    effect: async ({ manager, caller, case: c, input }) => {
      await manager.insert(SpotCheck, {
        ...recordOf(c, caller),
        outcome: input.spotCheckOutcome!,
        findings: textOrThrow(input.note, 'findings'),
      });
    },
  },
  // The township re-decides after a correction order; the district still does not decide (D§3). LINSHI
  // has no committee: it is investigated again, and noticed again before the new decision (D§6).
  {
    step: 'reReview',
    action: 'investigate',
    from: [CORRECTION_ORDERED],
    outcomes: [TOWNSHIP_REVIEW, INVESTIGATING],
    programmes: ALL,
    clause: 'D§3, D§6, P1',
    to: ({ case: c }) => (c.programme === Programme.LINSHI ? INVESTIGATING : TOWNSHIP_REVIEW),
    guard: tekunEligible,
  },
  {
    step: 'recordPayment',
    action: 'pay',
    from: [APPROVED],
    outcomes: [PAID],
    programmes: [Programme.LINSHI],
    clause: 'D§6',
  },
  // D§6: the head decides to pay first (decideEmergencyPayment), a caseworker records the payment
  // of the amount decided, never the same account (the policy's decidedById separation), and only
  // within the township limit as it stands when the money goes out, unless the district confirmed.
  {
    step: 'emergencyPay',
    action: 'pay',
    from: [SUBMITTED, ACCEPTED],
    outcomes: [EMERGENCY_PAID],
    programmes: [Programme.LINSHI],
    clause: 'D§6',
    guard: (run) => {
      const { case: c, input } = run;
      assertPaymentAmountOrThrow(input.amount);
      if (c.decidedById && c.amount !== Math.round(input.amount!)) {
        throw badInput('amount', 'case.emergency.amountDiffers', { amount: Math.round(input.amount!), decided: c.amount ?? 0 });
      }
      return [
        ...unless(c.emergency, message('case.transition.unmet.notEmergency')),
        ...unless(c.decidedById !== null, message('case.transition.unmet.emergencyNotDecided')),
        ...withinLinshiLimit(run),
        ...newGroundsConfirmed(run),
      ];
    },
    effect: async (run) => {
      run.case.emergencyPaidAt = run.now;
      // The paperwork that follows includes the verification every entry gets (D§6, D§7).
      await run.services.verification.requestFor(run.manager, run.caller, run.case);
    },
  },
  {
    step: 'completeEmergencyPaperwork',
    action: 'investigate',
    from: [EMERGENCY_PAID],
    outcomes: [PAID],
    programmes: [Programme.LINSHI],
    clause: 'D§6',
    guard: all(investigationSigned, verificationApproved, withinLinshiLimit),
  },
];

/**
 * Who decided, when, and under which authority (D§13): the delegation in force for the case's
 * township and programme — the same data the policy allowed the decision on — or the district's own.
 */
export function recordDecision(run: Pick<StepRun, 'case' | 'caller' | 'now'>): void {
  const { case: c, caller } = run;
  const delegation = caller.actor!.delegations.find((d) => d.townshipCode === c.townshipCode && d.programme === c.programme);
  c.decidedById = caller.actor!.accountId;
  c.decidedAt = run.now;
  c.decisionAuthority = delegation ? DecisionAuthority.DELEGATION : DecisionAuthority.DISTRICT;
  c.decidedUnderId = delegation?.id ?? null;
}

/** The action a step needs to reach `to`: `decide` where that outcome decides the case (D§13). */
export function actionFor(transition: Transition, to: CaseStatus): Action {
  return transition.decides?.includes(to) ? 'decide' : transition.action;
}

/** Every action that may let a caller take a step, whichever outcome it reaches. */
export function actionsOf(transition: Transition): Action[] {
  return transition.decides?.length ? [transition.action, 'decide'] : [transition.action];
}

export const TRANSITION_BY_STEP: ReadonlyMap<string, Transition> = new Map(TRANSITIONS.map((t) => [t.step, t]));

/** Steps that can follow from a case's current state and programme. */
export function nextStepsOf(c: Pick<Case, 'status' | 'programme'>): Transition[] {
  return TRANSITIONS.filter((t) => t.from.includes(c.status) && t.programmes.includes(c.programme));
}

export function invalidTransition(c: Case, step: string): DomainError {
  const allowed = nextStepsOf(c).map((t) => t.step);
  return new DomainError(
    ErrorCode.INVALID_TRANSITION,
    message('case.transition.notNow', { programme: c.programme, status: c.status, step, allowed }),
    { currentStatus: c.status, allowedSteps: allowed },
  );
}
