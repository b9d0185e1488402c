import { Role } from './roles';

/** What an actor does to a subject. Lower-case verbs, one per kind of act the plan distinguishes. */
export type Action = 'read' | 'create' | 'update' | 'revoke';

/** Every kind of row the policy speaks about; each is also the entity class name. */
export type SubjectName = 'Region' | 'Account' | 'ApiKey';

/**
 * Which rows a grant reaches, relative to the region (or account) the role is held for.
 * `village`/`township`/`district`: rows whose scope column equals the holder's;
 * `department`: rows addressed to the holder's department within its district;
 * `self`: rows that are, or belong to, the holder's own account.
 */
export type Scope = 'village' | 'township' | 'district' | 'department' | 'self';

export interface Grant {
  role: Role;
  action: Action;
  subject: SubjectName;
  scope: Scope;
  /** Fields the grant covers; absent means every field. */
  fields?: string[];
  /** Extra equality conditions on top of the scope, with their meaning in words. */
  when?: { conditions: Record<string, unknown>; text: string };
  /** An explicit denial that overrides grants (separation of duties). */
  inverted?: boolean;
  /** Plan clause (`P4.1`) or DOMAIN.md section (`D§2`) the row implements. */
  clause: string;
  /** One line; also the message a refused caller sees. */
  reason: string;
}

const ALL_ROLES = Object.values(Role);

/** Regions are the shared map of the district: everyone signed in works with its places. */
const readRegions: Grant[] = ALL_ROLES.map((role) => ({
  role, action: 'read', subject: 'Region', scope: 'district', clause: 'D§1',
  reason: 'Every tier works with the places of its own district.',
}));

/** Everyone may see their own account, roles and keys. */
const readOwnAccount: Grant[] = ALL_ROLES.map((role) => ({
  role, action: 'read', subject: 'Account', scope: 'self', clause: 'D§2',
  reason: 'Everyone may see their own account and roles.',
}));

/**
 * The policy: every grant in the system. Nothing is allowed that is not here (deny by default).
 * `permissions/ability.ts` is its only reader; `docs/permission-matrix.md` is generated from it.
 */
export const POLICY: readonly Grant[] = [
  ...readRegions,
  ...readOwnAccount,

  // Township staff pick investigators and committee members among their township's accounts.
  { role: Role.TOWNSHIP_CASEWORKER, action: 'read', subject: 'Account', scope: 'township', clause: 'P4.2',
    reason: 'Township caseworkers assign investigations to the staff of their own township.' },
  { role: Role.TOWNSHIP_HEAD, action: 'read', subject: 'Account', scope: 'township', clause: 'P3.2',
    reason: 'The township head forms the committee from the staff of the own township.' },
  { role: Role.DISTRICT_OFFICER, action: 'read', subject: 'Account', scope: 'district', clause: 'P4.3',
    reason: 'The district trains, guides and supervises the staff of its townships and villages.' },
  { role: Role.AUDITOR, action: 'read', subject: 'Account', scope: 'district', clause: 'P4.4',
    reason: 'Audit needs to know who acted on the funds and decisions it audits.' },

  // ADMIN manages the district's accounts, places and integration keys, and nothing of cases.
  { role: Role.ADMIN, action: 'read', subject: 'Account', scope: 'district', clause: 'D§2',
    reason: 'The administrator manages the accounts of the own district.' },
  { role: Role.ADMIN, action: 'create', subject: 'Account', scope: 'district', clause: 'D§2',
    reason: 'The administrator creates the accounts of the own district.' },
  { role: Role.ADMIN, action: 'update', subject: 'Account', scope: 'district', clause: 'D§2',
    reason: 'The administrator maintains the accounts of the own district.' },
  { role: Role.ADMIN, action: 'create', subject: 'Region', scope: 'district', clause: 'D§1',
    reason: 'The administrator keeps the register of places of the own district.' },
  { role: Role.ADMIN, action: 'update', subject: 'Region', scope: 'district', clause: 'D§1',
    reason: 'The administrator keeps the register of places of the own district.' },
  { role: Role.ADMIN, action: 'read', subject: 'ApiKey', scope: 'district', clause: 'P4.4',
    reason: 'The administrator issues the keys department integrations use.' },
  { role: Role.ADMIN, action: 'create', subject: 'ApiKey', scope: 'district', clause: 'P4.4',
    reason: 'The administrator issues the keys department integrations use.' },
  { role: Role.ADMIN, action: 'revoke', subject: 'ApiKey', scope: 'district', clause: 'P4.4',
    reason: 'The administrator withdraws keys of department integrations.' },

  { role: Role.DEPARTMENT, action: 'read', subject: 'ApiKey', scope: 'self', clause: 'P4.4',
    reason: 'A department integration may list its own keys (never their secrets).' },
];
