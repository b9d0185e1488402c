import type { TestApp } from './harness';
import { accountIdOf, as } from './workflow';

/** The CST month `add` months from now, YYYY-MM: an approval of today enrols from `nextMonth()` (D§3). */
export function monthFromNow(add: number, at = new Date()): string {
  const cst = new Date(at.getTime() + 8 * 3_600_000);
  const index = cst.getUTCFullYear() * 12 + cst.getUTCMonth() + add;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/**
 * Hexi's month through the funds cycle (D§10) up to the bank batch: roster built and submitted, the
 * district's request approved by finance, the regular batch sent to `dept.bank`. Returns the batch id.
 */
export async function payHexiMonth(t: TestApp, month: string): Promise<string> {
  const { buildRoster } = await as(t, 'hexi.caseworker', 'mutation($i: BuildRosterInput!) { buildRoster(input: $i) { roster { id } } }', {
    i: { townshipCode: '510199101000', month },
  });
  await as(t, 'hexi.head', 'mutation($i: SubmitRosterInput!) { submitRoster(input: $i) { roster { id } } }', {
    i: { rosterId: buildRoster.roster.id },
  });
  await fundMonth(t, month);
  const { exportPaymentBatch } = await as(
    t,
    'finance',
    'mutation($i: ExportPaymentBatchInput!) { exportPaymentBatch(input: $i) { paymentBatch { id } } }',
    { i: { townshipCode: '510199101000', month, bankIntegrationId: await accountIdOf(t, 'dept.bank'), kind: 'REGULAR' } },
  );
  return exportPaymentBatch.paymentBatch.id;
}

/** The district's fund request for `month` over the rosters submitted, approved by finance in full (D§10). */
export async function fundMonth(t: TestApp, month: string): Promise<void> {
  const { submitFundRequest } = await as(
    t,
    'district.officer',
    'mutation($i: SubmitFundRequestInput!) { submitFundRequest(input: $i) { fundRequest { id requestedTotal } } }',
    { i: { month } },
  );
  const { id, requestedTotal } = submitFundRequest.fundRequest;
  await as(t, 'finance', 'mutation($i: ApproveFundRequestInput!) { approveFundRequest(input: $i) { fundRequest { id } } }', {
    i: { fundRequestId: id, allocatedAmount: requestedTotal },
  });
}

/** The payment references of a bank batch file: the fifth column of each line below the header, after the byte-order mark. */
export const referencesOf = (file: string) =>
  file
    .slice(1)
    .split('\r\n')
    .filter(Boolean)
    .slice(1)
    .map((line) => line.split(',')[4]);

/** A proposed change of an institution's bank account (D§10), waiting for a second account. */
export async function proposeInstitutionAccountChange(t: TestApp, username: string, institutionPayeeId: string): Promise<void> {
  await as(
    t,
    username,
    'mutation($i: ProposeInstitutionAccountChangeInput!) { proposeInstitutionAccountChange(input: $i) { institutionAccountChange { id } } }',
    { i: { institutionPayeeId, bankName: '建设银行', bankAccount: '6217000011112222333', reason: '换开户行' } },
  );
}
