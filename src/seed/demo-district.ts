import type { DataSource } from 'typeorm';
import { Department, Role } from '../../permissions/roles';
import { hashPassword } from '../auth/passwords';
import { Region, RegionKind } from '../modules/region/region.entity';
import { isProvinceCode, levelOfCodeOrThrow, parentCodeOf, provinceCodeOf, RegionLevel, scopeCodesOf } from '../modules/region/region-code';
import { Account } from '../modules/account/account.entity';
import { seedGrants } from '../modules/account/role-grant.records';
import { underStartupLock } from '../db/startup-lock';
import { DemoStaff } from './demo-staff';
import { delegateDemoTownships, formDemoCommittees, seedDemoCases, seedQingshanCases } from './demo-cases';
import { fileDemoWorkPlans } from './demo-work-plans';
import { seedDemoCalendar } from './demo-calendar';
import { insertDefaultCatalogues } from '../modules/settings/catalogues';

/** A fictional district (云溪区) for trying the system; codes follow the statistical pattern. */
export const DEMO_DISTRICT = '510199000000';
/** A second, small district of the same province (青山区), so that tenants can be compared (D§1). */
export const SECOND_DISTRICT = '510197000000';
/** The province of both (D§1): home of the province operators, who create districts and see into none. */
export const DEMO_PROVINCE = '510000000000';

export const DEMO_REGIONS: { code: string; name: string; kind: RegionKind; population: number }[] = [
  { code: '510199000000', name: 'Yunxi District 云溪区', kind: RegionKind.DISTRICT, population: 113500 },
  { code: '510199001000', name: 'Chengguan Street 城关街道', kind: RegionKind.STREET_OFFICE, population: 42000 },
  { code: '510199001001', name: 'Dongmen Community 东门社区', kind: RegionKind.COMMUNITY, population: 11200 },
  { code: '510199001002', name: 'Ximen Community 西门社区', kind: RegionKind.COMMUNITY, population: 10400 },
  { code: '510199001003', name: 'Nanjie Community 南街社区', kind: RegionKind.COMMUNITY, population: 9800 },
  { code: '510199001004', name: 'Beiyuan Community 北苑社区', kind: RegionKind.COMMUNITY, population: 10600 },
  { code: '510199101000', name: 'Hexi Town 河西镇', kind: RegionKind.TOWNSHIP, population: 28000 },
  { code: '510199101201', name: 'Liujia Village 刘家村', kind: RegionKind.VILLAGE, population: 6900 },
  { code: '510199101202', name: 'Zhangwan Village 张湾村', kind: RegionKind.VILLAGE, population: 7400 },
  { code: '510199101203', name: 'Taoyuan Village 桃园村', kind: RegionKind.VILLAGE, population: 6500 },
  { code: '510199101204', name: 'Shuikou Village 水口村', kind: RegionKind.VILLAGE, population: 7200 },
  { code: '510199102000', name: 'Shiqiao Town 石桥镇', kind: RegionKind.TOWNSHIP, population: 31500 },
  { code: '510199102201', name: 'Qianjin Village 前进村', kind: RegionKind.VILLAGE, population: 8300 },
  { code: '510199102202', name: 'Hongqi Village 红旗村', kind: RegionKind.VILLAGE, population: 7600 },
  { code: '510199102203', name: 'Songlin Village 松林村', kind: RegionKind.VILLAGE, population: 7700 },
  { code: '510199102204', name: 'Dahe Village 大河村', kind: RegionKind.VILLAGE, population: 7900 },
  { code: '510199201000', name: 'Baiyun Township 白云乡', kind: RegionKind.TOWNSHIP, population: 12000 },
  { code: '510199201201', name: 'Shangba Village 上坝村', kind: RegionKind.VILLAGE, population: 3100 },
  { code: '510199201202', name: 'Xiaba Village 下坝村', kind: RegionKind.VILLAGE, population: 2900 },
  { code: '510199201203', name: 'Yunding Village 云顶村', kind: RegionKind.VILLAGE, population: 2800 },
  { code: '510199201204', name: 'Songshu Village 松树村', kind: RegionKind.VILLAGE, population: 3200 },
  { code: '510197000000', name: 'Qingshan District 青山区', kind: RegionKind.DISTRICT, population: 15300 },
  { code: '510197103000', name: 'Longtan Town 龙潭镇', kind: RegionKind.TOWNSHIP, population: 15300 },
  { code: '510197103201', name: 'Shangwan Village 上湾村', kind: RegionKind.VILLAGE, population: 5200 },
  { code: '510197103202', name: 'Xiawan Village 下湾村', kind: RegionKind.VILLAGE, population: 4900 },
  { code: '510197103203', name: 'Qinggang Village 青岗村', kind: RegionKind.VILLAGE, population: 5200 },
  // The province's own row: where its operators' accounts live; no district's register lists it.
  { code: '510000000000', name: 'Sichuan Province 四川省', kind: RegionKind.PROVINCE, population: 0 },
];

