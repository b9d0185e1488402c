import { WorkPlanKind } from '../modules/work-plan/work-plan.entity';
import { cstDay } from '../modules/settings/working-days';
import { districtOfficerOf, type DemoStaff } from './demo-staff';

/** The township whose work plan waits for the district: the one without a delegation (D§13). */
const WAITING = '510199201000';

const HEADS: Record<string, { head: string; name: string }> = {
  '510199001000': { head: 'chengguan.head', name: '城关街道' },
  '510199101000': { head: 'hexi.head', name: '河西镇' },
  '510199102000': { head: 'shiqiao.head', name: '石桥镇' },
  '510199201000': { head: 'baiyun.head', name: '白云乡' },
  '510197103000': { head: 'longtan.head', name: '龙潭镇' },
};

/**
 * Every township's work plan for the year (P5.1), drafted and filed by its head; the district has
 * accepted those of the townships it delegates to (an accepted plan is a precondition, D§13), while
 * Baiyun's waits for it, so that accepting it and then delegating can be tried.
 */
export async function fileDemoWorkPlans(staff: DemoStaff): Promise<void> {
  const today = cstDay(new Date());
  const year = Number(today.slice(0, 4));
  for (const [townshipCode, { head, name }] of Object.entries(HEADS)) {
    const filed = await staff.as(head, async (caller, services) => {
      const drafted = await services.workPlans.draft(caller, {
        townshipCode,
        kind: WorkPlanKind.WORK_PLAN,
        year,
        title: `${name}${year}年社会救助审核确认权下放工作方案`,
        body: '成立联审联批小组，明确经办人员和村（社区）协理员，按区实施意见规范受理、调查、评议、公示和审批各环节。',
        documentDate: today,
      });
      return services.workPlans.file(caller, drafted);
    });
    if (townshipCode !== WAITING)
      await staff.as(districtOfficerOf(townshipCode), (caller, services) => services.workPlans.accept(caller, filed));
  }
}
