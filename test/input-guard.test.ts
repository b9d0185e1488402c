import { startTestApp, TestApp } from './support/harness';

/**
 * Input refused before any SQL (issue #10, item 5): control characters in any string argument, inline
 * or in variables, and settings keys that name what every object inherits.
 */

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ seed: true });
});
afterAll(() => t.close());

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
