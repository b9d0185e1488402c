import type { TestApp } from './harness';
import { fundMonth, monthFromNow, referencesOf } from './funds';
import { idNumber } from './households';
import { accountIdOf, as } from './workflow';

const globalId = (type: string, districtCode: string, id: string) => Buffer.from(`${type}:${districtCode}:${id}`).toString('base64url');

/** The townships of the demo district that have enrolments, each with its caseworker and head. */
const PAYING_TOWNSHIPS = [
  { code: '510199101000', caseworker: 'hexi.caseworker', head: 'hexi.head' },
  { code: '510199102000', caseworker: 'shiqiao.caseworker', head: 'shiqiao.head' },
  { code: '510199001000', caseworker: 'chengguan.caseworker', head: 'chengguan.head' },
];

/**
 * The demo holds cases, households, committees and delegations in both districts, but no money and
 * few of the other personal records. For the leak hunt to find a leak of those, there must be rows of
 * them in several townships and villages and, where the API lets them be made, in the other district:
 * next month's funds cycle of three townships (rosters and their lines, the district's fund request,
 * one bank batch per township, its payments, one of them failed), bank account changes, kin
 * declarations, institution payees, a spot-check draw of the demo district, petitions (one shared with its township),
 * two periodic reviews, a change report, a development link and an audit finding. Everything is made through the API.
 */
