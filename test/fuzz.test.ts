import fc from 'fast-check';
import {
  getNamedType,
  GraphQLArgument,
  GraphQLField,
  GraphQLInputType,
  GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  OperationDefinitionNode,
  parse,
} from 'graphql';
import { getVariableValues } from 'graphql/execution/values';
import { buildAppSchema } from '../src/graphql/schema';
import { requirementOf } from '../src/graphql/guards';
import { AppAbility, defineAbilityFor } from '../permissions/ability';
import { toGlobalId, tenantGlobalId } from '../src/graphql/node';
import { ErrorCode } from '../src/errors';
import { GraphQLResult, useTestApp } from './support/harness';

/**
 * Schema-driven fuzzing (issue #10, item 2): every argument of every Query and Mutation field, input
 * objects walked down to their leaves, gets hostile values of every kind its type can be sent, as one
 * account of every demo role (README, both demo districts and the province) and anonymously. No
 * answer may be a 500 or an error without a code of `ErrorCode` (INTERNAL_SERVER_ERROR, a time-out
 * and an outage included), and the server must answer `/healthz` and an ordinary query afterwards.
 *
 * Deterministic: the catalogue of values is fixed, fast-check adds arbitrary strings from a fixed
 * seed, and who sends which probe follows from its position.
 */

const SEED = 20261128;
const CALLERS = [
  null, // anonymous
  'admin',
  'district.officer',
  'finance',
  'auditor',
  'poverty',
  'dept.police',
  'hexi.head',
  'hexi.caseworker',
  'hexi.member1',
  'va.101201',
  'qingshan.officer',
  'longtan.caseworker',
  'province.operator',
];
/** Codes an answer to hostile input may carry: every code but the ones that mean the server failed. */
const ACCEPTED = new Set<string>(
  Object.values(ErrorCode).filter(
    (code) => ![ErrorCode.INTERNAL_SERVER_ERROR, ErrorCode.REQUEST_TIMEOUT, ErrorCode.SERVICE_UNAVAILABLE].includes(code),
  ),
);

const t = useTestApp({ demo: true }, 180_000);
let schema: GraphQLSchema;
const tokens = new Map<string | null, string | undefined>();
const abilities = new Map<string | null, AppAbility>();
/** Real global ids by type, of the demo district and of the other one, for defaults and for mix-ups. */
const ids = new Map<string, string[]>();

const HARVEST: [type: string, table: string][] = [
  ['Case', 'cases'],
  ['Household', 'households'],
  ['Person', 'persons'],
  ['Enrolment', 'enrolments'],
  ['Petition', 'petitions'],
  ['Delegation', 'delegations'],
  ['WorkPlan', 'work_plans'],
  ['Meeting', 'meetings'],
  ['Payment', 'payments'],
  ['AuditEntry', 'audit_log'],
];

beforeAll(async () => {
  schema = await buildAppSchema();
  for (const caller of CALLERS) {
    const token = caller ? await t.login(caller) : undefined;
    tokens.set(caller, token);
    abilities.set(caller, defineAbilityFor(token ? (await t.app.services.accounts.actorFromCredential(token)).actor : null));
  }
  for (const [type, table] of HARVEST) {
    // One row of each district, the demo district's first.
    const rows: { district_code: string; id: string }[] = await t.dataSource.query(
      `SELECT DISTINCT ON (district_code) district_code, id FROM ${table} ORDER BY district_code DESC, id`,
    );
    ids.set(
      type,
      rows.map((row) => tenantGlobalId(type, { districtCode: row.district_code, id: row.id })),
    );
  }
  // An account no caller above signs in as, so that a probe that happens to deactivate it costs nothing.
  const [account] = await t.dataSource.query(`SELECT id FROM accounts WHERE username = 'baiyun.member4'`);
  ids.set('Account', [toGlobalId('Account', account.id)]);
  ids.set('Region', [toGlobalId('Region', '510199101000'), toGlobalId('Region', '510197103000')]);
}, 120_000);

const capitalised = (name: string) => name[0].toUpperCase() + name.slice(1);

/** The type an id argument most likely names (`caseId` → Case), Case when its name says nothing. */
function idTypeOf(name: string): string {
  const base = capitalised(name.replace(/Ids?$/, ''));
  if (ids.has(base)) return base;
  if (/member|account|assignee|staff|recipient/i.test(name)) return 'Account';
  if (/region|township|village|district/i.test(name)) return 'Region';
  return 'Case';
}