export interface DemoAccount {
  username: string;
  displayName: string;
  regionCode: string;
  roles: Role[];
  departmentCode?: Department;
}

const district = (
  username: string,
  displayName: string,
  role: Role,
  departmentCode?: Department,
  regionCode = DEMO_DISTRICT,
): DemoAccount => ({
  username,
  displayName,
  regionCode,
  roles: [role],
  departmentCode,
});

const VILLAGE_ASSISTANTS: DemoAccount[] = DEMO_REGIONS.filter((r) => r.kind === RegionKind.VILLAGE || r.kind === RegionKind.COMMUNITY).map(
  (r) => ({
    username: `va.${r.code.slice(6)}`,
    displayName: `Assistant of ${r.name.split(' ').slice(0, -1).join(' ')}`,
    regionCode: r.code,
    roles: [Role.VILLAGE_ASSISTANT],
  }),
);

/**
 * A township's head (who chairs its committee), its caseworkers by surname, and the four seats of
 * its committee besides the head; usernames `<prefix>.<name>`. The second caseworker sits on the
 * committee too. A street's assigned cadre comes from a community, a town's from a village.
 */
const township = (
  prefix: string,
  regionCode: string,
  headName: string,
  caseworkers: string[],
  cadreFrom: 'village' | 'community' = 'village',
): DemoAccount[] => {
  const town = prefix[0].toUpperCase() + prefix.slice(1);
  const account = (name: string, displayName: string, roles: Role[]): DemoAccount => ({
    username: `${prefix}.${name}`,
    displayName,
    regionCode,
    roles,
  });
  return [
    account('head', headName, [Role.TOWNSHIP_HEAD, Role.COMMITTEE_MEMBER]),
    ...caseworkers.map((surname, i) =>
      account(
        i === 0 ? 'caseworker' : `caseworker${i + 1}`,
        `${town} caseworker ${surname}`,
        i === 1 ? [Role.TOWNSHIP_CASEWORKER, Role.COMMITTEE_MEMBER] : [Role.TOWNSHIP_CASEWORKER],
      ),
    ),
    ...['discipline inspection', 'finance office', 'poverty alleviation', `${cadreFrom}-assigned cadre`].map((seat, i) =>
      account(`member${i + 1}`, `${town} ${seat}`, [Role.COMMITTEE_MEMBER]),
    ),
  ];
};

/**
 * One account for every role, in more than one township and village so that scope can be tried.
 * Every township has two caseworkers at least (an investigation needs two investigators, D§3) and
 * the members of a valid committee (D§4). Civil-affairs staff (the caseworkers) follow D§11 — 3 up
 * to 30,000 residents, one more per further full 10,000 — except in Baiyun, deliberately short.
 * Usernames are relied on by outside tools through the README: add, never rename.
 */
