import { subject as asSubject } from '@casl/ability';
import { TenantKey, whereTenantKeysIn } from '../../db/tenant-keys';
import type { Settings } from '../settings/settings-definitions';
import { defineAbilityFor, refusalReason } from '../../../permissions/ability';
import { refuse } from '../../auth/authorize';
import { ROLE_TIER } from '../../../permissions/roles';
import { assertAmountOrThrow, assertDateOrThrow, badInput, conflict, notFound, textOrThrow, unmet } from '../../errors';
import { localized, message } from '../../i18n/message';
import type { Caller } from '../../auth/caller';
import { actorOf } from '../account/account.service';
import { LabourCapacity, Person } from '../household/household.entity';
import { accountIncome, careLevelOf, IncomeItem, SelfCareItems, tekunAmount } from './amounts';
import { CareLevel, Case, CaseStatus, Programme, SupportForm } from './case.entity';
import { Appraisal, Delivery, IncomeAccounting, Investigation, LegalSupporters, Objection, SpotCheck } from './case-records.entity';
import type { WorkflowService } from './workflow.service';
import {
  ADOPT_INCOME_ACCOUNTING,
  CONFIRM_NEW_GROUNDS,
  INVESTIGATION_STATES,
  RECORD_INCOME_ACCOUNTING,
  RECORD_NEW_GROUNDS,
} from './record-steps';
import { assertPaymentAmountOrThrow, newGroundsConfirmed, recordDecision } from './workflow';
import { recordOf } from './case-rows';
import type { SettingsService } from '../settings/settings.service';
import type { CaseService } from './case.service';
import type { AccountService } from '../account/account.service';
import type { DataAccess } from '../../db/data-access';
import { whereKey } from '../../db/scoped-filters';

const {
  INVESTIGATING,
  OBJECTION_RAISED,
  EMERGENCY_PAID,
  TOWNSHIP_REVIEW,
  DENIED,
  NOT_ACCEPTED,
  APPROVED,
  FILED,
  PAID,
  PUBLIC_NOTICE,
  SUBMITTED,
  ACCEPTED,
} = CaseStatus;

interface AssetItem {
  kind: string;
  description: string;
  valueYuan: number;
}

interface AccountingInput {
  items: IncomeItem[];
  assets?: AssetItem[];
  deductionsYuan: number;
}

/** An accounting's items, assets and deductions, checked and trimmed; BAD_USER_INPUT names the field. */
function checkedAccountingOrThrow(input: AccountingInput): Required<AccountingInput> {
  const assets = (input.assets ?? []).map((asset, i) => {
    assertAmountOrThrow(asset.valueYuan, `assets.${i}.valueYuan`, 1_000_000_000);
    return { kind: asset.kind.trim(), description: asset.description.trim(), valueYuan: asset.valueYuan };
  });
  if (assets.length > 100) throw badInput('assets', 'income.assets.tooMany', { max: 100 });
  for (const [i, item] of input.items.entries()) {
    if (!item.source?.trim()) throw badInput(`items.${i}.source`, 'income.item.sourceRequired', { number: i + 1 });
    assertAmountOrThrow(item.monthlyYuan, `items.${i}.monthlyYuan`, 1_000_000);
  }
  if (input.items.length > 100) throw badInput('items', 'income.items.tooMany', { max: 100 });
  assertAmountOrThrow(input.deductionsYuan, 'deductionsYuan', 1_000_000);
  const items = input.items.map((item) => ({ source: item.source.trim(), monthlyYuan: item.monthlyYuan, counted: item.counted }));
  return { items, assets, deductionsYuan: input.deductionsYuan };
}

/** D§8: the adopted accounting becomes the case's, and its amount the case's amount. TEKUN support is
 * for those without sufficient income: none when income reaches the DIBAO standard. */
function adoptInto(c: Case, accounting: IncomeAccounting, settings: Settings): void {
  c.incomeAccountingId = accounting.id;
  c.amount =
    c.programme === Programme.TEKUN
      ? accounting.belowStandard
        ? tekunAmount(settings, c.residence, c.careLevel)
        : 0
      : accounting.amountYuan;
}

