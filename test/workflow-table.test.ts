import fs from 'node:fs';
import path from 'node:path';
import { actionsOf, TRANSITIONS } from '../src/modules/case/workflow';
import { renderWorkflow } from '../src/modules/case/workflow-doc';
import { buildAppSchema } from '../src/graphql/schema';
import { requirementOf } from '../src/graphql/guards';
import { POLICY } from '../permissions/policy';
import { Role } from '../permissions/roles';

describe('the workflow table', () => {
  it('docs/workflow.md is fresh (run npm run workflow:doc)', () => {
    expect(fs.readFileSync(path.join(__dirname, '..', 'docs', 'workflow.md'), 'utf8')).toBe(renderWorkflow());
  });

  it('has one mutation per transition, declaring the same action the table checks', async () => {
    const mutations = (await buildAppSchema()).getMutationType()!.getFields();
    for (const transition of TRANSITIONS) {
      expect([transition.step, Boolean(mutations[transition.step])]).toEqual([transition.step, true]);
      // A step that may end in a decision is open to whoever may take it or decide it (D§13).
      const actions = actionsOf(transition);
      expect([transition.step, requirementOf('Mutation', transition.step)]).toEqual([
        transition.step,
        actions.length > 1 ? { kind: 'can-any', actions, subject: 'Case' } : { kind: 'can', action: transition.action, subject: 'Case' },
      ]);
    }
  });

  it('gives every transition to some role through the policy table, and cites a clause', () => {
    for (const transition of TRANSITIONS) {
      expect([transition.step, POLICY.some((g) => g.subject === 'Case' && g.action === transition.action && !g.inverted)]).toEqual([
        transition.step,
        true,
      ]);
      expect(transition.clause).toMatch(/^(P\d(\.\d)?|D§\d+)(, (P\d(\.\d)?|D§\d+))*$/);
    }
  });

  it("lets the district decide only in pre-delegation mode (P5), with an explicit denial over a delegated township's cases (P1)", () => {
    const officer = POLICY.filter((g) => g.role === Role.DISTRICT_OFFICER && g.action === 'decide' && g.subject === 'Case');
    expect(officer.map((g) => [g.clause, Boolean(g.inverted), g.when?.conditions])).toEqual([
      ['P5', false, undefined],
      ['P1', true, { $delegated: true }],
      // Found by the invariant checker: an officer also holding a village role could declare kin and then decide.
      ['P6.3', true, { kinStaffIds: '$accountId' }],
    ]);
  });
});
