import { registerEnumType } from 'type-graphql';

/** Roles of DOMAIN.md §2; each is held for one region (and, for integrations, one department). */
export enum Role {
  VILLAGE_ASSISTANT = 'VILLAGE_ASSISTANT',
  TOWNSHIP_CASEWORKER = 'TOWNSHIP_CASEWORKER',
  COMMITTEE_MEMBER = 'COMMITTEE_MEMBER',
  TOWNSHIP_HEAD = 'TOWNSHIP_HEAD',
  DISTRICT_OFFICER = 'DISTRICT_OFFICER',
  FINANCE_OFFICER = 'FINANCE_OFFICER',
  AUDITOR = 'AUDITOR',
  POVERTY_OFFICER = 'POVERTY_OFFICER',
  DEPARTMENT = 'DEPARTMENT',
  ADMIN = 'ADMIN',
}

/** Departments that answer economic-status verification requests (P4.4, DOMAIN.md §7). */
export enum Department {
  PUBLIC_SECURITY = 'PUBLIC_SECURITY',
  TAX = 'TAX',
  HR_SOCIAL_SECURITY = 'HR_SOCIAL_SECURITY',
  MARKET_REGULATION = 'MARKET_REGULATION',
  VETERANS = 'VETERANS',
  DISABLED_FEDERATION = 'DISABLED_FEDERATION',
  EDUCATION = 'EDUCATION',
  BANK = 'BANK',
}

/** The tier whose region a role is bound to. */
export type Tier = 'VILLAGE' | 'TOWNSHIP' | 'DISTRICT';

export const ROLE_TIER: Record<Role, Tier> = {
  [Role.VILLAGE_ASSISTANT]: 'VILLAGE',
  [Role.TOWNSHIP_CASEWORKER]: 'TOWNSHIP',
  [Role.COMMITTEE_MEMBER]: 'TOWNSHIP',
  [Role.TOWNSHIP_HEAD]: 'TOWNSHIP',
  [Role.DISTRICT_OFFICER]: 'DISTRICT',
  [Role.FINANCE_OFFICER]: 'DISTRICT',
  [Role.AUDITOR]: 'DISTRICT',
  [Role.POVERTY_OFFICER]: 'DISTRICT',
  [Role.DEPARTMENT]: 'DISTRICT',
  [Role.ADMIN]: 'DISTRICT',
};

registerEnumType(Role, {
  name: 'Role',
  description: 'Role of an account (角色); each is held for one region.',
  valuesConfig: {
    VILLAGE_ASSISTANT: { description: 'Village civil-affairs assistant (村协理员), own village (P4.1)' },
    TOWNSHIP_CASEWORKER: { description: 'Township civil-affairs caseworker (乡镇民政), own township (P4.2)' },
    COMMITTEE_MEMBER: { description: 'Joint review committee member (联审联批小组成员), own township (P3.2)' },
    TOWNSHIP_HEAD: { description: 'Township head, committee chair (乡镇主要负责人/组长), signs decisions (P3.1, P3.2)' },
    DISTRICT_OFFICER: { description: 'District civil-affairs officer (区民政局), supervises, never decides a delegated case (P1, P4.3)' },
    FINANCE_OFFICER: { description: 'Finance bureau officer (财政), fund requests and rosters (P4.4)' },
    AUDITOR: { description: 'Audit bureau (审计), read-only plus own findings (P4.4)' },
    POVERTY_OFFICER: { description: 'Poverty-alleviation officer (扶贫), rural DIBAO households able to work (P4.4)' },
    DEPARTMENT: { description: 'Department integration (部门接口), answers verification requests addressed to it (P4.3, P4.4)' },
    ADMIN: { description: 'District administrator (系统管理员), accounts, regions and settings; no case data (DOMAIN §2)' },
  },
});

registerEnumType(Department, {
  name: 'Department',
  description: 'Department answering economic-status verification (核对协作部门)',
  valuesConfig: {
    PUBLIC_SECURITY: { description: 'Public security (公安): household registration, vehicles' },
    TAX: { description: 'Tax (税务): income' },
    HR_SOCIAL_SECURITY: { description: 'Human resources and social security (人社): employment, pensions' },
    MARKET_REGULATION: { description: 'Market regulation (市场监管): business registration' },
    VETERANS: { description: 'Veterans affairs (退役军人事务)' },
    DISABLED_FEDERATION: { description: "Disabled persons' federation (残联)" },
    EDUCATION: { description: 'Education (教育)' },
    BANK: { description: 'Banking (银行): deposits' },
  },
});