/** What the investigation of a TEKUN case establishes about the person applying (D§3). */
export interface TekunFindings {
  personKey: TenantKey;
  workCapacity: LabourCapacity;
  inSchool: boolean;
  legalSupporters: LegalSupporters;
}

/**
 * A TEKUN investigation must examine the conditions of D§3 for a member of the household (`person`,
 * found in the case's household); any other programme's investigation does not carry them.
 */
function tekunFindingsOrThrow(
  c: Case,
  tekun: TekunFindings | null,
  person: Person | null,
): Pick<Investigation, 'tekunPersonId' | 'tekunWorkCapacity' | 'tekunInSchool' | 'tekunLegalSupporters'> {
  if (c.programme !== Programme.TEKUN) {
    if (tekun) throw badInput('tekun', 'investigation.tekun.notTekun');
    return { tekunPersonId: null, tekunWorkCapacity: null, tekunInSchool: null, tekunLegalSupporters: null };
  }
  if (!tekun) throw badInput('tekun', 'investigation.tekun.required');
  if (!person || tekun.personKey.districtCode !== c.districtCode) throw badInput('tekun.personId', 'investigation.tekun.notMember');
  return {
    tekunPersonId: person.id,
    tekunWorkCapacity: tekun.workCapacity,
    tekunInSchool: tekun.inSchool,
    tekunLegalSupporters: tekun.legalSupporters,
  };
}

/** The records of the steps that do not by themselves move a case (D§3, D§6, D§8). */
export class CaseStepsService {
  constructor(
    private readonly data: DataAccess,
    private readonly accounts: AccountService,
    private readonly cases: CaseService,
    private readonly settings: SettingsService,
    private readonly workflow: WorkflowService,
  ) {}

  /**
   * Household investigation (入户调查): at least two investigators, each an active account of the
   * case's township, none of them barred from investigating this case by the policy (kin, P6.3).
   */
  async recordInvestigation(
    caller: Caller,
    key: TenantKey,
    input: { visitedOn: string; findings: string; investigatorIds: string[]; tekun?: TekunFindings | null },
  ): Promise<Investigation> {
    assertDateOrThrow(input.visitedOn, 'visitedOn');
    const findings = textOrThrow(input.findings, 'findings');
    const ids = [...new Set(input.investigatorIds)];
    if (ids.length < 2) throw badInput('investigatorIds', 'investigation.tooFewInvestigators');
    const target = await this.cases.findOrThrow(caller, key);
    const accounts = await this.accounts.findByIdsScoped(caller, ids);
    for (const id of ids) {
      const account = accounts.find((a) => a.id === id);
      const ofTownship =
        account?.active && account.roles.some((r) => ROLE_TIER[r.role] === 'TOWNSHIP' && r.regionCode === target.townshipCode);
      if (!account || !ofTownship) {
        throw badInput('investigatorIds', 'investigation.investigatorNotOfTownship', {
          investigator: account?.username ?? id,
          townshipCode: target.townshipCode,
        });
      }
      const theirs = defineAbilityFor(actorOf(account, caller.actor!.delegations));
      if (theirs.cannot('investigate', target)) {
        const reason = refusalReason(theirs, 'investigate', target);
        throw refuse(caller, 'investigate', 'Case', target, {
          ...message('investigation.investigatorBarred', { investigator: account.username, reason: localized(reason) }),
          clause: reason.clause,
        });
      }
    }
    return this.workflow.record(
      caller,
      { name: 'recordInvestigation', action: 'investigate', statuses: INVESTIGATION_STATES },
      key,
      async ({ manager, case: c }) => {
        const examined =
          input.tekun &&
          (await manager.findOneBy(Person, { districtCode: c.districtCode, id: input.tekun.personKey.id, householdId: c.householdId }));
        const tekun = tekunFindingsOrThrow(c, input.tekun ?? null, examined || null);
        // Named investigators recuse from the committee vote on the case (D§4), signed or not.
        c.investigatorIds = [...new Set([...c.investigatorIds, ...ids])];
        return manager.save(
          Object.assign(new Investigation(), {
            ...recordOf(c, caller),
            visitedOn: input.visitedOn,
            findings,
            investigatorIds: ids,
            signedByIds: [],
            ...tekun,
          }),
        );
      },
    );
  }

