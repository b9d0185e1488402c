import { defineAbilityFor } from '../permissions/ability';
import { PendingAudit, Caller } from '../src/auth/caller';
import { DataAccess } from '../src/db/data-access';
import { createLogger } from '../src/logger';
import { Household, Person } from '../src/modules/household/household.entity';
import { Account } from '../src/modules/account/account.entity';
import { actorOf } from '../src/modules/account/account.service';
import { delegationsInForce } from '../src/modules/delegation/delegations-in-force';
import { useTestApp } from './support/harness';
import { householdWithCase } from './support/households';

/** The data-access layer: a scoped builder cannot lose its scope, and a subquery over another
 * subject carries that subject's scope (issue 8: scoped by construction). */
const t = useTestApp();
let data: DataAccess;
beforeAll(async () => {
  data = new DataAccess(t.dataSource, createLogger('silent'));
  await householdWithCase(t, 'va.101201', '510199101201', 'DIBAO', '甲户主');
  await householdWithCase(t, 'va.101202', '510199101202', 'DIBAO', '乙户主');
});

async function callerFor(username: string): Promise<Caller> {
  const account = await t.dataSource.getRepository(Account).findOneOrFail({ where: { username }, relations: { roles: true } });
  const actor = actorOf(account, await delegationsInForce(data, account.districtCode));
  return {
    actor,
    authMethod: 'TOKEN',
    ability: defineAbilityFor(actor),
    requestId: 'test',
    clientAddress: 'test',
    audit: new PendingAudit(),
  };
}

it('answers only the rows the caller may read, whatever filters are added', async () => {
  const village = await callerFor('va.101201');
  const all = await data.scoped(village, 'read', 'Household', Household, 'h').getMany();
  expect(all.map((h) => h.headName)).toEqual(['甲户主']);
  const other = await data
    .scoped(village, 'read', 'Household', Household, 'h')
    .andWhere('h.village_code = :v', { v: '510199101202' })
    .getMany();
  expect(other).toEqual([]);
});

it('refuses where and orWhere, which would replace or widen the scope', async () => {
  const village = await callerFor('va.101201');
  expect(() => data.scoped(village, 'read', 'Household', Household, 'h').where('true')).toThrow(/andWhere/);
  expect(() => data.scoped(village, 'read', 'Household', Household, 'h').orWhere('true')).toThrow(/andWhere/);
});

it('scopes nothing in for a caller without a grant (deny by default)', async () => {
  const finance = await callerFor('finance');
  expect(await data.scoped(finance, 'read', 'Person', Person, 'p').getCount()).toBe(0);
  const sub = data.scopedSql(finance, 'read', 'Person', Person, 'p', (q) => q.select('1'));
  expect(sub.sql).toMatch(/FALSE/);
});

it("keeps a member-name search inside the caller's Person scope", async () => {
  // The district sees both households; members are matched only where the village may read them.
  const officer = await callerFor('district.officer');
  const village = await callerFor('va.101202');
  const members = data.scopedSql(village, 'read', 'Person', Person, 'p', (q) =>
    q.select('1').andWhere('p.household_id = h.id AND p.name ILIKE :s'),
  );
  const found = await data
    .scoped(officer, 'read', 'Household', Household, 'h')
    .andWhere(`EXISTS (${members.sql})`, { ...members.params, s: '%户主%' })
    .getMany();
  expect(found.map((h) => h.headName)).toEqual(['乙户主']);
});

it('joins the transaction open in this piece of work, and only one it opened itself', async () => {
  const other = new DataAccess(t.dataSource, createLogger('silent'));
  const reason = 'check uniqueness across the district';
  const connection = async (db: { query: (sql: string) => Promise<{ pid: number }[]> }) =>
    (await db.query('SELECT pg_backend_pid() AS pid'))[0].pid;
  await data.system(reason).transaction(async (manager) => {
    const outer = await connection(manager);
    expect(await connection(data.system(reason))).toBe(outer);
    await other.system(reason).transaction(async (inner) => {
      expect(await connection(inner)).not.toBe(outer);
      expect(await connection(other.system(reason))).toBe(await connection(inner));
      expect(await connection(data.system(reason))).toBe(outer);
    });
  });
});
