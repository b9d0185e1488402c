import crypto from 'node:crypto';
import type { Caller } from '../../auth/caller';
import { assertDateOrThrow, badInput, conflict } from '../../errors';
import { Connection, keysetPage, PageArgs } from '../../graphql/connection';
import type { DataAccess } from '../../db/data-access';
import { changed } from '../../db/guarded-writes';
import type { GuardedWrites } from '../../db/guarded-writes';
import type { TenantKey } from '../../db/tenant-keys';
import { whereTenantKeysIn } from '../../db/tenant-keys';
import type { SettingsService } from '../settings/settings.service';
import { endOfCstDay } from '../settings/working-days';
import { Case, CaseStatus } from '../case/case.entity';
import { SpotCheckDraw, SpotCheckInclusion, SpotCheckPoolEntry } from './spot-check-draw.entity';
import { drawScore, selectSample, SPOT_CHECK_ALGORITHM } from './spot-check-sample';

/**
 * Spot-check draws (P4.3, D§3, issue #11 item 10). The district draws when it chooses; the seed is
 * generated at that moment (32 bytes from the operating system's CSPRNG) and recorded with the rate
 * and the pool, so nobody knows the sample before the draw and anybody reading the record can
 * replay it after (`selectSample`). The pool is every case filed with the district by the cut-off
 * and in no earlier draw, whatever its programme (LINSHI results are filed too, D§6); kin-registered
 * and complained-about cases are always sampled (D§5, D§12).
 */
export class SpotCheckDrawService {
  constructor(
    private readonly data: DataAccess,
    private readonly writes: GuardedWrites,
    private readonly settings: SettingsService,
  ) {}

  async draw(caller: Caller, input: { filedOnOrBefore?: string | null }): Promise<SpotCheckDraw> {
    const districtCode = caller.actor!.districtCode;
    const now = new Date();
    let filedBy = now;
    if (input.filedOnOrBefore) {
      assertDateOrThrow(input.filedOnOrBefore, 'filedOnOrBefore');
      filedBy = endOfCstDay(input.filedOnOrBefore);
      if (filedBy > now) throw badInput('filedOnOrBefore', 'spotCheck.draw.cutOffAhead');
    }
    const { settings } = await this.settings.calendarOf(districtCode);
    const draw = Object.assign(new SpotCheckDraw(), {
      districtCode,
      seed: crypto.randomBytes(32).toString('hex'),
      algorithm: SPOT_CHECK_ALGORITHM,
      ratePercent: settings.spotCheckRatePercent,
      filedBy,
      poolSize: 0,
      sampleSize: 0,
      drawnById: caller.actor!.accountId,
    });
    return this.writes.guardedCreate(caller, 'SpotCheckDraw', draw, 'create', async (manager) => {
      // Two draws at once would both take the same filings: one district draws at a time.
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`spot-check-draw:${districtCode}`]);
      // A filing is in one pool only; timestamps are kept to the millisecond, as JavaScript holds them.
      const earlier = this.data.scopedSql(caller, 'read', 'SpotCheckDraw', SpotCheckPoolEntry, 'e', (qb) =>
        qb
          .select('1')
          .andWhere("e.district_code = c.district_code AND e.case_id = c.id AND e.filed_at = date_trunc('milliseconds', c.status_since)"),
      );
      const pool = await this.data
        .scoped(caller, 'read', 'Case', Case, 'c', manager)
        .andWhere('c.status = :filed AND c.status_since <= :filedBy', { filed: CaseStatus.FILED, filedBy })
        .andWhere(`NOT EXISTS (${earlier.sql})`, earlier.params)
        .orderBy('c.id', 'ASC')
        .getMany();
      if (pool.length === 0) throw conflict('spotCheck.draw.emptyPool');
      const sample = selectSample(
        draw.seed,
        draw.ratePercent,
        pool.map((c) => ({ caseId: c.id, mandatory: c.kinRegistered || c.complainedAbout })),
      );
      draw.poolSize = pool.length;
      draw.sampleSize = sample.size;
      const saved = await manager.save(draw);
      await manager.insert(
        SpotCheckPoolEntry,
        pool.map((c) => {
          const mandatory = c.kinRegistered || c.complainedAbout;
          const inclusion = c.kinRegistered
            ? SpotCheckInclusion.KIN_REGISTERED
            : c.complainedAbout
              ? SpotCheckInclusion.COMPLAINED_ABOUT
              : sample.has(c.id)
                ? SpotCheckInclusion.DRAWN
                : SpotCheckInclusion.NOT_DRAWN;
          return {
            districtCode,
            drawId: saved.id,
            caseId: c.id,
            townshipCode: c.townshipCode,
            villageCode: c.villageCode,
            filedAt: c.statusSince,
            inclusion,
            sampled: sample.has(c.id),
            score: mandatory ? null : drawScore(draw.seed, c.id),
          };
        }),
      );
      return changed(saved, 'drawSpotCheckSample', {
        seed: saved.seed,
        algorithm: saved.algorithm,
        ratePercent: saved.ratePercent,
        filedBy: saved.filedBy,
        poolSize: saved.poolSize,
        sampleSize: saved.sampleSize,
      });
    });
  }

  list(caller: Caller, page: PageArgs): Promise<Connection<SpotCheckDraw>> {
    const qb = this.data.scoped(caller, 'read', 'SpotCheckDraw', SpotCheckDraw, 'd');
    return keysetPage(qb, page, { type: 'SpotCheckDraw', sortColumn: 'drawn_at' });
  }

  /** The pools of several draws in one scoped query, each in case order. */
  poolsOf(caller: Caller, keys: readonly TenantKey[]): Promise<SpotCheckPoolEntry[]> {
    return whereTenantKeysIn(this.data.scoped(caller, 'read', 'SpotCheckDraw', SpotCheckPoolEntry, 'p'), 'draw_id', keys)
      .orderBy('p.case_id', 'ASC')
      .getMany();
  }
}

/** Whether replaying a draw from its record (seed, rate, pool) gives exactly the sample it recorded. */
export function replayMatches(draw: SpotCheckDraw, pool: readonly SpotCheckPoolEntry[]): boolean {
  const replayed = selectSample(
    draw.seed,
    draw.ratePercent,
    pool.map((e) => ({
      caseId: e.caseId,
      mandatory: e.inclusion === SpotCheckInclusion.KIN_REGISTERED || e.inclusion === SpotCheckInclusion.COMPLAINED_ABOUT,
    })),
  );
  const recorded = pool.filter((e) => e.sampled).map((e) => e.caseId);
  return replayed.size === recorded.length && recorded.every((id) => replayed.has(id));
}