/** A value that passes the type, so that the hostile value elsewhere is the one tried. */
function plausible(type: GraphQLInputType, name: string, depth = 0): unknown {
  if (isNonNullType(type)) return plausible(type.ofType, name, depth);
  if (isListType(type)) return [plausible(type.ofType, name, depth)];
  if (isInputObjectType(type)) {
    const value: Record<string, unknown> = {};
    for (const field of Object.values(type.getFields())) {
      if (isNonNullType(field.type) || depth === 0) value[field.name] = plausible(field.type, field.name, depth + 1);
    }
    return value;
  }
  if (isEnumType(type)) return type.getValues()[0].value as unknown;
  switch (type.name) {
    case 'ID':
      return ids.get(idTypeOf(name))![0];
    case 'Int':
    case 'Float':
      return 1;
    case 'Boolean':
      return false;
    case 'Decimal':
      return '100.00';
    case 'Date':
      return '2026-06-15';
    case 'DateTime':
      return '2026-06-15T08:00:00.000Z';
    default:
      if (/regionCode|townshipCode$/.test(name)) return '510199101000';
      if (/villageCode$/.test(name)) return '510199101201';
      if (/districtCode$/.test(name)) return '510199000000';
      if (/month$/i.test(name)) return '2026-06';
      if (/idNumber$/.test(name)) return '510199197001010011';
      return '测试 x';
  }
}

const forged = (json: unknown) => Buffer.from(JSON.stringify(json), 'utf8').toString('base64url');
const UUID = '00000000-0000-4000-8000-000000000000';
const deepList = (depth: number): unknown => (depth === 0 ? 'x' : [deepList(depth - 1)]);

/** Hostile strings for every String argument: reaching SQL, LIKE patterns, cursors, dates, keys. */
const STRINGS: unknown[] = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\u001b[31m',
  '\u200b\u202e\ufeff',
  '\ud800',
  'x'.repeat(60_000),
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  '%_\\',
  "'; DROP TABLE cases; --",
  '9'.repeat(400),
  '-1',
  'NaN',
  '+275760-09-13',
  '275760-09-13T00:00:00.000Z',
  forged(['Case', '+275760-09-13T00:00:00.000Z', UUID]),
  forged(['Case', '9999-12-31T23:59:59.999999Z', UUID]),
  forged(['Case', '2026-02-30T25:00:00.000000Z', UUID]),
  forged(['Case', '0000-01-01T00:00:00.000000Z', UUID]),
  forged(['Case', 'not a date', '__proto__']),
  Buffer.from('{"__proto__":{"admin":true}}').toString('base64url'),
  1,
  true,
  { toString: 'x' },
  null,
];

function hostileIds(name: string): unknown[] {
  const own = idTypeOf(name);
  const others = [...ids.entries()].filter(([type]) => type !== own).map(([, list]) => list[0]);
  return [
    '',
    '!!!',
    'YQ',
    toGlobalId('Case', ''),
    Buffer.from('Case').toString('base64url'),
    toGlobalId('Case', 'x'),
    toGlobalId('Case', '510199000000:not-a-uuid'),
    toGlobalId('Case', `510199000000:${UUID}:extra`),
    toGlobalId('Case', `275760000000:${UUID}`),
    toGlobalId('__proto__', '1'),
    toGlobalId('constructor', 'x'),
    toGlobalId('toString', `510199000000:${UUID}`),
    toGlobalId('Account', 'not-a-uuid'),
    toGlobalId('Region', '__proto__'),
    ...(ids.get(own) ?? []).slice(1), // the other district's
    ...others,
    'x'.repeat(60_000),
    '\u0000',
    12345,
    null,
  ];
}

const NUMBERS: unknown[] = [
  2147483648,
  -2147483649,
  -1,
  0,
  2147483647,
  -2147483648,
  1e308,
  -1e308,
  1.5,
  'NaN',
  '1e400',
  '99999999999999999999',
  null,
];
const DECIMALS: unknown[] = [
  'NaN',
  'Infinity',
  '-Infinity',
  '-1',
  '-0',
  '0',
  '1e400',
  '1e-400',
  '99999999999999999999999.99',
  '0.001',
  '1,5',
  '',
  ' 1',
  1e308,
  -1,
  null,
];
const DATES: unknown[] = [
  '+275760-09-13',
  '275760-09-13',
  '2026-02-30',
  '0000-00-00',
  '0001-01-01',
  '9999-12-31',
  '2026-1-1',
  '',
  'today',
  20260101,
  null,
];
const DATE_TIMES: unknown[] = [
  '+275760-09-13T00:00:00.000Z',
  '275760-09-13T00:00:00Z',
  '2026-02-30T00:00:00Z',
  '9999-12-31T23:59:59Z',
  '0000-01-01T00:00:00Z',
  '-000001-01-01T00:00:00Z',
  'now',
  '',
  8.64e15 + 1,
  -1e20,
  null,
];

