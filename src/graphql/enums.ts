import { Department, Role } from '../../permissions/roles';
import { registerEnum } from './define-enum';

// The policy's own enums, registered here so that permissions/ stays free of GraphQL.

registerEnum(Role, 'Role', 'Role of an account (角色); each is held for one region.', {
  VILLAGE_ASSISTANT: 'Village civil-affairs assistant (村协理员), own village (P4.1)',
  TOWNSHIP_CASEWORKER: 'Township civil-affairs caseworker (乡镇民政), own township (P4.2)',
  COMMITTEE_MEMBER: 'Joint review committee member (联审联批小组成员), own township (P3.2)',
  TOWNSHIP_HEAD: 'Township head, committee chair (乡镇主要负责人/组长), signs decisions (P3.1, P3.2)',
  DISTRICT_OFFICER: 'District civil-affairs officer (区民政局), supervises, never decides a delegated case (P1, P4.3)',
  FINANCE_OFFICER: 'Finance bureau officer (财政), fund requests and rosters (P4.4)',
  AUDITOR: 'Audit bureau (审计), read-only plus own findings (P4.4)',
  POVERTY_OFFICER: 'Poverty-alleviation officer (扶贫), rural DIBAO households able to work (P4.4)',
  DEPARTMENT: 'Department integration (部门接口), answers verification requests addressed to it (P4.3, P4.4)',
  ADMIN: 'District administrator (系统管理员), accounts, regions and settings; no case data (DOMAIN §2)',
  PROVINCE_OPERATOR: 'Province operator (省级操作员), creates districts with a second operator; sees no district data (DOMAIN §1, §14)',
});

registerEnum(Department, 'Department', 'Department answering economic-status verification (核对协作部门)', {
  PUBLIC_SECURITY: 'Public security (公安): household registration, vehicles',
  TAX: 'Tax (税务): income',
  HR_SOCIAL_SECURITY: 'Human resources and social security (人社): employment, pensions',
  MARKET_REGULATION: 'Market regulation (市场监管): business registration',
  VETERANS: 'Veterans affairs (退役军人事务)',
  DISABLED_FEDERATION: "Disabled persons' federation (残联)",
  EDUCATION: 'Education (教育)',
  BANK: 'Banking (银行): deposits',
});
