import { EntityManager } from 'typeorm';
import type { Action } from '../../../permissions/policy';
import { assertCan } from '../../auth/authorize';
import { conflict, unmet } from '../../errors';
import type { Caller } from '../../auth/caller';
import type { TenantKey } from '../../db/tenant-keys';
import { Case, CaseEvent, CaseStatus, Programme } from './case.entity';
import { DECIDED, dueAtFor } from './deadlines';
import { invalidTransition, StepCollaborators, StepInput, StepRun, TRANSITION_BY_STEP } from './workflow';
import { PendingStep, pendingStepsOf } from './pending-steps';
import type { Account } from '../account/account.entity';
import type { DataAccess } from '../../db/data-access';
import type { SettingsService } from '../settings/settings.service';
import type { CaseService } from './case.service';
import type { AuditService } from '../audit/audit.service';

export interface RecordStep {
  name: string;
  action: Action;
  statuses: readonly CaseStatus[];
  programmes?: readonly Programme[];
}

/**
 * Runs the workflow table: a case the caller cannot see is NOT_FOUND; otherwise, in one
 * transaction with the case row locked, the transition is checked against the policy, the expected
 * version, the state table and the step's guard, and the new state, the case event and the audit
 * entry are written together. A refusal at any point leaves nothing but the audit entry of the refusal.
 */
export class WorkflowService {
  constructor(
    private readonly data: DataAccess,
    private readonly audit: AuditService,
    private readonly cases: CaseService,
    private readonly settings: SettingsService,
    /** What the steps of the transition table call on (kin checks, verification, the committee, enrolment). */
    private readonly collaborators: StepCollaborators,
  ) {}

  async transition(caller: Caller, step: string, key: TenantKey, expectedVersion: number, input: StepInput): Promise<Case> {
    const transition = TRANSITION_BY_STEP.get(step);
    if (!transition) throw new Error(`No transition ${step} in the workflow table`);
    await this.cases.findOrThrow(caller, key);
    const calendar = await this.settings.calendarOf(key.districtCode);
    return this.data.system('write a change the caller was allowed').transaction(async (manager) => {
      const found = await this.lockOrThrow(manager, key, expectedVersion);
      // Checked on the locked row: a kin declaration committed a moment ago counts.
      assertCan(caller, transition.action, 'Case', found);
      if (!transition.from.includes(found.status) || !transition.programmes.includes(found.programme)) throw invalidTransition(found, step);
      const now = new Date();
      const run: StepRun = { caller, services: this.collaborators, manager, case: found, input, calendar, now };
      const missing = (await transition.guard?.(run)) ?? [];
      if (missing.length) throw unmet(...missing);
      const to = transition.to ? await transition.to(run) : transition.outcomes[0];
      if (!transition.outcomes.includes(to)) throw new Error(`Workflow table: ${step} reached ${to}, not one of its outcomes`);
      await transition.effect?.(run, to);
      const from = found.status;
      found.status = to;
      found.statusSince = now;
      found.dueAt = dueAtFor(to, found, calendar, now);
      if (DECIDED.includes(to)) found.decisionDueAt = null;
      const saved = await manager.save(found);
      await this.writeEvent(manager, caller, saved, from, step, input.note ?? input.reasons ?? null);
      return saved;
    });
  }

  /** What can happen next on a case, for everyone (`Case.pendingSteps`). */
  async pendingSteps(caller: Caller, c: Case, visibleAccounts: Account[]): Promise<PendingStep[]> {
    const calendar = await this.settings.calendarOf(c.districtCode);
    const manager = this.data.system('count a case\'s meetings for its next steps').manager;
    return pendingStepsOf({ caller, services: this.collaborators, manager, calendar }, c, visibleAccounts);
  }

  /**
   * A step that records something (an investigation, a signature, an accounting …) without moving
   * the case: same policy check, same lock and history, the state must be one of `statuses`.
   */
  async record<T>(caller: Caller, step: RecordStep, key: TenantKey, work: (run: { manager: EntityManager; case: Case; now: Date }) => Promise<T>): Promise<T> {
    await this.cases.findOrThrow(caller, key);
    return this.data.system('write a change the caller was allowed').transaction(async (manager) => {
      const found = await this.lockOrThrow(manager, key, null);
      assertCan(caller, step.action, 'Case', found);
      if (!step.statuses.includes(found.status) || (step.programmes && !step.programmes.includes(found.programme))) {
        throw invalidTransition(found, step.name);
      }
      const result = await work({ manager, case: found, now: new Date() });
      const saved = await manager.save(found);
      await this.writeEvent(manager, caller, saved, saved.status, step.name, null);
      return result;
    });
  }

  /** Locks the case row for the rest of the transaction; a stale version is a CONFLICT. */
  private async lockOrThrow(manager: EntityManager, key: TenantKey, expectedVersion: number | null): Promise<Case> {
    const found = await manager.getRepository(Case).createQueryBuilder('c').setLock('pessimistic_write')
      .where('c.district_code = :d AND c.id = :id', { d: key.districtCode, id: key.id }).getOneOrFail();
    if (expectedVersion !== null && found.version !== expectedVersion) {
      throw conflict('case.version.stale', { current: found.version, expected: expectedVersion })
        .with({ currentVersion: found.version, currentStatus: found.status });
    }
    return found;
  }

  private async writeEvent(manager: EntityManager, caller: Caller, c: Case, from: CaseStatus, action: string, note: string | null) {
    await manager.insert(CaseEvent, {
      districtCode: c.districtCode, caseId: c.id, townshipCode: c.townshipCode, villageCode: c.villageCode,
      fromStatus: from, toStatus: c.status, action, actorId: caller.actor!.accountId, actorUsername: caller.actor!.username, note,
    });
    await this.audit.recordChange(manager, caller, {
      action, subjectType: 'Case', subjectId: c.id, districtCode: c.districtCode, townshipCode: c.townshipCode, villageCode: c.villageCode,
      details: { from, to: c.status, version: c.version },
    });
  }
}
