import { ACTIONS, effectiveAccess, grantsOf, MATRIX_SUBJECTS } from './explain';
import { CheckReport, describeViolation, STATUS_WORDS } from './invariant-check';
import { SCOPE_WORDS } from './policy';
import { Role } from './roles';

const ACCESS_MARK = { none: '—', partial: 'partial', full: 'full' } as const;

const cell = (text: string) => text.replace(/\|/g, '\\|');

/** The invariants section: each invariant with its clause, its words, and its status on the table. */
function renderInvariants(report: CheckReport): string[] {
  const lines = [
    '## Invariants',
    '',
    'Properties of the whole table over every combination of roles an account could hold, at every position, with and without',
    'kin registration and delegations (`permissions/invariants.ts`, checked by `npm run permissions:check` and `policyInvariants`).',
    'A violation names the smallest combination of roles and the rows that produce it.',
    '',
    '| invariant | clause | status | statement | 表述 |',
    '| --- | --- | --- | --- | --- |',
  ];
  for (const { invariant, outcome } of report.results) {
    lines.push(
      `| \`${invariant.id}\` | ${invariant.clause} | ${STATUS_WORDS[outcome.status].en} | ${cell(invariant.text.en)} | ${cell(invariant.text.zh)} |`,
    );
  }
  for (const { invariant, outcome } of report.results) {
    if (outcome.status === 'SUBJECT_NOT_IN_TABLE') lines.push('', `- \`${invariant.id}\`: ${outcome.note.en} ${outcome.note.zh}`);
    if (outcome.status === 'VIOLATED') {
      lines.push(
        '',
        `- \`${invariant.id}\` is violated:`,
        ...describeViolation(outcome.violation, report.grants, 'en').map((l) => `  - ${l}`),
      );
    }
  }
  lines.push('');
  return lines;
}

/** `docs/permission-matrix.md`, generated from the policy table and the invariant check of it (`npm run permissions:matrix`). */
export function renderPermissionMatrix(invariants: CheckReport): string {
  const lines: string[] = [
    '# Permission matrix',
    '',
    'Generated from `permissions/policy.ts` by `npm run permissions:matrix`; a test fails when this file is stale.',
    'Every change to it is a change of who may do what: review it as a permission change, not a refresh.',
    'Anything not listed is refused (deny by default). `deny` rows override grants (separation of duties).',
    'The same table answers `permissionMatrix(role)`, `explainPermission(...)` and `whoCan(...)` over GraphQL.',
    '',
    'Scopes: own village / own township / own district = rows whose village / township / district code equals that of',
    "the region the role is held for; own account = the holder's own rows.",
    '',
    '## Where authority comes from',
    '',
    'A row below gives a power only to an account that holds the role, and only where the records behind it stand (DOMAIN §13, §14):',
    '',
    '- **Role grants.** A role is held only by a `RoleGrant` proposed by one account and confirmed by another with the authority to',
    '  confirm it, from its effective date until revoked by a later record (`roleGrants` answers who held it, when, and on whose',
    "  proposal and confirmation; the seed's grants are recorded as the seed's). Nobody proposes or confirms a grant for themselves.",
    '- **Delegations.** A condition "where the case\'s township holds a delegation in force for its programme" is met only by a',
    '  `Delegation` record of the district for that township and programme, in force on the day; before it, or after its revocation,',
    '  the district decides (pre-delegation mode). Each decision records the delegation, or the district authority, it was made under.',
    '- **Committees.** A deputy chair decides a case only while standing in for a chair who must recuse on it, on the committee the',
    '  township head recorded.',
    '',
    ...renderInvariants(invariants),
  ];
  for (const role of Object.values(Role)) {
    lines.push(`## ${role}`, '');
    lines.push(
      '| subject | actions (full = every field within scope; partial = limited fields, an extra condition, or a denial that overrides) |',
      '| --- | --- |',
    );
    for (const subject of MATRIX_SUBJECTS) {
      const granted = ACTIONS.map((action) => [action, effectiveAccess(role, action, subject)] as const).filter(
        ([, access]) => access !== 'none',
      );
      lines.push(
        `| ${subject} | ${granted.length ? granted.map(([action, access]) => `${action} (${ACCESS_MARK[access]})`).join(', ') : '—'} |`,
      );
    }
    lines.push(
      '',
      '| effect | action | subject | scope | fields | condition | clause | reason | 理由 |',
      '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    );
    for (const grant of grantsOf(role)) {
      lines.push(
        `| ${grant.inverted ? 'deny' : 'allow'} | ${grant.action} | ${grant.subject} | ${SCOPE_WORDS[grant.scope].en} | ${grant.fields?.join(', ') ?? 'all'} | ${grant.when?.text.en ?? ''} | ${grant.clause} | ${cell(grant.reason.en)} | ${cell(grant.reason.zh)} |`,
      );
    }
    lines.push('');
  }
  return lines.join('\n');
}
