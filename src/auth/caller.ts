import type { Actor, AppAbility } from '../../permissions/ability';

export type AuthMethod = 'TOKEN' | 'API_KEY';

/** What the audit log records about a request besides its changes (D§12). */
export interface AuditNote {
  kind: 'CHANGE' | 'DENIED' | 'READ_PERSONAL_DATA' | 'VIEW_AS';
  action: string;
  subjectType: string;
  subjectId?: string | null;
  field?: string | null;
  districtCode: string;
  townshipCode?: string | null;
  villageCode?: string | null;
  reason?: string | null;
  details?: object | null;
}

/**
 * Who is calling, and what the policy lets them do: all a service needs to know about a request.
 * It imports nothing from the modules, so every layer may depend on it.
 */
export interface Caller {
  actor: Actor | null;
  ability: AppAbility;
  authMethod: AuthMethod | null;
  requestId: string;
  /** The network address, for sign-in throttling. */
  clientAddress: string;
  /** Refusals and personal-data reads of this request, written in one statement before it answers. */
  audit: PendingAudit;
  /** Under a "view as" token (issue #16): the account looking at the API as `actor` sees it. The
   * policy answers for `actor`; every mutation is refused and every request audited naming both. */
  viewer?: Viewer | null;
}

/** The account that looks at the API as another one. */
export interface Viewer {
  accountId: string;
  username: string;
}

/** The audit notes of one request, kept until the response drains them into the log. */
export class PendingAudit {
  private readonly notes = new Map<string, AuditNote>();

  queue(note: AuditNote): void {
    this.notes.set(`#${this.notes.size}`, note);
  }

  /** Queues a note unless the same one is already queued (a list may read the same field of the
   * same row through several paths). */
  queueOnce(note: AuditNote): void {
    const key = `${note.kind}:${note.subjectType}:${note.subjectId}:${note.field}`;
    if (!this.notes.has(key)) this.notes.set(key, note);
  }

  /** The refusals queued so far, without draining them (metrics count them). */
  denials(): AuditNote[] {
    return [...this.notes.values()].filter((note) => note.kind === 'DENIED');
  }

  drain(): AuditNote[] {
    const notes = [...this.notes.values()];
    this.notes.clear();
    return notes;
  }
}
