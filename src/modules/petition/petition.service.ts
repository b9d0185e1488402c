import crypto from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { Role } from '../../../permissions/roles';
import { assertCan } from '../../auth/authorize';
import { badInput, conflict, notFound, textOrThrow, tooManyRequests, unmet } from '../../errors';
import { message } from '../../i18n/message';
import type { Caller } from '../../auth/caller';
import { Connection, keysetPage, PageArgs } from '../../graphql/connection';
import type { TenantKey } from '../../db/tenant-keys';
import type { DataAccess } from '../../db/data-access';
import { changed, tenantSubject, unchanged } from '../../db/guarded-writes';
import type { ChangeLog, GuardedWrites } from '../../db/guarded-writes';
import { Case, CaseStatus } from '../case/case.entity';
import type { CaseService } from '../case/case.service';
import type { RegionService } from '../region/region.service';
import { levelOfCodeOrThrow, RegionLevel } from '../region/region-code';
import type { AccountService } from '../account/account.service';
import type { SettingsService } from '../settings/settings.service';
import { addWorkingDays } from '../settings/working-days';
import type { PublicNoticeService } from '../notice/public-notice.service';
import { Petition, PetitionChannel, PetitionKind, PetitionStatus } from './petition.entity';
import { whereEqual, whereKey } from '../../db/scoped-filters';

/** Size limits of what a petition carries: enough for a letter, not for a flood (D§12). */
export const PETITION_LIMITS = { title: 200, content: 5000, residentName: 50, residentContact: 100 } as const;

/** What a petition is filed against: exactly one of a case, a township, or a running public notice. */
export interface PetitionTarget {
  caseKey?: TenantKey | null;
  townshipCode?: string | null;
  noticeKey?: TenantKey | null;
}

export interface NewPetition {
  kind: PetitionKind;
  title: string;
  content: string;
  residentName?: string | null;
  residentContact?: string | null;
}

/** What anyone holding a petition's reference may read: nothing personal (D§12). */
export interface PetitionStatusView {
  status: PetitionStatus;
  answer: string | null;
  answeredAt: Date | null;
}

export interface PetitionFilter {
  status?: PetitionStatus[] | null;
  kind?: PetitionKind | null;
  townshipCode?: string | null;
  overdue?: boolean | null;
}

export const PETITION = tenantSubject('Petition', Petition, () => notFound('petition.notFound'));

/** Refused applications: what a refused applicant may appeal (D§12). */
const REFUSED: readonly CaseStatus[] = [CaseStatus.DENIED, CaseStatus.NOT_ACCEPTED];

const REFERENCE_PATTERN = /^XF-(\d{6})-([A-Za-z0-9_-]{22})$/;
const sha256 = (text: string) => crypto.createHash('sha256').update(text).digest('hex');

/**
 * Petitions, complaints and appeals (信访, D§12): filed by staff on a resident's behalf or by the
 * public against a running notice, handled by the district (P4.3). Filing one against a case marks
 * the case complained-about, which puts it in every spot-check sample (D§3).
 */
export class PetitionService {
  constructor(
    private readonly data: DataAccess,
    private readonly writes: GuardedWrites,
    private readonly log: ChangeLog,
    private readonly settings: SettingsService,
    private readonly cases: CaseService,
    private readonly regions: RegionService,
    private readonly accounts: AccountService,
    private readonly notices: PublicNoticeService,
  ) {}