/** fast-check's arbitrary strings (any code point, lone surrogates included), fixed by the seed. */
const ARBITRARY = fc.sample(fc.string({ unit: 'binary', maxLength: 40 }), { seed: SEED, numRuns: 4 });

function hostile(type: GraphQLInputType, name: string): unknown[] {
  const named = getNamedType(type);
  const values: unknown[] = [];
  if (isListType(isNonNullType(type) ? type.ofType : type)) {
    values.push(
      deepList(200),
      Array.from({ length: 5000 }, () => plausible(named as GraphQLInputType, name, 1)),
      [],
    );
  }
  if (isEnumType(named)) return [...values, 'NOT_A_VALUE', '__proto__', 'constructor', '', 1, null];
  switch (named.name) {
    case 'ID':
      return [...values, ...hostileIds(name)];
    case 'Int':
    case 'Float':
      return [...values, ...NUMBERS];
    case 'Decimal':
      return [...values, ...DECIMALS];
    case 'Date':
      return [...values, ...DATES];
    case 'DateTime':
      return [...values, ...DATE_TIMES];
    case 'Boolean':
      return [...values, 'true', 1, null];
    default:
      return [...values, ...STRINGS, ...ARBITRARY];
  }
}

interface Leaf {
  path: string[];
  type: GraphQLInputType;
}

/** Every argument and, inside input objects, every input field (each input type once per path). */
function leavesOf(args: readonly GraphQLArgument[]): Leaf[] {
  const leaves: Leaf[] = [];
  const walk = (type: GraphQLInputType, path: string[], seen: Set<string>) => {
    leaves.push({ path, type });
    const named = getNamedType(type);
    if (!isInputObjectType(named) || seen.has(named.name)) return;
    for (const field of Object.values(named.getFields())) walk(field.type, [...path, field.name], new Set([...seen, named.name]));
  };
  for (const arg of args) walk(arg.type, [arg.name], new Set());
  return leaves;
}

function withValueAt(base: Record<string, unknown>, path: string[], value: unknown): Record<string, unknown> {
  const copy = structuredClone(base);
  let target: Record<string, unknown> = copy;
  for (const key of path.slice(0, -1)) {
    const next = target[key];
    // Through a list, into its first item.
    target = (Array.isArray(next) ? next[0] : next) as Record<string, unknown>;
    if (!target || typeof target !== 'object') return copy;
  }
  target[path[path.length - 1]] = value;
  return copy;
}

interface Call {
  field: GraphQLField<unknown, unknown>;
  args: Record<string, unknown>;
  label: string;
}

interface Probe {
  caller: string | null;
  kind: 'query' | 'mutation';
  calls: Call[];
}

/** One operation making every call under an alias of its own (`a<i>`), each with its own variables. */
function operationFor(kind: 'query' | 'mutation', calls: Call[]): string {
  const variables: string[] = [];
  const fields: string[] = [];
  calls.forEach(({ field }, i) => {
    const selection = isLeafType(getNamedType(field.type)) ? '' : ' { __typename }';
    variables.push(...field.args.map((arg) => `$a${i}_${arg.name}: ${String(arg.type)}`));
    fields.push(`a${i}: ${field.name}(${field.args.map((arg) => `${arg.name}: $a${i}_${arg.name}`).join(', ')})${selection}`);
  });
  return `${kind} Fuzz(${variables.join(', ')}) { ${fields.join(' ')} }`;
}

const variablesFor = (calls: Call[]) =>
  Object.fromEntries(calls.flatMap(({ args }, i) => Object.entries(args).map(([name, value]) => [`a${i}_${name}`, value])));

/** What is wrong with an answer (each fault named by the call it answers), or nothing when every
 * part of it is a success or a coded refusal. */
function faultsOf(result: GraphQLResult, probe: Probe): string[] {
  const who = probe.caller ?? 'anonymous';
  const all = probe.calls.map((call) => call.label).join('; ');
  if (result.status >= 500) return [`${who} ${all}: HTTP ${result.status}`];
  if (!result.errors && !result.data) return [`${who} ${all}: HTTP ${result.status} without data or errors`];
  return (result.errors ?? []).flatMap((error) => {
    const code = error.extensions?.code;
    if (typeof code === 'string' && ACCEPTED.has(code)) return [];
    const alias = (error as { path?: string[] }).path?.[0];
    const label = alias ? probe.calls[Number(alias.slice(1))].label : all;
    return [`${who} ${label}: ${String(code)} ${error.message.slice(0, 200)}`];
  });
}

