import { idNumberCheckChar } from '../../src/modules/household/id-number';
import type { TestApp } from './harness';

/** A valid 18-character ID number for a birth date (YYYYMMDD) and a 3-digit sequence. */
export function idNumber(birth: string, sequence: number, regionPrefix = '510199'): string {
  const first17 = `${regionPrefix}${birth}${String(sequence).padStart(3, '0')}`;
  return first17 + idNumberCheckChar(first17);
}

let nextSequence = 100;

/** A household input for a village: head plus optional members, all with valid ID numbers. */
export function householdInput(
  villageCode: string,
  head = '王大明',
  extra: { name: string; birth: string; relation: string }[] = [],
  options: { residence?: 'RURAL' | 'URBAN'; headCapacity?: 'FULL' | 'PARTIAL' | 'NONE'; headBirth?: string } = {},
) {
  return {
    villageCode,
    residence: options.residence ?? 'RURAL',
    address: `${villageCode} 组 3 号`,
    phone: '13812345678',
    bankName: '农村信用社',
    bankAccount: '6228480000123456789',
    members: [
      {
        name: head,
        idNumber: idNumber(options.headBirth ?? '19700101', nextSequence++),
        relation: 'HEAD',
        labourCapacity: options.headCapacity ?? 'FULL',
        healthDetail: '高血压',
      },
      ...extra.map((m) => ({ name: m.name, idNumber: idNumber(m.birth, nextSequence++), relation: m.relation, labourCapacity: 'NONE' })),
    ],
  };
}

export const CREATE_HOUSEHOLD = `mutation($input: CreateHouseholdInput!) { createHousehold(input: $input) { household { id headName villageCode members { id name } } } }`;
export const SUBMIT = `mutation($input: SubmitApplicationInput!) { submitApplication(input: $input) { case { id status programme villageCode townshipCode districtCode version } } }`;

/** Registers a household through the API as `username` and applies for `programme`. */
export async function householdWithCase(
  t: TestApp,
  username: string,
  villageCode: string,
  programme = 'DIBAO',
  head = '王大明',
  options: Parameters<typeof householdInput>[3] = {},
) {
  const token = await t.login(username);
  const created = await t.gql(CREATE_HOUSEHOLD, { input: householdInput(villageCode, head, [], options) }, token);
  if (!created.data) throw new Error(`createHousehold failed: ${JSON.stringify(created.errors)}`);
  const cause = programme === 'LINSHI' ? '突发重病 (sudden illness)' : undefined;
  const causeCategory = programme === 'LINSHI' ? 'SERIOUS_ILLNESS' : undefined;
  const submitted = await t.gql(
    SUBMIT,
    { input: { householdId: created.data.createHousehold.household.id, programme, channel: 'WINDOW', cause, causeCategory } },
    token,
  );
  if (!submitted.data) throw new Error(`submitApplication failed: ${JSON.stringify(submitted.errors)}`);
  return { household: created.data.createHousehold.household, case: submitted.data.submitApplication.case };
}
