import type { FindOptionsWhere } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { Caller } from '../../auth/caller';
import type { DataAccess } from '../../db/data-access';
import { changed, tenantSubject } from '../../db/guarded-writes';
import type { GuardedSubject, GuardedWrites } from '../../db/guarded-writes';
import type { TenantKey } from '../../db/tenant-keys';
import { badInput, conflict, DomainError, notFound, textOrThrow } from '../../errors';
import { Connection, keysetPage, PageArgs } from '../../graphql/connection';
import type { SubjectName } from '../../../permissions/policy';
import { maskBankAccount } from '../household/id-number';
import { BankAccountChangeStatus, ProposedAccountChange } from './account-change.entity';
import { whereEqual, whereKey } from '../../db/scoped-filters';

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

/** A payee row with the account a change replaces: a household, a care institution. */
interface Payee {
  districtCode: string;
  id: string;
  bankName: string | null;
  bankAccount: string | null;
}

/** What differs between the kinds of payee whose account changes take two people. */
export interface PayeeAccountKind<C extends ProposedAccountChange, P extends Payee> {
  /** The changes: their subject (and GraphQL type) name and entity. */
  subject: SubjectName;
  change: new () => C;
  /** The payee: the subject the proposer must be able to read it as, its entity, and its answer when it cannot. */
  payee: { subject: SubjectName; entity: new () => P; notFound: () => DomainError };
  /** The change's property naming the payee (`householdId`), and its column. */
  payeeKey: keyof C & string;
  payeeColumn: string;
  /** The change's place columns, taken from the payee (a household's village, an institution's township). */
  placeOf(payee: P): Partial<C>;
  /** The bank as proposed, checked. */
  bankNameOrThrow(raw: string | null | undefined): string | null;
}

/**
 * Two people for a payee's bank account (D§10, D§14; issue 10 item 7): a change is proposed by one
 * account and reaches the payee only when a second account confirms it. The policy refuses the
 * proposer the confirmation (an inverted row on `proposedById`); the audit entries keep the bank and
 * the masked account before and after. The same for every kind of payee (`PayeeAccountKind`).
 */
export class PayeeAccountChanges<C extends ProposedAccountChange, P extends Payee> {
  private readonly guarded: GuardedSubject<C, 'districtCode' | 'id'>;

  constructor(
    private readonly data: DataAccess,
    private readonly writes: GuardedWrites,
    private readonly kind: PayeeAccountKind<C, P>,
  ) {
    this.guarded = tenantSubject(kind.subject, kind.change, () => notFound('bankAccountChange.notFound'));
  }

  async propose(
    caller: Caller,
    payeeKey: TenantKey,
    proposal: { bankName?: string | null; bankAccount: string; reason: string },
  ): Promise<C> {
    const { kind } = this;
    const bankAccount = bankAccountOrThrow(proposal.bankAccount);
    const bankName = kind.bankNameOrThrow(proposal.bankName);
    const reason = textOrThrow(proposal.reason, 'reason', 500);
    const payee = await whereKey(this.data.scoped(caller, 'read', kind.payee.subject, kind.payee.entity, 'p'), payeeKey).getOne();
    if (!payee) throw kind.payee.notFound();
    const draft: C = Object.assign(new kind.change(), kind.placeOf(payee), {
      districtCode: payee.districtCode,
      [kind.payeeKey]: payee.id,
      previousBankName: payee.bankName,
      previousBankAccount: payee.bankAccount,
      bankName,
      bankAccount,
      status: BankAccountChangeStatus.PROPOSED,
      reason,
      proposedById: caller.actor!.accountId,
    });
    return this.writes.guardedCreate(caller, kind.subject, draft, 'create', async (manager) => {
      // One proposal waits per payee (a partial unique index): a second one inserts nothing.
      const inserted = await manager
        .createQueryBuilder()
        .insert()
        .into(kind.change)
        .values(draft as QueryDeepPartialEntity<C>)
        .orIgnore()
        .returning(['id', 'proposed_at'])
        .execute();
      const [row] = inserted.raw as { id: string; proposed_at: Date }[];
      if (!row) throw conflict('bankAccountChange.alreadyProposed');
      Object.assign(draft, { id: row.id, proposedAt: row.proposed_at });
      return changed(draft, `propose${kind.subject}`, {
        [kind.payeeKey]: payee.id,
        before: bankFieldsForAudit({ bankName: draft.previousBankName, bankAccount: draft.previousBankAccount }),
        after: bankFieldsForAudit(draft),
      });
    });
  }

  /** A second account confirms (the payee is paid into the new account from now on) or rejects the change. */
  async decide(caller: Caller, key: TenantKey, decision: { confirm: true } | { confirm: false; reason: string }): Promise<C> {
    const { kind } = this;
    const rejectionReason = decision.confirm ? null : textOrThrow(decision.reason, 'reason', 500);
    return this.writes.guardedChange(caller, this.guarded, key, 'confirm', async ({ manager, row }) => {
      if (row.status !== BankAccountChangeStatus.PROPOSED) throw conflict('bankAccountChange.notProposed', { status: row.status });
      const payeeId = row[kind.payeeKey] as string;
      const before = bankFieldsForAudit({ bankName: row.previousBankName, bankAccount: row.previousBankAccount });
      const after = bankFieldsForAudit(row);
      if (decision.confirm) {
        const payeeWhere = { districtCode: row.districtCode, id: payeeId } as FindOptionsWhere<P>;
        const payee = await manager
          .getRepository(kind.payee.entity)
          .createQueryBuilder('p')
          .setLock('pessimistic_write')
          .where('p.district_code = :d AND p.id = :id', { d: row.districtCode, id: payeeId })
          .getOneOrFail();
        // Confirmed against what the proposer saw: an account changed since needs a new proposal.
        if (payee.bankAccount !== row.previousBankAccount || payee.bankName !== row.previousBankName) {
          throw conflict('bankAccountChange.stale');
        }
        await manager.update(kind.payee.entity, payeeWhere, {
          bankName: row.bankName,
          bankAccount: row.bankAccount,
        } as unknown as QueryDeepPartialEntity<P>);
      }
      row.status = decision.confirm ? BankAccountChangeStatus.CONFIRMED : BankAccountChangeStatus.REJECTED;
      row.decidedById = caller.actor!.accountId;
      row.decidedAt = new Date();
      row.rejectionReason = rejectionReason;
      await manager.save(row);
      return changed(row, `${decision.confirm ? 'confirm' : 'reject'}${kind.subject}`, { [kind.payeeKey]: payeeId, before, after });
    });
  }

  /** Newest first; by status (those waiting for a second account: PROPOSED) and payee. */
  list(caller: Caller, filter: { status?: BankAccountChangeStatus; payeeId?: string }, page: PageArgs): Promise<Connection<C>> {
    const qb = this.data.scoped(caller, 'read', this.kind.subject, this.kind.change, 'b');
    whereEqual(qb, { status: filter.status, [this.kind.payeeColumn]: filter.payeeId });
    return keysetPage(qb, page, { type: this.kind.subject, sortColumn: 'proposed_at' });
  }

  find(caller: Caller, key: TenantKey): Promise<C | null> {
    return whereKey(this.data.scoped(caller, 'read', this.kind.subject, this.kind.change, 'b'), key).getOne();
  }
}