  /** Each named investigator signs the investigation themselves. */
  async signInvestigation(caller: Caller, investigationKey: TenantKey): Promise<Investigation> {
    const qb = whereKey(this.data.scoped(caller, 'read', 'CaseRecord', Investigation, 'i'), investigationKey);
    const investigation = await qb.getOne();
    if (!investigation) throw notFound('investigation.notFound');
    if (!investigation.investigatorIds.includes(caller.actor!.accountId)) {
      throw refuse(caller, 'investigate', 'CaseRecord', investigation, message('investigation.signerNotNamed'));
    }
    const key = { districtCode: investigation.districtCode, id: investigation.caseId };
    return this.workflow.record(
      caller,
      { name: 'signInvestigation', action: 'investigate', statuses: INVESTIGATION_STATES },
      key,
      async ({ manager }) => {
        const locked = await manager.findOneByOrFail(Investigation, { districtCode: investigation.districtCode, id: investigation.id });
        if (locked.signedByIds.includes(caller.actor!.accountId)) throw conflict('investigation.alreadySigned');
        locked.signedByIds = [...locked.signedByIds, caller.actor!.accountId];
        return manager.save(locked);
      },
    );
  }

  /**
   * Income accounting (收入核算), D§8. The township's is the authoritative one: recorded by an account
   * that may adopt accountings of the case, it is adopted at once and sets the amount; the village's
   * is a draft, which changes nothing until the township adopts it (`adoptIncomeAccounting`).
   */
  async recordIncomeAccounting(caller: Caller, key: TenantKey, input: AccountingInput): Promise<IncomeAccounting> {
    const checked = checkedAccountingOrThrow(input);
    const { settings } = await this.settings.calendarOf(key.districtCode);
    return this.workflow.record(caller, RECORD_INCOME_ACCOUNTING, key, async ({ manager, case: c, now }) => {
      const adopting = caller.ability.can('adopt', asSubject('Case', c));
      const householdSize = await manager.countBy(Person, { districtCode: c.districtCode, householdId: c.householdId });
      const accounting = await manager.save(this.accounting(householdSize, caller, c, settings, checked, adopting ? now : null, null));
      if (adopting) adoptInto(c, accounting, settings);
      return accounting;
    });
  }

  /**
   * The township adopts a village draft (D§8): as it stands, or with the changes given, which makes
   * the township's own accounting based on the draft. Either way the adopted one sets the amount.
   */
  async adoptIncomeAccounting(
    caller: Caller,
    draftKey: TenantKey,
    changes: Partial<AccountingInput> | null,
  ): Promise<{ accounting: IncomeAccounting; caseKey: TenantKey }> {
    const draft = await whereKey(this.data.scoped(caller, 'read', 'CaseRecord', IncomeAccounting, 'a'), draftKey).getOne();
    if (!draft) throw notFound('income.accounting.notFound');
    const caseKey = { districtCode: draft.districtCode, id: draft.caseId };
    const revised = changes && { items: draft.items, assets: draft.assets, deductionsYuan: draft.deductionsYuan, ...changes };
    const checked = revised && checkedAccountingOrThrow(revised);
    const { settings } = await this.settings.calendarOf(draft.districtCode);
    const accounting = await this.workflow.record(caller, ADOPT_INCOME_ACCOUNTING, caseKey, async ({ manager, case: c, now }) => {
      const locked = await manager.findOneByOrFail(IncomeAccounting, { districtCode: draft.districtCode, id: draft.id });
      // Adopted as it stands, or with changes into an accounting based on it: either way once.
      const adoptedBefore =
        locked.adoptedAt || (await manager.existsBy(IncomeAccounting, { districtCode: locked.districtCode, draftId: locked.id }));
      if (adoptedBefore) throw conflict('income.accounting.alreadyAdopted');
      let adopted: IncomeAccounting;
      if (checked) {
        const householdSize = await manager.countBy(Person, { districtCode: c.districtCode, householdId: c.householdId });
        adopted = await manager.save(this.accounting(householdSize, caller, c, settings, checked, now, locked.id));
      } else {
        locked.adoptedById = caller.actor!.accountId;
        locked.adoptedAt = now;
        adopted = await manager.save(locked);
      }
      adoptInto(c, adopted, settings);
      return adopted;
    });
    return { accounting, caseKey };
  }

