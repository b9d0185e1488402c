import fs from 'node:fs';
import path from 'node:path';
import { ApolloServerErrorCode } from '@apollo/server/errors';
import { GraphQLEnumType, GraphQLError, GraphQLFormattedError } from 'graphql';
import { ArgumentValidationError } from 'type-graphql';
import { createErrorFormatter, DomainError, ERROR_CODE_MEANINGS, ErrorCode, notFound, unmet } from '../src/errors';
import { languageOf } from '../src/i18n/language';
import { withScope } from '../src/async-scope';
import { message } from '../src/i18n/message';
import { messages } from '../src/i18n/messages';
import { buildAppSchema } from '../src/graphql/schema';
import { createLogger } from '../src/logger';
import { useTestApp } from './support/harness';
import { apply, setHexiCommittee } from './support/workflow';

const CLAUSE = /\b(P\d(\.\d)?|D§\d+)\b/;
const placeholders = (template: string) => [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the language of an answer', () => {
  it.each([
    [undefined, 'zh'],
    ['zh-CN', 'zh'],
    ['en', 'en'],
    ['en-US,en;q=0.9', 'en'],
    ['EN-gb', 'en'],
    ['zh-CN,zh;q=0.9,en;q=0.8', 'zh'],
    ['en;q=0.1, zh;q=0.9', 'zh'],
    ['fr, en;q=0.5', 'en'],
    ['fr', 'zh'],
    ['*', 'zh'],
    ['en;q=0', 'zh'],
    ['en;q=abc', 'zh'],
  ])('for Accept-Language %j is %s', (header, language) => {
    expect(languageOf(header)).toBe(language);
  });
});

describe('the message catalogue', () => {
  const entries = Object.entries(messages) as [string, { zh: string; en: string; clause?: string }][];

  it('has every message in Chinese and English, with the same params, and no clause id in the sentence', () => {
    const faults: string[] = [];
    for (const [key, { zh, en, clause }] of entries) {
      if (!/^[a-z][a-zA-Z]*(\.[a-z][a-zA-Z]*)+$/.test(key)) faults.push(`${key}: not a dotted key`);
      if (!en.trim() || !zh.trim()) faults.push(`${key}: a language is empty`);
      const zhWords = zh.replace(/\{\w+\}/g, '');
      if (zhWords && !/[\u4e00-\u9fff]/.test(zhWords)) faults.push(`${key}: zh is not Chinese`);
      if (placeholders(zh).join() !== placeholders(en).join()) faults.push(`${key}: params differ between zh and en`);
      if (CLAUSE.test(zh) || CLAUSE.test(en)) faults.push(`${key}: a clause id in the sentence`);
      if (clause !== undefined && !/^(P\d(\.\d)?|D§\d+)(, (P\d(\.\d)?|D§\d+))*$/.test(clause)) faults.push(`${key}: clause ${clause}`);
    }
    expect(faults).toEqual([]);
  });

  it('has no key that no code uses (the compiler checks the other way: every key used is in the catalogue)', () => {
    const root = path.join(__dirname, '..');
    const sources: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(file);
        else if (file.endsWith('.ts') && !file.endsWith(path.join('i18n', 'messages.ts'))) sources.push(fs.readFileSync(file, 'utf8'));
      }
    };
    walk(path.join(root, 'src'));
    walk(path.join(root, 'permissions'));
    const code = sources.join('\n');
    expect(entries.map(([key]) => key).filter((key) => !code.includes(`'${key}'`))).toEqual([]);
  });
});

