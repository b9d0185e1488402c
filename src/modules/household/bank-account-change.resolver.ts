import { payeeAccountResolver } from '../payee-account/account-change.resolver';
import { BankAccountChange } from './bank-account-change.entity';

/** bankAccountChanges, proposeBankAccountChange, confirmBankAccountChange, rejectBankAccountChange (D§10). */
export const BankAccountChangeResolver = payeeAccountResolver({
  type: BankAccountChange,
  name: 'BankAccountChange',
  payee: { type: 'Household', field: 'householdId', description: 'The household (家庭)', filter: 'Only this household (家庭)' },
  service: (ctx) => ctx.services.bankAccountChanges,
  texts: {
    items: 'bank account changes',
    zh: '银行账户变更',
    list: 'Changes of payee bank accounts the caller may see, newest first (银行账户变更).',
    proposeInput: 'A new payment account for a household (银行账户变更申请), D§10',
    propose: 'Propose a new payment account for a household; it takes effect once a second account confirms it (提出银行账户变更), D§10.',
    confirm: 'Confirm a change another account proposed; the household is paid into the new account from now on (确认银行账户变更), D§10.',
    reject: 'Reject a change another account proposed; the household keeps its account (驳回银行账户变更), D§10.',
  },
});
