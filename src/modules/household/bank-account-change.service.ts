import type { Caller } from '../../auth/caller';
import type { DataAccess } from '../../db/data-access';
import { changed, tenantSubject } from '../../db/guarded-writes';
import type { GuardedWrites } from '../../db/guarded-writes';
import type { TenantKey } from '../../db/tenant-keys';
import { badInput, conflict, notFound, textOrThrow } from '../../errors';
import { Connection, keysetPage, PageArgs } from '../../graphql/connection';
import { BankAccountChange, BankAccountChangeStatus } from './bank-account-change.entity';
import { Household } from './household.entity';
import { maskBankAccount } from './id-number';

const CHANGE = tenantSubject('BankAccountChange', BankAccountChange, () => notFound('bankAccountChange.notFound'));

/** An account number as banks print it: digits only once spaces are taken out. */
export function bankAccountOrThrow(raw: string, field = 'bankAccount'): string {
  const account = raw.replace(/\s+/g, '');
  if (!/^\d{8,32}$/.test(account)) throw badInput(field, 'household.bankAccount.invalid');
  return account;
}

/** The bank fields as the audit log keeps them: the bank, and the account masked as anyone may see it (D§12). */
export function bankFieldsForAudit(fields: { bankName: string | null; bankAccount: string | null }) {
  return { bankName: fields.bankName, bankAccount: fields.bankAccount === null ? null : maskBankAccount(fields.bankAccount) };
}

/**
 * Two people for a payee's bank account (D§10, D§14; issue 10 item 7): a change is proposed by one
 * account and reaches the household only when a second account confirms it. The policy refuses the
 * proposer the confirmation; the audit entries keep the bank and the masked account before and after.
 */
export class BankAccountChangeService {
  constructor(
    private readonly data: DataAccess,
    private readonly writes: GuardedWrites,
  ) {}

  async propose(
    caller: Caller,
    householdKey: TenantKey,
    proposal: { bankName: string | null; bankAccount: string; reason: string },
  ): Promise<BankAccountChange> {
    const bankAccount = bankAccountOrThrow(proposal.bankAccount);
    const bankName = proposal.bankName?.trim() || null;
    const reason = textOrThrow(proposal.reason, 'reason', 500);
    const household = await this.data
      .scoped(caller, 'read', 'Household', Household, 'h')
      .andWhere('h.district_code = :d AND h.id = :id', { d: householdKey.districtCode, id: householdKey.id })
      .getOne();
    if (!household) throw notFound('household.notFound');
    const draft = Object.assign(new BankAccountChange(), {
      districtCode: household.districtCode,
      townshipCode: household.townshipCode,
      villageCode: household.villageCode,
      householdId: household.id,
      previousBankName: household.bankName,
      previousBankAccount: household.bankAccount,
      bankName,
      bankAccount,
      status: BankAccountChangeStatus.PROPOSED,
      reason,
      proposedById: caller.actor!.accountId,
    });
    return this.writes.guardedCreate(caller, 'BankAccountChange', draft, 'create', async (manager) => {
      // One proposal waits per household (a partial unique index): a second one inserts nothing.
      const inserted = await manager
        .createQueryBuilder()
        .insert()
        .into(BankAccountChange)
        .values(draft)
        .orIgnore()
        .returning(['id', 'proposed_at'])
        .execute();
      const [row] = inserted.raw as { id: string; proposed_at: Date }[];
      if (!row) throw conflict('bankAccountChange.alreadyProposed');
      Object.assign(draft, { id: row.id, proposedAt: row.proposed_at });
      return changed(draft, 'proposeBankAccountChange', {
        householdId: household.id,
        before: bankFieldsForAudit({ bankName: draft.previousBankName, bankAccount: draft.previousBankAccount }),
        after: bankFieldsForAudit(draft),
      });
    });
  }

  /** A second account confirms (the household is paid into the new account from now on) or rejects the change. */
  async decide(
    caller: Caller,
    key: TenantKey,
    decision: { confirm: true } | { confirm: false; reason: string },
  ): Promise<BankAccountChange> {
    const rejectionReason = decision.confirm ? null : textOrThrow(decision.reason, 'reason', 500);
    return this.writes.guardedChange(caller, CHANGE, key, 'confirm', async ({ manager, row }) => {
      if (row.status !== BankAccountChangeStatus.PROPOSED) throw conflict('bankAccountChange.notProposed', { status: row.status });
      const before = bankFieldsForAudit({ bankName: row.previousBankName, bankAccount: row.previousBankAccount });
      const after = bankFieldsForAudit(row);
      if (decision.confirm) {
        const household = await manager
          .getRepository(Household)
          .createQueryBuilder('h')
          .setLock('pessimistic_write')
          .where('h.district_code = :d AND h.id = :id', { d: row.districtCode, id: row.householdId })
          .getOneOrFail();
        // Confirmed against what the proposer saw: an account changed since needs a new proposal.
        if (household.bankAccount !== row.previousBankAccount || household.bankName !== row.previousBankName) {
          throw conflict('bankAccountChange.stale');
        }
        await manager.update(
          Household,
          { districtCode: row.districtCode, id: row.householdId },
          { bankName: row.bankName, bankAccount: row.bankAccount },
        );
      }
      row.status = decision.confirm ? BankAccountChangeStatus.CONFIRMED : BankAccountChangeStatus.REJECTED;
      row.decidedById = caller.actor!.accountId;
      row.decidedAt = new Date();
      row.rejectionReason = rejectionReason;
      await manager.save(row);
      return changed(row, decision.confirm ? 'confirmBankAccountChange' : 'rejectBankAccountChange', {
        householdId: row.householdId,
        before,
        after,
      });
    });
  }

  /** Newest first; by status (those waiting for a second account: PROPOSED) and household. */
  list(
    caller: Caller,
    filter: { status?: BankAccountChangeStatus; householdId?: string },
    page: PageArgs,
  ): Promise<Connection<BankAccountChange>> {
    const qb = this.data.scoped(caller, 'read', 'BankAccountChange', BankAccountChange, 'b');
    if (filter.status) qb.andWhere('b.status = :status', { status: filter.status });
    if (filter.householdId) qb.andWhere('b.household_id = :householdId', { householdId: filter.householdId });
    return keysetPage(qb, page, { type: 'BankAccountChange', sortColumn: 'proposed_at' });
  }

  find(caller: Caller, key: TenantKey): Promise<BankAccountChange | null> {
    return this.data
      .scoped(caller, 'read', 'BankAccountChange', BankAccountChange, 'b')
      .andWhere('b.district_code = :d AND b.id = :id', { d: key.districtCode, id: key.id })
      .getOne();
  }
}
