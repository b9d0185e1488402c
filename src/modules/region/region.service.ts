import { badInput, notFound } from '../../errors';
import type { Caller } from '../../auth/caller';
import { KINDS_OF_LEVEL, Region, RegionKind } from './region.entity';
import { levelOfCodeOrThrow, parentCodeOf, provinceCodeOf, RegionLevel, scopeCodesOf } from './region-code';
import type { DataAccess } from '../../db/data-access';
import { changed } from '../../db/guarded-writes';
import type { GuardedSubject, GuardedWrites } from '../../db/guarded-writes';
import { whereEqual } from '../../db/scoped-filters';

export interface RegionFilter {
  parentCode?: string;
  level?: RegionLevel;
}

export interface NewRegion {
  code: string;
  name: string;
  kind: RegionKind;
  population: number;
}

/** Regions as their changes find, lock and audit them: by code, the key of the register. */
const REGION: GuardedSubject<Region, 'code'> = {
  name: 'Region',
  entity: Region,
  key: ['code'],
  notFound: ({ code }) => notFound('region.notFound', { code }),
};

export class RegionService {
  constructor(
    private readonly data: DataAccess,
    private readonly writes: GuardedWrites,
  ) {}

  /** Regions the caller may read, in code order. */
  list(caller: Caller, filter: RegionFilter = {}): Promise<Region[]> {
    const qb = this.data.scoped(caller, 'read', 'Region', Region, 'region');
    whereEqual(qb, { parent_code: filter.parentCode, level: filter.level });
    return qb.orderBy('region.code').getMany();
  }

  /** Regions by code in one scoped query; codes the caller may not read are simply absent. */
  findByCodes(caller: Caller, codes: readonly string[]): Promise<Region[]> {
    const qb = this.data.scoped(caller, 'read', 'Region', Region, 'region').andWhere('region.code IN (:...codes)', { codes });
    return qb.getMany();
  }

  /** Children of several parents in one scoped query. */
  childrenOf(caller: Caller, parentCodes: readonly string[]): Promise<Region[]> {
    const qb = this.data
      .scoped(caller, 'read', 'Region', Region, 'region')
      .andWhere('region.parent_code IN (:...parentCodes)', { parentCodes });
    return qb.orderBy('region.code').getMany();
  }

  async findByCodeOrThrow(caller: Caller, code: string): Promise<Region> {
    const [region] = await this.findByCodes(caller, [code]);
    if (!region) throw notFound('region.notFound', { code });
    return region;
  }

  /** Adds a place under an existing parent; the code must sit inside the parent's code. */
  async create(caller: Caller, input: NewRegion): Promise<Region> {
    const level = levelOfCodeOrThrow(input.code);
    if (!KINDS_OF_LEVEL[level].includes(input.kind)) {
      throw badInput('kind', 'region.kind.mismatch', { level, kinds: KINDS_OF_LEVEL[level], kind: input.kind });
    }
    const parentCode = parentCodeOf(input.code);
    const region = Object.assign(new Region(), {
      ...input,
      level,
      parentCode,
      provinceCode: provinceCodeOf(input.code),
      ...scopeCodesOf(input.code),
    });
    return this.writes.guardedCreate(caller, 'Region', region, 'create', async (manager) => {
      if (parentCode && !(await manager.existsBy(Region, { code: parentCode }))) {
        throw badInput('code', 'region.parent.missing', { parent: parentCode, code: input.code });
      }
      if (await manager.existsBy(Region, { code: input.code })) {
        throw badInput('code', 'region.exists', { code: input.code });
      }
      const saved = await manager.save(region);
      return changed(saved, 'createRegion', { name: saved.name, kind: saved.kind });
    });
  }

  async update(caller: Caller, code: string, changes: { name?: string; population?: number; kind?: RegionKind }): Promise<Region> {
    return this.writes.guardedChange(caller, REGION, { code }, 'update', async ({ manager, row: region }) => {
      if (changes.kind && !KINDS_OF_LEVEL[region.level].includes(changes.kind)) {
        throw badInput('kind', 'region.kind.mismatch', { level: region.level, kinds: KINDS_OF_LEVEL[region.level], kind: changes.kind });
      }
      const applied = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined && v !== null));
      Object.assign(region, applied);
      return changed(await manager.save(region), 'updateRegion', applied);
    });
  }
}
