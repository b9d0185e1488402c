import { TRANSITIONS } from './workflow';

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
  lines.push('');
  return lines.join('\n');
}
