import { notFound, textOrThrow } from '../../errors';
import type { PayeeAccountKind } from '../payee-account/account-change.service';
import { InstitutionPayee } from './funds.entity';
import { InstitutionAccountChange } from './institution-account-change.entity';

/**
 * A care institution's account (D§10): the institution is the payee of its centralised TEKUN
 * recipients, so its account changes as an enrolled household's does, proposed by one account of
 * the township or district that keeps it and confirmed by a second (policy rows, D§14).
 */
export const INSTITUTION_ACCOUNT: PayeeAccountKind<InstitutionAccountChange, InstitutionPayee> = {
  subject: 'InstitutionAccountChange',
  change: InstitutionAccountChange,
  payee: { subject: 'InstitutionPayee', entity: InstitutionPayee, notFound: () => notFound('funds.institution.notFound') },
  payeeKey: 'institutionPayeeId',
  payeeColumn: 'institution_payee_id',
  placeOf: (institution) => ({ townshipCode: institution.townshipCode }),
  // An institution's record always names its bank (createInstitutionPayee).
  bankNameOrThrow: (raw) => textOrThrow(raw, 'bankName', 50),
};