let requests = 0;
async function send(probe: Probe, faults: string[]): Promise<GraphQLResult> {
  requests++;
  const result = await t.gql(operationFor(probe.kind, probe.calls), variablesFor(probe.calls), tokens.get(probe.caller));
  faults.push(...faultsOf(result, probe));
  return result;
}

/** Runs `tasks` with at most `width` in flight: the server waits on PostgreSQL much of the time. */
async function inParallel(tasks: (() => Promise<void>)[], width = 4): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) await tasks[next++]();
  };
  await Promise.all(Array.from({ length: width }, worker));
}

const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/; // eslint-disable-line no-control-regex
/** Hostile values per argument: the catalogue of its kind is dealt out in turn across arguments,
 * so every value is sent, to many arguments, and the run stays short. */
const PER_ARGUMENT = 4;

const hasControl = (value: unknown): boolean =>
  typeof value === 'string' ? CONTROL.test(value) : !!value && typeof value === 'object' && Object.values(value).some(hasControl);

/** Whether graphql-js refuses the arguments while coercing variables, before any resolver. */
function refusedBeforeResolvers(kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>, args: Record<string, unknown>): boolean {
  if (JSON.stringify(args).length > 10_000 || hasControl(args)) return true;
  const calls = [{ field, args, label: '' }];
  const operation = parse(operationFor(kind, calls)).definitions[0] as OperationDefinitionNode;
  return 'errors' in getVariableValues(schema, operation.variableDefinitions ?? [], variablesFor(calls));
}

const ROOTS = () =>
  (['query', 'mutation'] as const).flatMap((kind) =>
    Object.values((kind === 'query' ? schema.getQueryType()! : schema.getMutationType()!).getFields())
      .filter((field) => field.args.length > 0)
      .map((field) => ({ kind, field })),
  );

/** Whether a caller passes a root field's declared requirement: hostile values go mostly to those
 * callers, to reach past the first refusal into the services. */
function admits(caller: string | null, kind: 'query' | 'mutation', field: string): boolean {
  const requirement = requirementOf(kind === 'query' ? 'Query' : 'Mutation', field);
  const ability = abilities.get(caller)!;
  switch (requirement?.kind) {
    case 'public':
      return true;
    case 'signed-in':
      return caller !== null;
    case 'can':
      return ability.can(requirement.action, requirement.subject);
    case 'can-any':
      return requirement.actions.some((action) => ability.can(action, requirement.subject));
    default:
      return false;
  }
}

describe('schema-driven fuzzing (issue #10, item 2)', () => {
  it('answers hostile values in every argument of every field, as every role, with coded errors, never a 500', async () => {
    const faults: string[] = [];
    const tasks: (() => Promise<void>)[] = [];
    let dealt = 0;
    let turn = 0;
    for (const { kind, field } of ROOTS()) {
      const admitted = CALLERS.filter((caller) => admits(caller, kind, field.name));
      const base = Object.fromEntries(field.args.map((arg) => [arg.name, plausible(arg.type, arg.name)]));
      for (const leaf of leavesOf(field.args)) {
        const catalogue = hostile(leaf.type, leaf.path[leaf.path.length - 1]);
        for (let i = 0; i < Math.min(PER_ARGUMENT, catalogue.length); i++) {
          const value = catalogue[(dealt + i) % catalogue.length];
          // The first value of each argument goes to the next of all callers in turn (anonymous and
          // refused roles included), the others to callers the field admits.
          const callers = i === 0 || admitted.length === 0 ? CALLERS : admitted;
          const caller = callers[turn++ % callers.length];
          const args = withValueAt(base, leaf.path, value);
          const call = { field, args, label: `${field.name} ${leaf.path.join('.')}=${JSON.stringify(value)?.slice(0, 60)}` };
          // Refused while coercing variables or by the control-character guard, before any
          // resolver: these refusals differ only in what they name, so one in four is sent.
          if (refusedBeforeResolvers(kind, field, args) && turn % 4 !== 0) continue;
          tasks.push(async () => {
            await send({ caller, kind, calls: [call] }, faults);
          });
        }
        dealt += PER_ARGUMENT;
      }
    }
    await inParallel(tasks);
    console.log(`fuzz: ${requests} requests`);
    expect(faults.slice(0, 20)).toEqual([]);
  }, 240_000);

  it('is healthy afterwards: /healthz and an ordinary query', async () => {
    expect((await t.http().get('/healthz')).status).toBe(200);
    const result = await t.gql('{ cases(first: 1) { totalCount } }', {}, await t.login('district.officer'));
    expect(result.data!.cases.totalCount).toBeGreaterThan(0);
  });
});
