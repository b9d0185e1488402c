import type { DataSource, EntityManager } from 'typeorm';
import { Committee, CommitteeFunction, CommitteeMember } from '../modules/committee/committee.entity';
import { Household, LabourCapacity, Person, Relation } from '../modules/household/household.entity';
import { idNumberCheckChar } from '../modules/household/id-number';
import { Case, CaseEvent, CaseStatus, Channel, Programme } from '../modules/case/case.entity';
import { decisionDueAtFor } from '../modules/case/deadlines';
import { defaultSettings } from '../modules/settings/settings-definitions';
import { Department, Role } from '../../permissions/roles';
import { hashPassword } from '../auth/passwords';
import { Region, RegionKind } from '../modules/region/region.entity';
import { levelOfCodeOrThrow, parentCodeOf, scopeCodesOf } from '../modules/region/region-code';
import { Account, RoleAssignment } from '../modules/account/account.entity';

/** A fictional district (云溪区) for trying the system; codes follow the statistical pattern. */
export const DEMO_DISTRICT = '510199000000';

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
];

export interface DemoAccount {
  username: string;
  displayName: string;
  regionCode: string;
  roles: Role[];
  departmentCode?: Department;
}

const district = (username: string, displayName: string, role: Role, departmentCode?: Department): DemoAccount =>
  ({ username, displayName, regionCode: DEMO_DISTRICT, roles: [role], departmentCode });

const VILLAGE_ASSISTANTS: DemoAccount[] = DEMO_REGIONS
  .filter((r) => r.kind === RegionKind.VILLAGE || r.kind === RegionKind.COMMUNITY)
  .map((r) => ({
    username: `va.${r.code.slice(6)}`,
    displayName: `Assistant of ${r.name.split(' ').slice(0, -1).join(' ')}`,
    regionCode: r.code,
    roles: [Role.VILLAGE_ASSISTANT],
  }));

/** One account for every role, in more than one township and village so that scope can be tried. */
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
  { username: 'hexi.head', displayName: 'Head of Hexi Town', regionCode: '510199101000', roles: [Role.TOWNSHIP_HEAD, Role.COMMITTEE_MEMBER] },
  { username: 'hexi.caseworker', displayName: 'Hexi caseworker Wang', regionCode: '510199101000', roles: [Role.TOWNSHIP_CASEWORKER] },
  { username: 'hexi.caseworker2', displayName: 'Hexi caseworker Li', regionCode: '510199101000', roles: [Role.TOWNSHIP_CASEWORKER, Role.COMMITTEE_MEMBER] },
  { username: 'hexi.member1', displayName: 'Hexi discipline inspection', regionCode: '510199101000', roles: [Role.COMMITTEE_MEMBER] },
  { username: 'hexi.member2', displayName: 'Hexi finance office', regionCode: '510199101000', roles: [Role.COMMITTEE_MEMBER] },
  { username: 'hexi.member3', displayName: 'Hexi poverty alleviation', regionCode: '510199101000', roles: [Role.COMMITTEE_MEMBER] },
  { username: 'shiqiao.head', displayName: 'Head of Shiqiao Town', regionCode: '510199102000', roles: [Role.TOWNSHIP_HEAD, Role.COMMITTEE_MEMBER] },
  { username: 'shiqiao.caseworker', displayName: 'Shiqiao caseworker Zhao', regionCode: '510199102000', roles: [Role.TOWNSHIP_CASEWORKER] },
  { username: 'shiqiao.caseworker2', displayName: 'Shiqiao caseworker Sun', regionCode: '510199102000', roles: [Role.TOWNSHIP_CASEWORKER, Role.COMMITTEE_MEMBER] },
  { username: 'shiqiao.member1', displayName: 'Shiqiao discipline inspection', regionCode: '510199102000', roles: [Role.COMMITTEE_MEMBER] },
  { username: 'chengguan.head', displayName: 'Director of Chengguan Street', regionCode: '510199001000', roles: [Role.TOWNSHIP_HEAD, Role.COMMITTEE_MEMBER] },
  { username: 'chengguan.caseworker', displayName: 'Chengguan caseworker Zhou', regionCode: '510199001000', roles: [Role.TOWNSHIP_CASEWORKER] },
  { username: 'baiyun.head', displayName: 'Head of Baiyun Township', regionCode: '510199201000', roles: [Role.TOWNSHIP_HEAD, Role.COMMITTEE_MEMBER] },
  { username: 'baiyun.caseworker', displayName: 'Baiyun caseworker Wu', regionCode: '510199201000', roles: [Role.TOWNSHIP_CASEWORKER] },
  ...VILLAGE_ASSISTANTS,
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
      await manager.insert(Region, { ...region, level: levelOfCodeOrThrow(region.code), parentCode: parentCodeOf(region.code), ...scopeCodesOf(region.code) });
    }
    for (const [i, demo] of accounts.entries()) {
      const account = await manager.save(Object.assign(new Account(), {
        username: demo.username,
        displayName: demo.displayName,
        passwordHash: hashes[i],
        regionCode: demo.regionCode,
        ...scopeCodesOf(demo.regionCode),
        departmentCode: demo.departmentCode ?? null,
        active: true,
      }));
      await manager.insert(RoleAssignment, demo.roles.map((role) => ({ accountId: account.id, role, regionCode: demo.regionCode })));
    }
  });
}