  /**
   * Files a petition and returns the reference its petitioner follows it by (shown once). Signed in,
   * staff record it for a resident against a case, a township or a notice; without an account anyone
   * may file a complaint citing a running public notice, limited per client address.
   */
  async submit(caller: Caller, target: PetitionTarget, input: NewPetition): Promise<{ petition: Petition; reference: string }> {
    const named = [target.caseKey, target.townshipCode, target.noticeKey].filter((t) => t !== null && t !== undefined).length;
    if (named !== 1) throw badInput('caseId', 'petition.target.exactlyOne');
    const text = {
      title: textOrThrow(input.title, 'title', PETITION_LIMITS.title),
      content: textOrThrow(input.content, 'content', PETITION_LIMITS.content),
      residentName: optionalText(input.residentName, 'residentName', PETITION_LIMITS.residentName),
      residentContact: optionalText(input.residentContact, 'residentContact', PETITION_LIMITS.residentContact),
    };
    if (input.kind === PetitionKind.APPEAL && !target.caseKey) throw badInput('caseId', 'petition.appeal.caseRequired');
    return caller.actor ? this.fileForResident(caller, target, input.kind, text) : this.fileFromPublic(caller, target, input.kind, text);
  }

  /** A resident's petition recorded by staff, within the staff member's own scope (policy row on the new petition). */
  private async fileForResident(caller: Caller, target: PetitionTarget, kind: PetitionKind, text: PetitionText) {
    // Whether the caller's tier records petitions at all, before anything is looked up.
    assertCan(caller, 'create', 'Petition', undefined, undefined, { operation: 'submitPetition', subjectId: null });
    const place = await this.placeOf(caller, target);
    if (kind === PetitionKind.APPEAL && !REFUSED.includes(place.caseStatus!)) {
      throw badInput('caseId', 'petition.appeal.notRefused', { status: place.caseStatus ?? '' });
    }
    const { petition, reference } = await this.draft(place, kind, PetitionChannel.STAFF, text, null);
    petition.createdById = caller.actor!.accountId;
    const saved = await this.writes.guardedCreate(caller, 'Petition', petition, 'create', async (manager) => {
      await this.markComplainedAbout(manager, petition);
      return changed(await manager.save(petition), 'submitPetition', { kind, channel: petition.channel, caseId: petition.caseId });
    });
    return { petition: saved, reference };
  }

