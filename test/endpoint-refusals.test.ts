import { GraphQLObjectType } from 'graphql';
import { buildAppSchema } from '../src/graphql/schema';
import { requirementOf } from '../src/graphql/guards';
import { POLICY } from '../permissions/policy';
import { Role } from '../permissions/roles';
import { DEMO_ACCOUNTS } from '../src/seed/demo-district';
import { codeOf, useTestApp } from './support/harness';
import { householdWithCase } from './support/households';
import { garbage, operationText } from './support/graphql-input';

/**
 * Over HTTP, every root field refuses every tier the policy table gives no grant for its declared
 * action (FORBIDDEN), and every non-public field refuses anonymous callers (UNAUTHENTICATED). The
 * table itself is checked against the plan in permissions-matrix.test.ts; this checks that each
 * endpoint enforces what it declares. The allowed side is exercised by the workflow tests.
 */
const t = useTestApp();
let ids: { realCaseId: string; realHouseholdId: string };
beforeAll(async () => {
  const made = await householdWithCase(t, 'va.101201', '510199101201');
  ids = { realCaseId: made.case.id, realHouseholdId: made.household.id };
});

/** One demo account per role, holding that role alone where the demo has one (the township head
 * also sits on the committee; an account is refused only what none of its roles is granted). */
const ACCOUNTS = Object.values(Role).map(
  (role) => DEMO_ACCOUNTS.find((a) => a.roles.length === 1 && a.roles[0] === role) ?? DEMO_ACCOUNTS.find((a) => a.roles.includes(role))!,
);

it('refuses each tier without a grant for the declared action, and anonymous callers, on every root field', async () => {
  const schema = await buildAppSchema();
  const unexpected: string[] = [];
  let refusals = 0;
  for (const root of [schema.getQueryType(), schema.getMutationType()] as GraphQLObjectType[]) {
    const operation = root.name === 'Query' ? 'query' : 'mutation';
    for (const field of Object.values(root.getFields())) {
      const requirement = requirementOf(root.name as 'Query' | 'Mutation', field.name)!;
      const query = operationText(operation, field);
      const variables = Object.fromEntries(field.args.map((a) => [a.name, garbage(a.type, 'wrongType', ids)]));
      if (requirement.kind !== 'public') {
        const anonymous = await t.gql(query, variables);
        if (codeOf(anonymous) !== 'UNAUTHENTICATED') unexpected.push(`anonymous ${field.name}: ${codeOf(anonymous) ?? 'allowed'}`);
      }
      if (requirement.kind !== 'can' && requirement.kind !== 'can-any') continue;
      const actions: string[] = requirement.kind === 'can' ? [requirement.action] : requirement.actions;
      const refused = ACCOUNTS.filter(
        (account) =>
          !POLICY.some(
            (g) => account.roles.includes(g.role) && actions.includes(g.action) && g.subject === requirement.subject && !g.inverted,
          ),
      );
      for (const account of refused) {
        const result = await t.gql(query, variables, await t.login(account.username));
        refusals += 1;
        if (codeOf(result) !== 'FORBIDDEN') unexpected.push(`${account.username} ${field.name}: ${codeOf(result) ?? 'allowed'}`);
      }
    }
  }
  expect(unexpected).toEqual([]);
  expect(refusals).toBeGreaterThan(300);
});
