import { Region } from '../modules/region/region.entity';
import { Account, RoleAssignment } from '../modules/account/account.entity';
import { ApiKey } from '../modules/account/api-key.entity';
import { Household, Person } from '../modules/household/household.entity';
import { Case, CaseEvent } from '../modules/case/case.entity';
import { AuditEntry } from '../modules/audit/audit-entry.entity';

/** Every entity, listed explicitly so the same set loads under tsc output and under jest. */
export const ENTITIES = [Region, Account, RoleAssignment, ApiKey, Household, Person, Case, CaseEvent, AuditEntry];