  /** An accounting of the case's household of `householdSize`, adopted at `adoptedAt` (null: a draft). */
  private accounting(
    householdSize: number,
    caller: Caller,
    c: Case,
    settings: Settings,
    input: AccountingInput,
    adoptedAt: Date | null,
    draftId: string | null,
  ): IncomeAccounting {
    const result = accountIncome(settings, c.residence, householdSize, input.items, input.deductionsYuan);
    return Object.assign(new IncomeAccounting(), {
      ...recordOf(c, caller),
      items: input.items,
      assets: input.assets ?? [],
      deductionsYuan: input.deductionsYuan,
      householdSize,
      ...result,
      adoptedById: adoptedAt ? caller.actor!.accountId : null,
      adoptedAt,
      draftId,
    });
  }

  /** TEKUN six-item self-care assessment → care level, and the support form (D§3). */
  async recordCareAssessment(caller: Caller, key: TenantKey, items: SelfCareItems, supportForm: SupportForm): Promise<CareLevel> {
    const { settings } = await this.settings.calendarOf(key.districtCode);
    return this.workflow.record(
      caller,
      { name: 'recordCareAssessment', action: 'assess', statuses: INVESTIGATION_STATES, programmes: [Programme.TEKUN] },
      key,
      async ({ manager, case: c }) => {
        c.careLevel = careLevelOf(items);
        c.supportForm = supportForm;
        const accounting =
          c.incomeAccountingId && (await manager.findOneBy(IncomeAccounting, { districtCode: c.districtCode, id: c.incomeAccountingId }));
        c.amount = accounting && !accounting.belowStandard ? 0 : tekunAmount(settings, c.residence, c.careLevel);
        return c.careLevel;
      },
    );
  }

  /** The township records a doubt, which allows a democratic appraisal without an objection (D§3). */
  async raiseDoubt(caller: Caller, key: TenantKey): Promise<void> {
    await this.workflow.record(
      caller,
      { name: 'raiseDoubt', action: 'investigate', statuses: [INVESTIGATING, TOWNSHIP_REVIEW] },
      key,
      ({ case: c }) => {
        c.doubtRaised = true;
        return Promise.resolve();
      },
    );
  }

  /** Democratic appraisal (民主评议): only when an objection or a doubt exists (D§3). */
  async recordAppraisal(
    caller: Caller,
    key: TenantKey,
    input: { heldOn: string; participants: number; supported: boolean; minutes: string },
  ): Promise<Appraisal> {
    assertDateOrThrow(input.heldOn, 'heldOn');
    if (!Number.isInteger(input.participants) || input.participants < 1) throw badInput('participants', 'appraisal.participants.invalid');
    const minutes = textOrThrow(input.minutes, 'minutes', 10000);
    return this.workflow.record(
      caller,
      { name: 'recordAppraisal', action: 'appraise', statuses: [OBJECTION_RAISED, INVESTIGATING, TOWNSHIP_REVIEW] },
      key,
      async ({ manager, case: c }) => {
        if (c.status !== OBJECTION_RAISED && !c.doubtRaised) {
          throw unmet(message('appraisal.notAllowed'));
        }
        return manager.save(
          Object.assign(new Appraisal(), {
            ...recordOf(c, caller),
            heldOn: input.heldOn,
            participants: input.participants,
            outcome: input.supported ? 'SUPPORTED' : 'NOT_SUPPORTED',
            minutes,
          }),
        );
      },
    );
  }

  /** The village records the delivery of the written decision (P4.1); a refusal's deadline closes. */
  async recordDelivery(caller: Caller, key: TenantKey, input: { deliveredOn: string; recipient: string }): Promise<Delivery> {
    assertDateOrThrow(input.deliveredOn, 'deliveredOn');
    const recipient = textOrThrow(input.recipient, 'recipient', 100);
    return this.workflow.record(
      caller,
      { name: 'recordDelivery', action: 'deliver', statuses: [DENIED, NOT_ACCEPTED, APPROVED, FILED, PAID] },
      key,
      async ({ manager, case: c, now }) => {
        c.deliveredAt = now;
        if (c.status === DENIED || c.status === NOT_ACCEPTED) c.dueAt = null;
        return manager.save(
          Object.assign(new Delivery(), {
            ...recordOf(c, caller),
            deliveredOn: input.deliveredOn,
            recipient,
            decision: c.status,
          }),
        );
      },
    );
  }

