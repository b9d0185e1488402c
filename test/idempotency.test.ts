import { codeOf, messageKeyOf, useTestApp } from './support/harness';
import { apply, as, stepOk } from './support/workflow';

/** Issue 10 item 8: an integration that lost a response retries with its idempotency key and gets
 * the first answer; nothing is written twice. */
const t = useTestApp();
let requestId: string;
beforeAll(async () => {
  const { case: applied } = await apply(t, 'DIBAO', { head: '幂等' });
  await stepOk(t, 'hexi.caseworker', 'acceptCase', applied.id);
  await stepOk(t, 'hexi.caseworker', 'startInvestigation', applied.id);
  [{ id: requestId }] = (
    await as(t, 'district.officer', 'query($c: ID!) { verificationRequests(caseId: $c) { nodes { id } } }', { c: applied.id })
  ).verificationRequests.nodes;
  await as(
    t,
    'district.officer',
    'mutation($r: ID!) { approveVerificationRequest(input: { requestId: $r }) { verificationRequest { status } } }',
    {
      r: requestId,
    },
  );
});

const ANSWER = 'mutation($i: AnswerVerificationInput!) { answerVerification(input: $i) { verificationAnswer { id findings answeredAt } } }';

/** The department's own integration key (D§14) and the answer addressed to it. */
async function integration(department: string) {
  const { secret } = (await as(t, department, 'mutation { createApiKey(input: { name: "核对接口" }) { secret } }')).createApiKey;
  const [answer] = (
    await as(t, department, 'query($r: ID!) { verificationAnswers(pending: true, requestId: $r) { nodes { id } } }', { r: requestId })
  ).verificationAnswers.nodes;
  return { key: secret as string, answerId: answer.id as string };
}

const changesOf = async (answerGlobalId: string) => {
  const id = Buffer.from(answerGlobalId, 'base64url').toString().split(':')[2];
  const [{ n }] = await t.dataSource.query(
    `SELECT count(*)::int AS n FROM audit_log WHERE subject_id = $1 AND action = 'answerVerification' AND kind = 'CHANGE'`,
    [id],
  );
  return n as number;
};

describe('an integration mutation with an idempotency key', () => {
  it('answers a retry with the first answer and writes once; the same key with other findings is refused', async () => {
    const { key, answerId } = await integration('dept.tax');
    const input = { answerId, findings: '无纳税记录 (no tax record)', idempotencyKey: 'tax-2026-11-28-0001' };
    const first = await t.gql(ANSWER, { i: input }, key);
    expect(first.errors).toBeUndefined();
    const retry = await t.gql(ANSWER, { i: input }, key);
    expect(retry.errors).toBeUndefined();
    expect(retry.data).toEqual(first.data);
    expect(await changesOf(answerId)).toBe(1);

    const other = await t.gql(ANSWER, { i: { ...input, findings: '有纳税记录 (a tax record)' } }, key);
    expect(codeOf(other)).toBe('BAD_USER_INPUT');
    expect(other.errors![0].extensions).toMatchObject({ field: 'idempotencyKey', messageKey: 'idempotency.key.reused' });
    // Without a key the same request is a second answer, which the service refuses.
    const { idempotencyKey: _, ...unkeyed } = input;
    expect(messageKeyOf(await t.gql(ANSWER, { i: unkeyed }, key))).toBe('verification.answer.already');
    expect(await changesOf(answerId)).toBe(1);
  });

  it('writes once when ten retries arrive together: each is the first answer or told that it is still running', async () => {
    const { key, answerId } = await integration('dept.hrss');
    const input = { answerId, findings: '无社保缴费记录 (no contributions)', idempotencyKey: 'hrss-simultaneous-01' };
    const results = await Promise.all(Array.from({ length: 10 }, () => t.gql(ANSWER, { i: input }, key)));
    const answered = results.filter((r) => !r.errors);
    expect(answered.length).toBeGreaterThanOrEqual(1);
    for (const r of answered) expect(r.data).toEqual(answered[0].data);
    for (const r of results.filter((r) => r.errors)) expect(messageKeyOf(r)).toBe('idempotency.key.inFlight');
    expect(await changesOf(answerId)).toBe(1);
  });

  it("frees a key whose request was refused, and keeps each caller's keys apart", async () => {
    const { key, answerId } = await integration('dept.police');
    const idempotencyKey = 'shared-key-000001';
    const refused = await t.gql(ANSWER, { i: { answerId, findings: ' ', idempotencyKey } }, key);
    expect(codeOf(refused)).toBe('BAD_USER_INPUT');
    const corrected = await t.gql(ANSWER, { i: { answerId, findings: '无车辆登记 (no vehicle)', idempotencyKey } }, key);
    expect(corrected.errors).toBeUndefined();
    // Another department's key of the same spelling is its own.
    const market = await integration('dept.market');
    const theirs = await t.gql(
      ANSWER,
      { i: { answerId: market.answerId, findings: '无工商登记 (no business)', idempotencyKey } },
      market.key,
    );
    expect(theirs.errors).toBeUndefined();
    expect(theirs.data!.answerVerification.verificationAnswer.id).toBe(market.answerId);
  });

  it('refuses a malformed key before anything is written', async () => {
    const { key, answerId } = await integration('dept.bank');
    const result = await t.gql(ANSWER, { i: { answerId, findings: '无存款 (no deposits)', idempotencyKey: 'short' } }, key);
    expect(result.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'idempotencyKey',
      messageKey: 'idempotency.key.invalid',
    });
    expect(await changesOf(answerId)).toBe(0);
  });
});
