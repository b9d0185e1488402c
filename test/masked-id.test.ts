import { ageOn, idNumberCheckChar, maskIdNumber } from '../src/modules/household/id-number';
import { useTestApp } from './support/harness';

/** One demo account of every role. */
const ONE_OF_EACH_ROLE = [
  'va.101201',
  'hexi.caseworker',
  'hexi.member1',
  'hexi.head',
  'district.officer',
  'finance',
  'auditor',
  'poverty',
  'dept.tax',
  'admin',
];

const PERSON = 'id idNumber name relation labourCapacity disabled age birthDate sex disabilityDetail healthDetail districtCode';
// One request per path, each within the query cost limit.
const PATHS_TO_A_PERSON = [
  `{ households(first: 100) { nodes { members { ${PERSON} } } } }`,
  `{ cases(first: 100) { edges { node { household { members { ${PERSON} } } } } } }`,
  `{ enrolments(first: 100) { nodes { household { members { ${PERSON} } } } } }`,
];
const EVERY_PATH_TO_A_PERSON = PATHS_TO_A_PERSON[0];

/** Every valid ID number that agrees with what a caller sees: the masked number (its first 4 and
 * last 4, check digit included), the district code (digits 1–6) and the age in years. */
function candidatesFor(masked: string, districtCode: string, age: number, today: Date): number {
  let count = 0;
  for (let day = new Date(Date.UTC(today.getUTCFullYear() - age - 1, today.getUTCMonth(), today.getUTCDate())); day <= today;) {
    const birth = day.toISOString().slice(0, 10).replaceAll('-', '');
    const id17 = districtCode.slice(0, 6) + birth + masked.slice(14, 17);
    if (masked.startsWith(districtCode.slice(0, 4)) && ageOn(id17 + '0', today) === age && idNumberCheckChar(id17) === masked[17]) count++;
    day = new Date(day.getTime() + 86_400_000);
  }
  return count;
}

describe('for every role, no visible field narrows a masked ID number down to a guess (issue #9)', () => {
  const t = useTestApp({ demo: true });

  it.each(ONE_OF_EACH_ROLE)('%s', async (username) => {
    const persons: Record<string, any>[] = [];
    const answers: unknown[] = [];
    for (const path of PATHS_TO_A_PERSON) {
      const result = await t.gql(path, {}, await t.login(username));
      // A role may be refused a list (FORBIDDEN); any other error would leave the check below empty.
      expect((result.errors ?? []).filter((e) => e.extensions?.code !== 'FORBIDDEN')).toEqual([]);
      answers.push(result.data);
      JSON.stringify(result.data ?? {}, (key, value) => {
        if (key === 'members' && Array.isArray(value)) persons.push(...value);
        return value;
      });
    }
    const result = { data: answers };
    const today = new Date();
    for (const person of persons) {
      if (person.idNumber === null || !person.idNumber.includes('*')) continue;
      const [[{ id_number: full }]] = [
        await t.dataSource.query('SELECT id_number FROM persons WHERE id = $1', [
          Buffer.from(person.id, 'base64url').toString().split(':').pop(),
        ]),
      ];
      expect(person.idNumber).toBe(maskIdNumber(full));
      // Digits 7–14 (birth date) and 17 (sex) are not shown beside the mask, in any form.
      expect([person.birthDate, person.sex]).toEqual([null, null]);
      const hidden = full.slice(6, 14);
      expect(JSON.stringify(result.data)).not.toContain(hidden);
      expect(JSON.stringify(result.data)).not.toContain(`${hidden.slice(0, 4)}-${hidden.slice(4, 6)}-${hidden.slice(6, 8)}`);
      // The age in years leaves a year of birth dates: the number stays far from a first guess.
      expect(person.age).toBe(ageOn(full, today));
      expect(candidatesFor(person.idNumber, person.districtCode, person.age, today)).toBeGreaterThanOrEqual(15);
    }
  });

  it('shows the birth date and sex with the unmasked number to a role granted it (P4.1)', async () => {
    const result = await t.gql(EVERY_PATH_TO_A_PERSON, {}, await t.login('va.101201'));
    const person = result.data!.households.nodes[0].members[0];
    expect(person.idNumber).toMatch(/^\d{17}[\dX]$/);
    expect(person.birthDate).toBe(`${person.idNumber.slice(6, 10)}-${person.idNumber.slice(10, 12)}-${person.idNumber.slice(12, 14)}`);
    expect(person.sex).toMatch(/^(MALE|FEMALE)$/);
  });

  it('shows a committee member masked numbers, so the check above is not empty', async () => {
    const result = await t.gql(EVERY_PATH_TO_A_PERSON, {}, await t.login('hexi.member1'));
    const person = result.data!.households.nodes[0].members[0];
    expect(person.idNumber).toMatch(/^\d{4}\*{10}[\dX]{4}$/);
    expect([person.birthDate, person.sex, typeof person.age]).toEqual([null, null, 'number']);
  });
});