  /**
   * The township head's decision to pay an emergency LINSHI first, with its amount (D§6): a decision
   * like any other (the authority it is made under is recorded, kin and the undelegated are refused
   * by the policy), which a caseworker then pays out with `emergencyPay`, never the one who decided.
   */
  async decideEmergencyPayment(caller: Caller, key: TenantKey, amount: number): Promise<void> {
    assertPaymentAmountOrThrow(amount);
    await this.workflow.record(
      caller,
      { name: 'decideEmergencyPayment', action: 'decide', statuses: [SUBMITTED, ACCEPTED], programmes: [Programme.LINSHI] },
      key,
      ({ case: c, now }) => {
        if (!c.emergency) throw unmet(message('case.transition.unmet.notEmergency'));
        if (c.decidedById) throw conflict('case.emergency.alreadyDecided');
        const missing = newGroundsConfirmed({ case: c });
        if (missing.length) throw unmet(...missing);
        c.amount = Math.round(amount);
        recordDecision({ case: c, caller, now });
        return Promise.resolve();
      },
    );
  }

  /**
   * A LINSHI repeat of the same cause category within the window (D§6): the township records the new
   * grounds (the village may claim them on the application, but not establish them). Recording them
   * again replaces them and takes back any confirmation, which was of the earlier text.
   */
  async recordNewGrounds(caller: Caller, key: TenantKey, grounds: string): Promise<void> {
    const text = textOrThrow(grounds, 'grounds', 2000);
    await this.workflow.record(caller, RECORD_NEW_GROUNDS, key, ({ case: c }) => {
      if (!c.repeatOfId) throw unmet(message('case.newGrounds.notRepeat'));
      c.newGrounds = text;
      c.newGroundsRecordedById = caller.actor!.accountId;
      c.newGroundsConfirmedById = null;
      c.newGroundsConfirmedAt = null;
      return Promise.resolve();
    });
  }

  /** A second township account confirms the new grounds (D§6); the one who recorded them cannot. */
  async confirmNewGrounds(caller: Caller, key: TenantKey): Promise<void> {
    await this.workflow.record(caller, CONFIRM_NEW_GROUNDS, key, ({ case: c, now }) => {
      if (!c.repeatOfId) throw unmet(message('case.newGrounds.notRepeat'));
      if (!c.newGrounds) throw unmet(message('case.newGrounds.notRecorded'));
      if (c.newGroundsConfirmedAt) throw conflict('case.newGrounds.alreadyConfirmed');
      if (c.newGroundsRecordedById === caller.actor!.accountId) {
        throw refuse(caller, 'investigate', 'Case', c, message('case.newGrounds.confirmerIsRecorder'));
      }
      c.newGroundsConfirmedById = caller.actor!.accountId;
      c.newGroundsConfirmedAt = now;
      return Promise.resolve();
    });
  }

  /** The district confirms a LINSHI amount above the township limit (D§6), before an emergency
   * payment or after a notice. */
  async confirmAmount(caller: Caller, key: TenantKey): Promise<void> {
    await this.workflow.record(
      caller,
      {
        name: 'confirmAmount',
        action: 'confirm',
        statuses: [SUBMITTED, ACCEPTED, PUBLIC_NOTICE, EMERGENCY_PAID],
        programmes: [Programme.LINSHI],
      },
      key,
      ({ case: c }) => {
        c.districtConfirmed = true;
        return Promise.resolve();
      },
    );
  }

  /** Step records of several cases for nested fields, each in one scoped query. */
  recordsOf<T extends Investigation | IncomeAccounting | Appraisal | Delivery | Objection | SpotCheck>(
    caller: Caller,
    entity: new () => T,
    keys: readonly TenantKey[],
  ): Promise<T[]> {
    const qb = whereTenantKeysIn(this.data.scoped(caller, 'read', 'CaseRecord', entity, 'r'), 'case_id', keys);
    return qb.orderBy('r.recorded_at').getMany();
  }
}