export const DEMO_ACCOUNTS: DemoAccount[] = [
  district('admin', 'District administrator', Role.ADMIN),
  district('district.officer', 'District civil-affairs officer', Role.DISTRICT_OFFICER),
  district('finance', 'Finance bureau officer', Role.FINANCE_OFFICER),
  district('auditor', 'Audit bureau auditor', Role.AUDITOR),
  district('poverty', 'Poverty-alleviation officer', Role.POVERTY_OFFICER),
  district('dept.police', 'Public security integration', Role.DEPARTMENT, Department.PUBLIC_SECURITY),
  district('dept.tax', 'Tax bureau integration', Role.DEPARTMENT, Department.TAX),
  district('dept.hrss', 'HR and social security integration', Role.DEPARTMENT, Department.HR_SOCIAL_SECURITY),
  district('dept.market', 'Market regulation integration', Role.DEPARTMENT, Department.MARKET_REGULATION),
  district('dept.bank', 'Banking integration', Role.DEPARTMENT, Department.BANK),
  ...township('hexi', '510199101000', 'Head of Hexi Town', ['Wang', 'Li', 'Chen']),
  ...township('shiqiao', '510199102000', 'Head of Shiqiao Town', ['Zhao', 'Sun', 'Xu']),
  ...township('chengguan', '510199001000', 'Director of Chengguan Street', ['Zhou', 'Qian', 'Feng', 'Han'], 'community'),
  // Baiyun is the township kept short of staff: two caseworkers where D§11 requires three.
  ...township('baiyun', '510199201000', 'Head of Baiyun Township', ['Wu', 'Ma']),
  ...VILLAGE_ASSISTANTS.filter((a) => a.regionCode.startsWith('510199')),
  // Qingshan, the second district: its own officer and staff, none of whom reach into Yunxi (D§1).
  district('qingshan.admin', 'Qingshan administrator', Role.ADMIN, undefined, SECOND_DISTRICT),
  district('qingshan.officer', 'Qingshan civil-affairs officer', Role.DISTRICT_OFFICER, undefined, SECOND_DISTRICT),
  ...township('longtan', '510197103000', 'Head of Longtan Town', ['Deng', 'Tang', 'Yang']),
  ...VILLAGE_ASSISTANTS.filter((a) => a.regionCode.startsWith('510197')),
  // Province operators are seeded (a system act, like every demo account): two, because a district
  // takes two of them (D§14). Nobody grants PROVINCE_OPERATOR through the API.
  district('province.operator', 'Province operator Zhou', Role.PROVINCE_OPERATOR, undefined, DEMO_PROVINCE),
  district('province.operator2', 'Province operator Lin', Role.PROVINCE_OPERATOR, undefined, DEMO_PROVINCE),
];

/** Writes regions and accounts of a list; used by the demo seed and by test fixtures. */
export async function insertRegionsAndAccounts(
  dataSource: DataSource,
  regions: typeof DEMO_REGIONS,
  accounts: DemoAccount[],
  password: string,
): Promise<void> {
  const hashes = await Promise.all(accounts.map(() => hashPassword(password)));
  await dataSource.transaction(async (manager) => {
    // Parents first: codes sort district → township → village within one district.
    for (const region of [...regions].sort((a, b) => levelRank(a.code) - levelRank(b.code) || a.code.localeCompare(b.code))) {
      await manager.insert(Region, {
        ...region,
        level: levelOf(region.code),
        parentCode: isProvinceCode(region.code) ? null : parentCodeOf(region.code),
        provinceCode: provinceCodeOf(region.code),
        ...scopeCodesOf(region.code),
      });
      if (levelOf(region.code) === RegionLevel.DISTRICT) await insertDefaultCatalogues(manager, region.code);
    }
    for (const [i, demo] of accounts.entries()) {
      const account = await manager.save(
        Object.assign(new Account(), {
          username: demo.username,
          displayName: demo.displayName,
          passwordHash: hashes[i],
          regionCode: demo.regionCode,
          ...scopeCodesOf(demo.regionCode),
          departmentCode: demo.departmentCode ?? null,
          active: true,
        }),
      );
      await seedGrants(manager, account, demo.roles);
    }
  });
}

const levelOf = (code: string) => (isProvinceCode(code) ? RegionLevel.PROVINCE : levelOfCodeOrThrow(code));
const levelRank = (code: string) => ['PROVINCE', 'DISTRICT', 'TOWNSHIP', 'VILLAGE'].indexOf(levelOf(code));

/** Seeds the demo district when the database has no regions yet; returns whether it did. */
export function seedDemoDistrictIfEmpty(dataSource: DataSource, password: string): Promise<boolean> {
  // Replicas starting together on an empty database: one seeds, the others then find regions.
  return underStartupLock(dataSource, async () => {
    const [{ count }]: { count: number }[] = await dataSource.query('SELECT count(*)::int AS count FROM regions');
    if (count > 0) return false;
    await insertRegionsAndAccounts(dataSource, DEMO_REGIONS, DEMO_ACCOUNTS, password);
    const staff = await DemoStaff.load(dataSource);
    await seedDemoCalendar(staff);
    await formDemoCommittees(staff);
    await fileDemoWorkPlans(staff);
    await delegateDemoTownships(staff);
    await seedDemoCases(staff);
    await seedQingshanCases(staff);
    return true;
  });
}