  /**
   * A complaint from someone without an account, citing a running public notice (D§12). The limit
   * per client address is counted in the table itself, under a lock on the address, so that every
   * replica counts the same petitions; the address is kept only as a hash.
   */
  private async fileFromPublic(caller: Caller, target: PetitionTarget, kind: PetitionKind, text: PetitionText) {
    if (!target.noticeKey || kind !== PetitionKind.COMPLAINT) throw badInput('noticeId', 'petition.public.noticeOnly');
    const noticed = await this.notices.caseOf(target.noticeKey);
    if (!noticed) throw notFound('petition.notice.notFound');
    const place: Place = { ...noticed, caseStatus: CaseStatus.PUBLIC_NOTICE, citesNotice: true };
    const addressHash = sha256(`petition-address:${caller.clientAddress}`);
    const { petition, reference } = await this.draft(place, kind, PetitionChannel.PUBLIC, text, addressHash);
    const limit = (await this.settings.calendarOf(place.districtCode)).settings.petitionsPerAddressPerHour;
    const saved = await this.data.system('record a petition from the public').transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [addressHash]);
      const [recent]: { count: number; oldest: Date | null }[] = await manager.query(
        `SELECT count(*)::int AS count, min(received_at) AS oldest FROM petitions
         WHERE client_address_hash = $1 AND received_at > now() - interval '1 hour'`,
        [addressHash],
      );
      if (recent.count >= limit) {
        const seconds = Math.max(1, Math.ceil((recent.oldest!.getTime() + 3_600_000 - Date.now()) / 1000));
        throw tooManyRequests(seconds, 'petition.rateLimited', { limit, seconds });
      }
      await this.markComplainedAbout(manager, petition);
      const row = await manager.save(petition);
      await this.log.recordChange(manager, caller, {
        action: 'submitPetition',
        subjectType: 'Petition',
        subjectId: row.id,
        districtCode: row.districtCode,
        townshipCode: row.townshipCode,
        villageCode: row.villageCode,
        details: { kind, channel: row.channel, caseId: row.caseId },
      });
      return row;
    });
    return { petition: saved, reference };
  }

  /** What anyone holding the reference may know: its status and the district's answer (D§12). */
  async statusOf(reference: string): Promise<PetitionStatusView> {
    const match = REFERENCE_PATTERN.exec(reference.trim());
    if (!match) throw notFound('petition.reference.notFound');
    const [row]: { status: PetitionStatus; answer: string | null; answered_at: Date | null }[] = await this.data
      .system('a petition by the reference its petitioner holds')
      .query('SELECT status, answer, answered_at FROM petitions WHERE district_code = $1 AND reference_hash = $2', [
        `${match[1]}000000`,
        sha256(reference.trim()),
      ]);
    if (!row) throw notFound('petition.reference.notFound');
    return { status: row.status, answer: row.answer, answeredAt: row.answered_at };
  }

  /** Hands a petition to a district officer of its district. */
  async assign(caller: Caller, key: TenantKey, assigneeId: string): Promise<Petition> {
    const [assignee] = await this.accounts.findByIdsScoped(caller, [assigneeId]);
    const officer = assignee?.active && assignee.roles.some((r) => r.role === Role.DISTRICT_OFFICER && r.regionCode === key.districtCode);
    if (!officer) throw badInput('assigneeId', 'petition.assignee.notDistrictOfficer');
    return this.writes.guardedChange(caller, PETITION, key, 'assign', async ({ manager, row }) => {
      if (row.status === PetitionStatus.ANSWERED) throw conflict('petition.alreadyAnswered');
      row.assigneeId = assigneeId;
      if (row.status === PetitionStatus.RECEIVED) row.status = PetitionStatus.ASSIGNED;
      return changed(await manager.save(row), 'assignPetition', { assigneeId });
    });
  }

  /** Records what the investigation found; a petition is investigated once assigned. */
  async investigate(caller: Caller, key: TenantKey, findings: string): Promise<Petition> {
    const text = textOrThrow(findings, 'findings', PETITION_LIMITS.content);
    return this.writes.guardedChange(caller, PETITION, key, 'investigate', async ({ manager, row }) => {
      if (row.status === PetitionStatus.ANSWERED) throw conflict('petition.alreadyAnswered');
      if (!row.assigneeId) throw unmet(message('petition.unmet.notAssigned'));
      row.findings = text;
      row.status = PetitionStatus.INVESTIGATING;
      return changed(await manager.save(row), 'investigatePetition');
    });
  }

  /** The district's answer, after an investigation; the petitioner reads it by the reference. */
  async answer(caller: Caller, key: TenantKey, answer: string): Promise<Petition> {
    const text = textOrThrow(answer, 'answer', PETITION_LIMITS.content);
    return this.writes.guardedChange(caller, PETITION, key, 'answer', async ({ manager, row }) => {
      if (row.status === PetitionStatus.ANSWERED) throw conflict('petition.alreadyAnswered');
      if (row.status !== PetitionStatus.INVESTIGATING) throw unmet(message('petition.unmet.notInvestigated'));
      row.answer = text;
      row.answeredAt = new Date();
      row.answeredById = caller.actor!.accountId;
      row.status = PetitionStatus.ANSWERED;
      return changed(await manager.save(row), 'answerPetition', { overdue: row.overdue });
    });
  }

  /** Lets the township concerned see the petition, without who filed it (D§12). Sharing twice changes nothing. */
  async share(caller: Caller, key: TenantKey): Promise<Petition> {
    return this.writes.guardedChange(caller, PETITION, key, 'share', async ({ manager, row }) => {
      if (row.sharedWithTownship) return unchanged(row);
      row.sharedWithTownship = true;
      return changed(await manager.save(row), 'sharePetition', { townshipCode: row.townshipCode });
    });
  }

  list(caller: Caller, filter: PetitionFilter, page: PageArgs): Promise<Connection<Petition>> {
    const qb = this.data.scoped(caller, 'read', 'Petition', Petition, 'p');
    if (filter.status?.length) qb.andWhere('p.status IN (:...status)', { status: filter.status });
    whereEqual(qb, { kind: filter.kind, township_code: filter.townshipCode });
    if (filter.overdue !== null && filter.overdue !== undefined) {
      qb.andWhere('(COALESCE(p.answered_at, now()) > p.answer_due_at) = :overdue', { overdue: filter.overdue });
    }
    return keysetPage(qb, page, { type: 'Petition', sortColumn: 'received_at' });
  }

  findByKey(caller: Caller, key: TenantKey): Promise<Petition | null> {
    return whereKey(this.data.scoped(caller, 'read', 'Petition', Petition, 'p'), key).getOne();
  }

  /** Where a staff-filed petition belongs: the case's place, the township's, or the noticed case's. */
  private async placeOf(caller: Caller, target: PetitionTarget): Promise<Place> {
    if (target.caseKey) {
      const found = await this.cases.findOrThrow(caller, target.caseKey);
      return { ...placeOfCase(found), citesNotice: false };
    }
    if (target.noticeKey) {
      const noticed = await this.notices.caseOf(target.noticeKey);
      if (!noticed) throw notFound('petition.notice.notFound');
      return { ...noticed, caseStatus: CaseStatus.PUBLIC_NOTICE, citesNotice: true };
    }
    const code = target.townshipCode!;
    if (levelOfCodeOrThrow(code) !== RegionLevel.TOWNSHIP)
      throw badInput('townshipCode', 'region.code.notTownship', { field: 'townshipCode' });
    const [township] = await this.regions.findByCodes(caller, [code]);
    if (!township) throw badInput('townshipCode', 'region.code.notTownshipOfDistrict', { field: 'townshipCode' });
    // A village assistant records it as coming through the own village, which is what its scope covers.
    const village = caller.actor!.roles.find((r) => r.role === Role.VILLAGE_ASSISTANT && r.regionCode.startsWith(code.slice(0, 9)));
    return {
      districtCode: `${code.slice(0, 6)}000000`,
      townshipCode: code,
      villageCode: village?.regionCode ?? null,
      caseId: null,
      caseStatus: null,
      citesNotice: false,
    };
  }

  private async draft(place: Place, kind: PetitionKind, channel: PetitionChannel, text: PetitionText, addressHash: string | null) {
    const calendar = await this.settings.calendarOf(place.districtCode);
    const reference = `XF-${place.districtCode.slice(0, 6)}-${crypto.randomBytes(16).toString('base64url')}`;
    const now = new Date();
    const petition = Object.assign(new Petition(), {
      districtCode: place.districtCode,
      townshipCode: place.townshipCode,
      villageCode: place.villageCode,
      caseId: place.caseId,
      citesNotice: place.citesNotice,
      kind,
      channel,
      status: PetitionStatus.RECEIVED,
      ...text,
      referenceHash: sha256(reference),
      clientAddressHash: addressHash,
      answerDueAt: addWorkingDays(now, calendar.settings.petitionAnswerWorkingDays, calendar),
      createdById: null as string | null,
    });
    return { petition, reference };
  }

  /** A case named by a petition is always spot-checked (D§3, D§12): the flag the sample reads. */
  private async markComplainedAbout(manager: EntityManager, petition: Petition): Promise<void> {
    if (petition.caseId)
      await manager.update(Case, { districtCode: petition.districtCode, id: petition.caseId }, { complainedAbout: true });
  }
}

interface PetitionText {
  title: string;
  content: string;
  residentName: string | null;
  residentContact: string | null;
}

interface Place {
  districtCode: string;
  townshipCode: string;
  villageCode: string | null;
  caseId: string | null;
  caseStatus: CaseStatus | null;
  citesNotice: boolean;
}

function placeOfCase(found: Case): Omit<Place, 'citesNotice'> {
  return {
    districtCode: found.districtCode,
    townshipCode: found.townshipCode,
    villageCode: found.villageCode,
    caseId: found.id,
    caseStatus: found.status,
  };
}

function optionalText(value: string | null | undefined, field: string, max: number): string | null {
  return value?.trim() ? textOrThrow(value, field, max) : null;
}
