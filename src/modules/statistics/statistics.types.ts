import { Field, Int, ObjectType } from 'type-graphql';
import { DecimalScalar } from '../../graphql/scalars';
import { CaseStatus, Programme } from '../case/case.entity';

@ObjectType('CaseCount', { description: 'Cases of one programme in one state (案件数)' })
export class CaseCount {
  @Field(() => Programme, { description: 'Programme (救助类别)' }) programme: Programme;
  @Field(() => CaseStatus, { description: 'State the cases are in now (当前状态)' }) status: CaseStatus;
  @Field(() => Int, { description: 'Number of cases (件数)' }) count: number;
}

/**
 * One township's figures for one month (乡镇月度统计), P4.2, P4.3. Months are calendar months in China
 * Standard Time. Every figure is an aggregate computed in SQL over the rows the caller may read (its
 * scope on cases, case records and enrolments, within the townships its statistics grant reaches):
 * no row outside the caller's scope contributes to any figure.
 */
@ObjectType('TownshipMonthFigures', {
  description:
    "One township's figures for one month (乡镇月度统计), P4.2, P4.3; each computed in SQL over only the rows the caller may read, so no row outside the caller's scope contributes.",
})
export class TownshipMonthFigures {
  @Field({ description: 'Township code (乡镇代码)' }) townshipCode: string;
  @Field({ description: 'Month, YYYY-MM, China Standard Time (月份)' }) month: string;

  @Field(() => [CaseCount], {
    description: 'Cases applied for in the month, by programme and the state they are in now (按类别和状态分列的案件)',
  })
  cases: CaseCount[];

  @Field(() => Int, { description: 'Applications submitted in the month (申请数)' }) applications: number;
  @Field(() => Int, { description: 'Cases approved in the month (审核确认数)' }) approvals: number;
  @Field(() => Int, { description: 'Cases refused in the month, by the head or by the committee (不予确认数)' }) refusals: number;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'Approvals as a percentage of the decisions of the month (确认率, %); null without decisions',
  })
  approvalRatePercent: number | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'Refusals as a percentage of the decisions of the month (不予确认率, %); null without decisions',
  })
  refusalRatePercent: number | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description:
      'Average working days from application to the decisions of the month, weekends and district holidays not counted (平均办理工作日); null without decisions',
  })
  averageWorkingDaysToDecision: number | null;

  @Field(() => Int, { description: 'Cases whose current step fell due in the month and is overdue now (超期环节数)' }) overdueSteps: number;
  @Field(() => Int, { description: 'Spot checks recorded in the month (抽查数)' }) spotChecks: number;
  @Field(() => Int, { description: 'Spot checks of the month that ordered a correction (抽查发现问题数)' }) spotCheckCorrections: number;

  @Field(() => Int, { description: 'Recipients whose assistance starts in the month and is still active (新增在保对象)' })
  recipients: number;

  @Field(() => DecimalScalar, { description: 'The monthly amounts of those recipients, in yuan (新增在保对象月救助金额)' })
  recipientsMonthlyAmount: number;

  @Field(() => Int, {
    description: "Payees of the month's payments whose transfer the bank confirmed, of those the caller may read (已到账人数), D§10",
  })
  paidRecipients: number;

  @Field(() => DecimalScalar, {
    description: "Amount the bank confirmed for the month's payments, first transfers and re-payments, in yuan (已到账金额), D§10",
  })
  amountPaid: number;

  @Field(() => Int, {
    description: 'Petitions received in the month and not yet answered, of those the caller may read (未办结信访件数), D§12',
  })
  openPetitions: number;
}
