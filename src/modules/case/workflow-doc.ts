import { TRANSITIONS } from './workflow';

/**
 * The monthly funds cycle (D§10, P4.3, P4.4) that an approved case's enrolment or LINSHI amount
 * enters, in the order a month goes through it: [mutation or query, who, what it does]. The rules
 * themselves live in `src/modules/funds/funds.service.ts` and the policy table.
 */
const FUNDS_CYCLE: [string, string, string][] = [
  [
    'createInstitutionPayee + assignInstitutionPayee',
    'TOWNSHIP_CASEWORKER (the record also the district)',
    "records a care institution's account and names it on a centralised TEKUN enrolment: the roster pays the institution; DIBAO and dispersed TEKUN are paid to the household",
  ],
  [
    'proposeInstitutionAccountChange + confirmInstitutionAccountChange',
    'TOWNSHIP_CASEWORKER, TOWNSHIP_HEAD or DISTRICT_OFFICER, then a second account of them',
    "changes a care institution's account only once a second account confirms it; rosters built until then pay the old account",
  ],
  [
    'buildRoster',
    'TOWNSHIP_CASEWORKER',
    "the township's roster of the month: every enrolment active in it at the amount of its history for that month (a review's change applies from the month it names), the LINSHI amounts decided in the month, and the month's emergency payments as EMERGENCY_PAID lines (counted, never sent to a bank); built once, building again returns it",
  ],
  ['submitRoster', 'TOWNSHIP_HEAD', 'submits it to the district; from then on the database refuses any change to it or its lines'],
  [
    'buildSupplementaryRoster, then submitRoster',
    'TOWNSHIP_CASEWORKER, TOWNSHIP_HEAD',
    "corrects a submitted roster: a roster of its own, linked to it with the reason, holding the month's payees no roster of the month holds yet",
  ],
  ['submitFundRequest', 'DISTRICT_OFFICER', "compiles the month's submitted rosters not yet requested into a fund request of the district"],
  [
    'approveFundRequest / returnFundRequest',
    'FINANCE_OFFICER',
    'approves in full and allocates (one payment per payee and month), never the account that compiled it; or returns it with reasons',
  ],
  ['exportPaymentBatch', 'FINANCE_OFFICER', "sends a township month's payments to one bank as a CSV batch file (each read audited)"],
  [
    'recordPaymentResults',
    'bank integration (DEPARTMENT)',
    'reports each transfer paid, or failed with a reason; a result once recorded never changes',
  ],
  [
    'proposeBankAccountChange + confirmBankAccountChange, then exportPaymentBatch(kind: SUPPLEMENTARY)',
    "the household's staff, a second account, FINANCE_OFFICER",
    "corrects a failed payee's account with a second person's confirmation, then re-pays the failed payments",
  ],
  [
    'reconciliation(month, townshipCode)',
    'whoever may read the fund request',
    'over the regular and supplementary rosters: roster = request = allocated = paid + emergency-paid + failed + re-paid, to the fen, with every line that differs',
  ],
];

/** `docs/workflow.md`, generated from the transition table (`npm run workflow:doc`). */
export function renderWorkflow(): string {
  const lines = [
    '# Case workflow',
    '',
    'Generated from `src/modules/case/workflow.ts` by `npm run workflow:doc`; a test fails when this file is stale.',
    'Each row is one GraphQL mutation. The caller needs the action on the case in the policy table',
    '(`docs/permission-matrix.md`); the case must be in a `from` state and its programme listed; the guard runs in the',
    'same transaction, which also writes the case event and the audit entry. A wrong state answers `INVALID_TRANSITION`',
    'with the allowed next steps, a stale `version` answers `CONFLICT`.',
    '',
    '| mutation | action | from | to | programmes | clause |',
    '| --- | --- | --- | --- | --- | --- |',
  ];
  for (const t of TRANSITIONS) {
    lines.push(
      `| \`${t.step}\` | ${t.action} | ${t.from.join(', ')} | ${t.outcomes.join(' or ')} | ${t.programmes.join(', ')} | ${t.clause} |`,
    );
  }
  lines.push(
    '',
    '## The monthly funds cycle (D§10, P4.3, P4.4)',
    '',
    'What an approved case becomes every month: its enrolment (or a LINSHI amount) is paid through these steps, in order.',
    'Who may take each step is in the policy table. A submitted roster and a decided fund request never change; payments, batches and bank results are only ever added to.',
    '',
    '| step | by | what it does |',
    '| --- | --- | --- |',
    ...FUNDS_CYCLE.map(([step, by, what]) => `| \`${step}\` | ${by} | ${what} |`),
    '',
  );
  return lines.join('\n');
}
