import type { PayeeAccountKind } from '../payee-account/account-change.service';
import { notFound } from '../../errors';
import { BankAccountChange } from './bank-account-change.entity';
import { Household } from './household.entity';

/** An enrolled household's account (D§10): proposed by the village or township, confirmed by the township. */
export const HOUSEHOLD_ACCOUNT: PayeeAccountKind<BankAccountChange, Household> = {
  subject: 'BankAccountChange',
  change: BankAccountChange,
  payee: { subject: 'Household', entity: Household, notFound: () => notFound('household.notFound') },
  payeeKey: 'householdId',
  payeeColumn: 'household_id',
  placeOf: (household) => ({ townshipCode: household.townshipCode, villageCode: household.villageCode }),
  bankNameOrThrow: (raw) => raw?.trim() || null,
};