describe('error codes', () => {
  it('include every code Apollo Server answers with', () => {
    expect(Object.values(ErrorCode)).toEqual(expect.arrayContaining(Object.values(ApolloServerErrorCode)));
  });

  it("are the schema's ErrorCode enum, each value described in both languages", async () => {
    const enumType = (await buildAppSchema()).getType('ErrorCode') as GraphQLEnumType;
    expect(
      enumType
        .getValues()
        .map((v) => v.name)
        .sort(),
    ).toEqual(Object.values(ErrorCode).sort());
    for (const value of enumType.getValues()) expect(value.description).toMatch(/[a-z].*\n.*[\u4e00-\u9fff]/s);
  });

  it("are each listed in the README's error section with their meaning", () => {
    const readme = fs.readFileSync(path.join(__dirname, '..', 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('\n## Errors'), readme.indexOf('\n## ', readme.indexOf('\n## Errors') + 1));
    const rows = section
      .split('\n')
      .filter((line) => /^\| `[A-Z_]+` \|/.test(line))
      .map((line) => line.split(' | ').map((cell) => cell.replace(/^\| |`| \|$/g, '')));
    expect(rows).toEqual(
      Object.values(ErrorCode).map((code) => [
        code,
        ERROR_CODE_MEANINGS[code].en.replace(/`/g, ''),
        ERROR_CODE_MEANINGS[code].zh.replace(/`/g, ''),
      ]),
    );
  });

  it('are all the formatter ever answers with, each error with a message key, whatever it is handed', () => {
    const format = createErrorFormatter(createLogger('silent'), false);
    const inResolver = (original: Error) => new GraphQLError(original.message, { path: ['field'], originalError: original });
    const handed: GraphQLError[] = [
      inResolver(notFound('case.notFound')),
      inResolver(unmet(message('case.transition.unmet.incomeAccounted'))),
      inResolver(new ArgumentValidationError([{ property: 'name', constraints: { isLength: 'name is too long' }, children: [] }])),
      inResolver(Object.assign(new Error('duplicate key'), { code: '23505', detail: 'Key (id)=(1) already exists.' })),
      inResolver(new Error('a bug')),
      new GraphQLError('Syntax Error: Unexpected <EOF>.', { extensions: { code: 'GRAPHQL_PARSE_FAILED' } }),
      new GraphQLError('Cannot query field "x" on type "Query".', { extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }),
      new GraphQLError('Something a plugin made up.', { extensions: { code: 'MADE_UP' } }),
    ];
    const answers = handed.map((error) =>
      format({ message: error.message, extensions: { code: error.extensions.code ?? 'INTERNAL_SERVER_ERROR' } }, error),
    );
    expect(answers.map((a) => a.extensions!.code)).toEqual([
      'NOT_FOUND',
      'INVALID_TRANSITION',
      'BAD_USER_INPUT',
      'CONFLICT',
      'INTERNAL_SERVER_ERROR',
      'GRAPHQL_PARSE_FAILED',
      'GRAPHQL_VALIDATION_FAILED',
      'INTERNAL_SERVER_ERROR',
    ]);
    for (const answer of answers) expect(Object.keys(messages)).toContain(answer.extensions!.messageKey);
    // Production hides what went wrong inside; the message still says what happened, in Chinese by default.
    expect(answers[4]).toEqual({
      message: '服务器内部错误，已记录日志，请稍后再试。',
      extensions: { code: 'INTERNAL_SERVER_ERROR', messageKey: 'internal.error', params: {} },
    });
  });

  it('are rendered in the language of the request being served', () => {
    const format = createErrorFormatter(createLogger('silent'), false);
    const error = new GraphQLError('x', { path: ['case'], originalError: new DomainError(ErrorCode.NOT_FOUND, message('case.notFound')) });
    const answer = (): GraphQLFormattedError => format({ message: 'x', extensions: {} }, error);
    expect(answer().message).toBe('未找到该案件。');
    expect(withScope({ language: 'en' }, answer).message).toBe('Case not found.');
  });
});

describe('errors over HTTP', () => {
  const t = useTestApp();

  it('a refusal speaks Chinese by default and English when asked, with the same key', async () => {
    const token = await t.login('va.101201');
    const chinese = await t.gql('{ auditLog { nodes { id } } }', {}, token);
    const english = await t.gql('{ auditLog { nodes { id } } }', {}, token, { 'accept-language': 'en-US,en;q=0.9' });
    expect(chinese.errors![0].message).toBe('您的角色均未获准对 AuditEntry 执行 read（未授权即拒绝）。');
    expect(english.errors![0].message).toBe('No role of yours is granted read on AuditEntry (deny by default).');
    for (const [result, language] of [
      [chinese, 'zh'],
      [english, 'en'],
    ] as const) {
      expect(result.errors![0].extensions).toMatchObject({
        code: 'FORBIDDEN',
        messageKey: 'permission.denied.noGrant',
        params: { action: 'read', subject: 'AuditEntry' },
      });
      expect(result.response.headers['content-language']).toBe(language);
    }
  });

  it("a refusal by a policy row gives the row's reason in the request's language, citing its clause outside the sentence", async () => {
    // Hexi holds the delegations once its committee is valid: the district's decision is refused by P1.
    await setHexiCommittee(t);
    const { case: applied } = await apply(t, 'DIBAO', { head: '双语' });
    const approve = 'mutation($id: ID!, $v: Int!) { approveCase(input: { caseId: $id, version: $v }) { case { status } } }';
    const token = await t.login('district.officer');
    const chinese = await t.gql(approve, { id: applied.id, v: applied.version }, token);
    const english = await t.gql(approve, { id: applied.id, v: applied.version }, token, { 'accept-language': 'en-US,en;q=0.9' });
    expect(chinese.errors![0].message).toBe('审核确认与监督管理相分离：区民政只监督，不对已下放乡镇（街道）的案件作出确认或不予确认。');
    expect(english.errors![0].message).toBe(
      "Approval and supervision are separate: the district supervises and never approves or refuses a delegated township's case.",
    );
    for (const result of [chinese, english]) {
      expect(result.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', messageKey: 'permission.denied.rule', clause: 'P1' });
    }
  });

  it('answers in Chinese for zh-CN and for languages it does not speak', async () => {
    for (const header of ['zh-CN', 'fr-FR', '*']) {
      const result = await t.gql('{ auditLog { nodes { id } } }', {}, await t.login('va.101201'), { 'accept-language': header });
      expect([header, result.errors![0].message]).toEqual([header, '您的角色均未获准对 AuditEntry 执行 read（未授权即拒绝）。']);
    }
  });

  it("gives Apollo's own errors a key and the request's language too", async () => {
    const parse = await t.gql('{', {});
    expect(parse.errors![0].extensions).toMatchObject({ code: 'GRAPHQL_PARSE_FAILED', messageKey: 'request.parseFailed' });
    expect(parse.errors![0].message).toMatch(/^查询语句无法解析：Syntax Error/);
    const invalid = await t.gql('{ noSuchField }', {}, undefined, { 'accept-language': 'en' });
    expect(invalid.errors![0].extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', messageKey: 'request.validationFailed' });
    expect(invalid.errors![0].message).toMatch(/^The query does not match the schema: Cannot query field "noSuchField"/);
    const variables = await t.gql('query($id: ID!) { node(id: $id) { id } }', {});
    expect(variables.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', messageKey: 'request.badVariables' });
    const empty = await t.http().post('/graphql').set('content-type', 'application/json').send({});
    expect(empty.status).toBe(400);
    expect(empty.body.errors[0].extensions).toMatchObject({ code: 'BAD_REQUEST', messageKey: 'request.badRequest' });
    const badHeader = await t
      .http()
      .post('/graphql')
      .set('content-type', 'application/json')
      .set('authorization', 'Basic x')
      .send({ query: '{ me { id } }' });
    expect(badHeader.status).toBe(401);
    expect(badHeader.body.errors[0]).toMatchObject({
      message: 'Authorization 请求头的格式应为 "Bearer <令牌或接口密钥>"。',
      extensions: { code: 'UNAUTHENTICATED', messageKey: 'auth.header.malformed' },
    });
  });

  it("carries the request's own id in every error, the one in the x-request-id header (issue #15)", async () => {
    const answers = [
      (await t.gql('{ auditLog { nodes { id } } }', {}, await t.login('va.101201'))).response,
      (await t.gql('{', {})).response,
      await t
        .http()
        .post('/graphql')
        .set('content-type', 'application/json')
        .set('authorization', 'Basic x')
        .send({ query: '{ me { id } }' }),
      await t.http().post('/graphql').set('content-type', 'application/json').send('{"query": '),
      await t.http().get('/no-such-path'),
    ];
    for (const answer of answers) {
      expect(answer.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
      expect(answer.body.errors.map((error: { extensions: { requestId: string } }) => error.extensions.requestId)).toEqual(
        answer.body.errors.map(() => answer.headers['x-request-id']),
      );
    }
  });

  it('lists every error code with its meaning in both languages, to anyone', async () => {
    const result = await t.gql('{ errorCodes { code zh en } }');
    const listed = result.data!.errorCodes as { code: string; zh: string; en: string }[];
    expect(listed.map((c) => c.code).sort()).toEqual(Object.values(ErrorCode).sort());
    for (const { zh, en } of listed) {
      expect(zh).toMatch(/[\u4e00-\u9fff]/);
      expect(en).toMatch(/^[A-Z]/);
    }
  });
});
