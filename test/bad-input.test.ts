import { ErrorCode } from '../src/errors';
import { buildAppSchema } from '../src/graphql/schema';
import { useTestApp } from './support/harness';
import { householdWithCase } from './support/households';
import { Flavour, garbage, operationText } from './support/graphql-input';

/**
 * Every mutation, sent by several roles with wrong-but-well-typed input (ids of nothing or of the
 * wrong type, empty and over-long strings, negative and huge numbers, impossible dates): each must
 * answer with a coded error or succeed, never a 500 or an INTERNAL_SERVER_ERROR; every error keeps
 * the error contract (a code of ErrorCode and a message key).
 */
const t = useTestApp();
let realCaseId: string;
let realHouseholdId: string;
beforeAll(async () => {
  const made = await householdWithCase(t, 'va.101201', '510199101201');
  realCaseId = made.case.id;
  realHouseholdId = made.household.id;
});

const CODES = new Set<string>(Object.values(ErrorCode));

it('never answers a mutation with a 500 or INTERNAL_SERVER_ERROR, nor with an error outside the contract', async () => {
  const schema = await buildAppSchema();
  const mutations = Object.values(schema.getMutationType()!.getFields());
  const failures: string[] = [];
  const codes = new Map<string, number>();
  for (const username of ['admin', 'va.101201', 'hexi.caseworker', 'hexi.head', 'district.officer', 'dept.tax']) {
    const token = await t.login(username);
    for (const mutation of mutations) {
      if (mutation.name === 'changePassword') continue; // would change the account's credentials mid-sweep
      for (const flavour of ['nothing', 'wrongType', 'extreme'] as Flavour[]) {
        const query = operationText('mutation', mutation);
        const variables = Object.fromEntries(mutation.args.map((a) => [a.name, garbage(a.type, flavour, { realCaseId, realHouseholdId })]));
        const result = await t.gql(query, variables, token);
        const internal = result.errors?.find((e) => !e.extensions?.code || e.extensions.code === 'INTERNAL_SERVER_ERROR');
        const code = String(result.errors?.[0]?.extensions?.code ?? 'OK');
        codes.set(code, (codes.get(code) ?? 0) + 1);
        if (result.status >= 500 || internal)
          failures.push(`${username} ${mutation.name} (${flavour}): ${result.status} ${internal?.message ?? ''}`);
        const uncontracted = result.errors?.find(
          (e) => !CODES.has(String(e.extensions?.code)) || typeof e.extensions?.messageKey !== 'string',
        );
        if (uncontracted)
          failures.push(`${username} ${mutation.name} (${flavour}): outside the contract ${JSON.stringify(uncontracted.extensions)}`);
      }
    }
  }
  expect(failures).toEqual([]);
  // The sweep gets past the role check into the services, not only refused at the door.
  for (const code of ['BAD_USER_INPUT', 'NOT_FOUND', 'CONFLICT']) expect([code, (codes.get(code) ?? 0) > 0]).toEqual([code, true]);
});