export async function seedLeakFixtures(t: TestApp): Promise<void> {
  const month = monthFromNow(1);
  const bank = await accountIdOf(t, 'dept.bank');
  for (const township of PAYING_TOWNSHIPS) {
    const { buildRoster } = await as(
      t,
      township.caseworker,
      'mutation($i: BuildRosterInput!) { buildRoster(input: $i) { roster { id } } }',
      {
        i: { townshipCode: township.code, month },
      },
    );
    await as(t, township.head, 'mutation($i: SubmitRosterInput!) { submitRoster(input: $i) { __typename } }', {
      i: { rosterId: buildRoster.roster.id },
    });
  }
  await fundMonth(t, month);
  let failedOne = false;
  for (const township of PAYING_TOWNSHIPS) {
    const { exportPaymentBatch } = await as(
      t,
      'finance',
      'mutation($i: ExportPaymentBatchInput!) { exportPaymentBatch(input: $i) { paymentBatch { id file } } }',
      { i: { townshipCode: township.code, month, bankIntegrationId: bank, kind: 'REGULAR' } },
    );
    const { id, file } = exportPaymentBatch.paymentBatch as { id: string; file: string };
    const references = referencesOf(file);
    await as(t, 'dept.bank', 'mutation($i: RecordPaymentResultsInput!) { recordPaymentResults(input: $i) { __typename } }', {
      i: {
        batchId: id,
        results: references.map((reference) => {
          const outcome = failedOne ? 'PAID' : 'FAILED';
          failedOne = true;
          return outcome === 'FAILED' ? { reference, outcome, reason: '账户已销户 (account closed)' } : { reference, outcome };
        }),
      },
    });
  }

  const enrolled: { district_code: string; id: string; household_id: string; village_code: string; township_code: string }[] =
    await t.ownerDataSource.query(
      `SELECT district_code, id, household_id, village_code, township_code FROM enrolments ORDER BY village_code`,
    );
  const inVillage = (prefix: string) => enrolled.find((e) => e.village_code.startsWith(prefix))!;
  const hexi = inVillage('510199101');
  const shiqiao = inVillage('510199102');
  const propose = 'mutation($i: ProposeBankAccountChangeInput!) { proposeBankAccountChange(input: $i) { __typename } }';
  await as(t, `va.${hexi.village_code.slice(6)}`, propose, {
    i: { householdId: globalId('Household', hexi.district_code, hexi.household_id), bankAccount: '6228480000000000111', reason: '换卡' },
  });
  await as(t, 'shiqiao.caseworker', propose, {
    i: {
      householdId: globalId('Household', shiqiao.district_code, shiqiao.household_id),
      bankAccount: '6228480000000000222',
      reason: '换卡',
    },
  });

  const declare = 'mutation($i: DeclareKinInput!) { declareKin(input: $i) { __typename } }';
  for (const [n, username] of ['hexi.caseworker', 'va.101201', 'longtan.caseworker', 'shiqiao.head'].entries()) {
    await as(t, username, declare, { i: { name: '李亲属', idNumber: idNumber('19800101', 900 + n), relation: 'SIBLING' } });
  }

  const payee = 'mutation($i: CreateInstitutionPayeeInput!) { createInstitutionPayee(input: $i) { __typename } }';
  for (const [username, townshipCode] of [
    ['hexi.caseworker', '510199101000'],
    ['district.officer', '510199102000'],
    ['longtan.caseworker', '510197103000'],
  ]) {
    await as(t, username, payee, {
      i: { townshipCode, name: `敬老院 ${townshipCode}`, bankName: '农业银行', bankAccount: '6228480000000000333' },
    });
  }

  // The other district has no filed case to draw from.
  await as(t, 'district.officer', 'mutation($i: DrawSpotCheckSampleInput!) { drawSpotCheckSample(input: $i) { __typename } }', { i: {} });

  const petition = 'mutation($i: SubmitPetitionInput!) { submitPetition(input: $i) { __typename } }';
  await as(t, 'shiqiao.caseworker', petition, {
    i: {
      kind: 'COMPLAINT',
      title: '发放延迟',
      content: '本月未到账',
      townshipCode: '510199102000',
      residentName: '赵四',
      residentContact: '13700000001',
    },
  });
  await as(t, 'longtan.caseworker', petition, {
    i: {
      kind: 'COMPLAINT',
      title: '公示异议',
      content: '情况不实',
      townshipCode: '510197103000',
      residentName: '钱五',
      residentContact: '13700000002',
    },
  });
  const shiqiaoPetition: { district_code: string; id: string }[] = await t.ownerDataSource.query(
    `SELECT district_code, id FROM petitions WHERE township_code = '510199102000'`,
  );
  await as(t, 'district.officer', 'mutation($i: SharePetitionInput!) { sharePetition(input: $i) { __typename } }', {
    i: { petitionId: globalId('Petition', shiqiaoPetition[0].district_code, shiqiaoPetition[0].id) },
  });

  await as(
    t,
    `va.${hexi.village_code.slice(6)}`,
    'mutation($i: RecordChangeReportInput!) { recordChangeReport(input: $i) { __typename } }',
    {
      i: { enrolmentId: globalId('Enrolment', hexi.district_code, hexi.id), content: '家庭成员外出务工', reportedOn: '2026-11-01' },
    },
  );
  const review = 'mutation($i: RecordReviewOutcomeInput!) { recordReviewOutcome(input: $i) { __typename } }';
  for (const [username, enrolment] of [
    ['hexi.caseworker', hexi],
    ['shiqiao.caseworker', shiqiao],
  ] as const) {
    await as(t, username, review, {
      i: { enrolmentId: globalId('Enrolment', enrolment.district_code, enrolment.id), outcome: 'KEEP', reasons: '情况未变 (unchanged)' },
    });
  }
  await as(t, 'auditor', 'mutation($i: RecordAuditFindingInput!) { recordAuditFinding(input: $i) { __typename } }', {
    i: { severity: 'OBSERVATION', title: '发放核对', body: '抽查无异常', townshipCode: '510199101000' },
  });
  const rural: { district_code: string; id: string }[] = await t.ownerDataSource.query(
    `SELECT e.district_code, e.id FROM enrolments e JOIN households h ON h.district_code = e.district_code AND h.id = e.household_id
     WHERE e.programme = 'DIBAO' AND h.residence = 'RURAL' AND h.has_member_able_to_work AND e.status = 'ACTIVE' LIMIT 1`,
  );
  if (rural.length > 0) {
    await as(t, 'poverty', 'mutation($i: LinkDevelopmentSupportInput!) { linkDevelopmentSupport(input: $i) { __typename } }', {
      i: { enrolmentId: globalId('Enrolment', rural[0].district_code, rural[0].id), measure: '公益岗位' },
    });
  }
}
