import { EntityManager } from 'typeorm';
import { conflict, unmet } from '../../errors';
import type { Caller } from '../../auth/caller';
import type { TenantKey } from '../../db/tenant-keys';
import { Case, CaseStatus } from './case.entity';
import { insertCaseEvent } from './case-rows';
import { DECIDED, dueAtFor } from './deadlines';
import { subject } from '@casl/ability';
import { assertCan } from '../../auth/authorize';
import { actionFor, actionsOf, invalidTransition, StepCollaborators, StepInput, StepRun, TRANSITION_BY_STEP } from './workflow';
import { PendingStep, pendingStepsOf } from './pending-steps';
import { ADOPT_INCOME_ACCOUNTING, RecordStep, takenIn } from './record-steps';
import { IncomeAccounting } from './case-records.entity';
import { Meeting } from '../committee/committee.entity';
import type { Account } from '../account/account.entity';
import type { DataAccess } from '../../db/data-access';
import type { SettingsService } from '../settings/settings.service';
import { CASE } from './case.service';
import { changed } from '../../db/guarded-writes';
import type { GuardedWrites } from '../../db/guarded-writes';

/**
 * Runs the workflow table through `guardedChange`: a case the caller cannot see is NOT_FOUND, a step
 * the policy refuses FORBIDDEN; otherwise, in one transaction with the case row locked, the step is
 * checked again against the policy, then against the expected version, the state table and the
 * step's guard, and the new state, the case event and the audit entry are written together. A
 * refusal at any point leaves nothing but the audit entry of the refusal.
 */
export class WorkflowService {
  constructor(
    private readonly data: DataAccess,
    private readonly writes: GuardedWrites,
    private readonly settings: SettingsService,
    /** What the steps of the transition table call on (kin checks, verification, the committee, enrolment). */
    private readonly collaborators: StepCollaborators,
  ) {}

  async transition(caller: Caller, step: string, key: TenantKey, expectedVersion: number, input: StepInput): Promise<Case> {
    const transition = TRANSITION_BY_STEP.get(step);
    if (!transition) throw new Error(`No transition ${step} in the workflow table`);
    const calendar = await this.settings.calendarOf(key.districtCode);
    const actions = actionsOf(transition);
    // A step that may end in a decision is open to whoever may take it or decide it; the action of the
    // outcome it reaches is checked once the outcome is known, before anything is written (D§13).
    const upfront = actions.length > 1 ? 'read' : transition.action;
    return this.writes.guardedChange(caller, CASE, key, upfront, async ({ manager, row: found }) => {
      if (!actions.some((action) => caller.ability.can(action, subject('Case', found)))) {
        // Refused for the action the caller holds a grant of, so the refusal names the rule that applies (P1, D§13).
        assertCan(caller, actions.find((action) => caller.ability.can(action, 'Case')) ?? transition.action, 'Case', found);
      }
      assertVersion(found, expectedVersion);
      if (!transition.from.includes(found.status) || !transition.programmes.includes(found.programme)) throw invalidTransition(found, step);
      const now = new Date();
      const run: StepRun = { caller, services: this.collaborators, manager, case: found, input, calendar, now };
      const missing = (await transition.guard?.(run)) ?? [];
      if (missing.length) throw unmet(...missing);
      const to = transition.to ? await transition.to(run) : transition.outcomes[0];
      if (!transition.outcomes.includes(to)) throw new Error(`Workflow table: ${step} reached ${to}, not one of its outcomes`);
      assertCan(caller, actionFor(transition, to), 'Case', found);
      await transition.effect?.(run, to);
      const from = found.status;
      found.status = to;
      found.statusSince = now;
      found.dueAt = dueAtFor(to, found, calendar, now);
      if (DECIDED.includes(to)) found.decisionDueAt = null;
      const saved = await manager.save(found);
      return this.withEvent(manager, caller, saved, from, step, input.note ?? input.reasons ?? null, saved);
    });
  }

  /** What can happen next on a case, for everyone (`Case.pendingSteps`). */
  async pendingSteps(caller: Caller, c: Case, visibleAccounts: Account[]): Promise<PendingStep[]> {
    const calendar = await this.settings.calendarOf(c.districtCode);
    const reason = "count a case's meetings and drafts for its next steps";
    const manager = this.data.system(reason).manager;
    // That a meeting exists is what "waiting for whom?" answers, not what it decided: counted across scope.
    const meetings = await this.data
      .system(reason)
      .getRepository(Meeting)
      .createQueryBuilder('m')
      .where('m.district_code = :d AND :id = ANY(m.agenda_case_ids) AND m.created_at >= :since', {
        d: c.districtCode,
        id: c.id,
        since: c.statusSince,
      })
      .getCount();
    // A village draft neither adopted nor adopted with changes is one the township may adopt (D§8);
    // looked for only where adopting is a step at all.
    const adoptedFrom = this.data
      .system(reason)
      .getRepository(IncomeAccounting)
      .createQueryBuilder('b')
      .select('1')
      .where('b.district_code = a.district_code AND b.draft_id = a.id');
    const adoptableDrafts = takenIn(ADOPT_INCOME_ACCOUNTING, c)
      ? await this.data
          .system(reason)
          .getRepository(IncomeAccounting)
          .createQueryBuilder('a')
          .where('a.district_code = :d AND a.case_id = :id AND a.adopted_at IS NULL', { d: c.districtCode, id: c.id })
          .andWhere(`NOT EXISTS (${adoptedFrom.getQuery()})`)
          .getCount()
      : 0;
    return pendingStepsOf({ caller, services: this.collaborators, manager, calendar }, c, visibleAccounts, { meetings, adoptableDrafts });
  }

  /**
   * A step that records something (an investigation, a signature, an accounting …) without moving
   * the case: same policy check, same lock and history, the state must be one of `statuses`.
   */
  async record<T>(
    caller: Caller,
    step: RecordStep,
    key: TenantKey,
    work: (run: { manager: EntityManager; case: Case; now: Date }) => Promise<T>,
  ): Promise<T> {
    return this.writes.guardedChange(caller, CASE, key, step.action, async ({ manager, row: found }) => {
      if (!takenIn(step, found)) throw invalidTransition(found, step.name);
      const result = await work({ manager, case: found, now: new Date() });
      const saved = await manager.save(found);
      return this.withEvent(manager, caller, saved, saved.status, step.name, null, result);
    });
  }

  /** Writes the case event of a step, and gives the step's change for the audit log. */
  private async withEvent<R>(
    manager: EntityManager,
    caller: Caller,
    c: Case,
    from: CaseStatus,
    action: string,
    note: string | null,
    result: R,
  ) {
    await insertCaseEvent(manager, caller, c, { from, action, note });
    return changed(result, action, { from, to: c.status, version: c.version });
  }
}

/** The version the client last saw must be the locked row's; otherwise it acts on a stale case. */
function assertVersion(found: Case, expectedVersion: number): void {
  if (found.version !== expectedVersion) {
    throw conflict('case.version.stale', { current: found.version, expected: expectedVersion }).with({
      currentVersion: found.version,
      currentStatus: found.status,
    });
  }
}
