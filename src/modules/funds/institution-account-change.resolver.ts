import { payeeAccountResolver } from '../payee-account/account-change.resolver';
import { InstitutionAccountChange } from './institution-account-change.entity';

/** institutionAccountChanges, proposeInstitutionAccountChange, confirm…, reject… (D§10). */
export const InstitutionAccountChangeResolver = payeeAccountResolver({
  type: InstitutionAccountChange,
  name: 'InstitutionAccountChange',
  payee: {
    type: 'InstitutionPayee',
    field: 'institutionPayeeId',
    description: 'The institution (供养机构)',
    filter: 'Only this institution (供养机构)',
  },
  service: (ctx) => ctx.services.institutionAccountChanges,
  texts: {
    items: 'care institution account changes',
    zh: '供养机构账户变更',
    list: "Changes of care institutions' accounts the caller may see, newest first (供养机构账户变更).",
    proposeInput: "A care institution's new account (供养机构收款账户变更申请), D§10",
    propose:
      "Propose a care institution's new account; it takes effect once a second account confirms it, and rosters built until then pay the old one (提出供养机构账户变更), D§10.",
    confirm: 'Confirm a change another account proposed; rosters built from now on pay the new account (确认供养机构账户变更), D§10.',
    reject: 'Reject a change another account proposed; the institution keeps its account (驳回供养机构账户变更), D§10.',
  },
});