/** Committees of the demo: Hexi's is valid (five voting members incl. chair and discipline
 * inspection); Shiqiao's has three members, so it cannot decide until mended (P3.2). */
const DEMO_COMMITTEES: { townshipCode: string; members: [username: string, fn: CommitteeFunction][] }[] = [
  { townshipCode: '510199101000', members: [['hexi.head', CommitteeFunction.CHAIR], ['hexi.caseworker2', CommitteeFunction.CIVIL_AFFAIRS],
    ['hexi.member1', CommitteeFunction.DISCIPLINE_INSPECTION], ['hexi.member2', CommitteeFunction.FINANCE], ['hexi.member3', CommitteeFunction.POVERTY_ALLEVIATION]] },
  { townshipCode: '510199102000', members: [['shiqiao.head', CommitteeFunction.CHAIR], ['shiqiao.caseworker2', CommitteeFunction.CIVIL_AFFAIRS],
    ['shiqiao.member1', CommitteeFunction.DISCIPLINE_INSPECTION]] },
];

/** A few fictional applications waiting for acceptance, so that lists are not empty in GraphiQL. */
const DEMO_APPLICATIONS: { villageCode: string; head: string; birth: string; programme: Programme; cause?: string }[] = [
  { villageCode: '510199101201', head: '刘桂兰', birth: '19580312', programme: Programme.DIBAO },
  { villageCode: '510199101202', head: '张守义', birth: '19420705', programme: Programme.TEKUN },
  { villageCode: '510199102201', head: '王春燕', birth: '19860921', programme: Programme.LINSHI, cause: '突发重病 (sudden illness)' },
  { villageCode: '510199001001', head: '赵建华', birth: '19750130', programme: Programme.DIBAO },
];

async function insertDemoCommitteesAndCases(manager: EntityManager): Promise<void> {
  const accounts = await manager.find(Account);
  const idOf = (username: string) => accounts.find((a) => a.username === username)!.id;
  for (const { townshipCode, members } of DEMO_COMMITTEES) {
    const committee = await manager.save(Object.assign(new Committee(), { districtCode: DEMO_DISTRICT, townshipCode }));
    await manager.insert(CommitteeMember, members.map(([username, fn]) => ({
      districtCode: DEMO_DISTRICT, committeeId: committee.id, townshipCode, accountId: idOf(username), function: fn,
    })));
  }
  const settings = defaultSettings();
  for (const [i, demo] of DEMO_APPLICATIONS.entries()) {
    const scope = scopeCodesOf(demo.villageCode);
    const first17 = `${DEMO_DISTRICT.slice(0, 6)}${demo.birth}${String(700 + i).padStart(3, '0')}`;
    const assistant = idOf(`va.${demo.villageCode.slice(6)}`);
    const household = await manager.save(Object.assign(new Household(), {
      districtCode: DEMO_DISTRICT, townshipCode: scope.townshipCode!, villageCode: demo.villageCode, residence: demo.villageCode.slice(6, 9) === '001' ? 'URBAN' : 'RURAL',
      headName: demo.head, memberCount: 1, hasMemberAbleToWork: false, address: `${demo.villageCode} 1组 ${i + 1}号`, phone: null, bankName: null,
      bankAccount: null, createdById: assistant,
    }));
    await manager.insert(Person, {
      districtCode: DEMO_DISTRICT, householdId: household.id, townshipCode: household.townshipCode, villageCode: household.villageCode, name: demo.head,
      idNumber: first17 + idNumberCheckChar(first17), relation: Relation.HEAD, labourCapacity: LabourCapacity.NONE, disabled: false,
      disabilityDetail: null, healthDetail: null,
    });
    const now = new Date();
    const saved = await manager.save(Object.assign(new Case(), {
      districtCode: DEMO_DISTRICT, townshipCode: household.townshipCode, villageCode: household.villageCode, householdId: household.id,
      programme: demo.programme, status: CaseStatus.SUBMITTED, channel: Channel.WINDOW, applicantName: demo.head, residence: household.residence,
      cause: demo.cause ?? null, createdById: assistant, statusSince: now,
      decisionDueAt: decisionDueAtFor(now, false, { settings, holidays: new Set() }),
    }));
    await manager.insert(CaseEvent, {
      districtCode: DEMO_DISTRICT, caseId: saved.id, townshipCode: saved.townshipCode, villageCode: saved.villageCode, fromStatus: null,
      toStatus: CaseStatus.SUBMITTED, action: 'submit', actorId: assistant, actorUsername: `va.${demo.villageCode.slice(6)}`, note: 'Demo application',
    });
  }
}

const levelRank = (code: string) => ['DISTRICT', 'TOWNSHIP', 'VILLAGE'].indexOf(levelOfCodeOrThrow(code));

/** Seeds the demo district when the database has no regions yet; returns whether it did. */
export async function seedDemoDistrictIfEmpty(dataSource: DataSource, password: string): Promise<boolean> {
  const [{ count }] = await dataSource.query('SELECT count(*)::int AS count FROM regions');
  if (count > 0) return false;
  await insertRegionsAndAccounts(dataSource, DEMO_REGIONS, DEMO_ACCOUNTS, password);
  await dataSource.transaction((manager) => insertDemoCommitteesAndCases(manager));
  return true;
}
