/** Roles of DOMAIN.md §2; each is held for one region (and, for integrations, one department). */
export enum Role {
  // The province above the districts (D§1, issue #15): creates districts, sees no district's data.
  PROVINCE_OPERATOR = 'PROVINCE_OPERATOR',
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
export type Tier = 'VILLAGE' | 'TOWNSHIP' | 'DISTRICT' | 'PROVINCE';

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
  [Role.PROVINCE_OPERATOR]: 'PROVINCE',
};
