import { maskName } from '../src/modules/household/id-number';
import { codeOf, DEMO_PASSWORD, messageKeyOf, useTestApp } from './support/harness';
import { CREATE_HOUSEHOLD, householdInput } from './support/households';

/**
 * Input refused before any SQL (issue #10, item 5): control characters in any string argument, inline
 * or in variables, and settings keys that name what every object inherits.
 */

const t = useTestApp({ seed: true });

const UPDATE = 'mutation($i: UpdateSettingInput!) { updateSetting(input: $i) { settings { districtCode } } }';

describe('control characters', () => {
  it.each([
    ['NUL', 'noticeDays\u0000'],
    ['ESC', '\u001b[31mnoticeDays'],
    ['DEL', 'notice\u007fDays'],
  ])('refuses %s in a variable as BAD_USER_INPUT naming it, before any resolver runs', async (_name, key) => {
    const result = await t.gql(UPDATE, { i: { key, value: 7 } }, await t.login('district.officer'));
    expect(result.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'i.key', messageKey: 'input.controlCharacters' });
  });

  it('refuses one in an inline argument, naming the argument', async () => {
    const result = await t.gql('{ verifyAuditChain(districtCode: "5101\\u000099000000") { ok } }', {}, await t.login('auditor'));
    expect(result.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'districtCode' });
  });

  it('lets tab, line feed and carriage return through', async () => {
    const result = await t.gql('query($v: String) { publicNotices(villageCode: $v) { maskedName } }', { v: 'a\tb\r\nc' });
    // Refused further on, by the village code's own format check.
    expect(result.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', messageKey: 'region.code.format' });
  });
});

describe('settings keys', () => {
  it.each(['hasOwnProperty', 'toString', 'constructor', '__proto__', 'valueOf'])('refuses "%s" as an unknown key', async (key) => {
    const result = await t.gql(UPDATE, { i: { key, value: 7 } }, await t.login('district.officer'));
    expect(result.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'key', messageKey: 'settings.unknown' });
  });
});

describe('names in one Unicode form (issue #10, item 2)', () => {
  // 李 + e + combining acute (decomposed é), a zero-width space, a byte-order mark, a word joiner,
  // doubled and outer spaces: it looks like "李é 娜" and must be stored, masked and compared as that.
  const PLAIN = '李\u00e9 娜';
  const HOSTILE = ' 李e\u0301\u200b \u00a0 \ufeff娜\u2060 ';

  it('stores a name NFC-normalised without invisible characters or extra spaces, and masks it like the plain name', async () => {
    const token = await t.login('va.101201');
    const created = await t.gql(CREATE_HOUSEHOLD, { input: householdInput('510199101201', HOSTILE) }, token);
    expect(created.data!.createHousehold.household.headName).toBe(PLAIN);
    const [stored] = await t.dataSource.query('SELECT name FROM persons WHERE household_id = $1', [
      Buffer.from(created.data!.createHousehold.household.id, 'base64url').toString().split(':')[2],
    ]);
    expect(stored.name).toBe(PLAIN);
    expect(maskName(stored.name)).toBe(maskName(PLAIN));
    expect(maskName(stored.name)).toBe('李**娜');
    // A search typed with the invisible characters finds it, and so does the plain one.
    for (const search of [HOSTILE, PLAIN]) {
      const found = await t.gql('query($s: String) { households(search: $s) { nodes { headName } } }', { s: search }, token);
      expect(found.data!.households.nodes).toEqual([{ headName: PLAIN }]);
    }
  });

  it('catches an ID number repeated with invisible characters in it as a duplicate', async () => {
    const input = householdInput('510199101201', '王五', [{ name: '王六', birth: '19900101', relation: 'SPOUSE' }]);
    const id = input.members[0].idNumber;
    input.members[1].idNumber = `${id.slice(0, 6)}\u200b${id.slice(6)}\u200d`;
    const result = await t.gql(CREATE_HOUSEHOLD, { input }, await t.login('va.101201'));
    expect([codeOf(result), messageKeyOf(result)]).toEqual(['BAD_USER_INPUT', 'household.members.duplicateIdNumber']);
  });

  it('refuses a name of only invisible characters and spaces as empty, naming the field', async () => {
    const result = await t.gql(
      CREATE_HOUSEHOLD,
      { input: householdInput('510199101201', '\u200b \u200c\ufeff') },
      await t.login('va.101201'),
    );
    expect(result.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'members.0.name' });
  });

  it('normalises a username but leaves a password exactly as typed', async () => {
    const LOGIN = 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }';
    const username = ' va.101202\u200b ';
    expect((await t.gql(LOGIN, { u: username, p: DEMO_PASSWORD })).data?.login.token).toEqual(expect.any(String));
    expect(codeOf(await t.gql(LOGIN, { u: username, p: `${DEMO_PASSWORD}\u200b` }))).toBe('UNAUTHENTICATED');
  });
});
