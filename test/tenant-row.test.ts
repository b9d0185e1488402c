import { isObjectType } from 'graphql';
import { ENTITIES } from '../src/db/entities';
import { TenantRow } from '../src/db/tenant-row';
import { buildAppSchema } from '../src/graphql/schema';

/** Tenant rows never addressed on their own: shown only as fields of their parent (a fund request's
 * rosters, a batch's transfers, a payment's bank results, D§10), so they carry no global id. */
const SHOWN_WITH_PARENT = ['FundRequestRoster', 'PaymentTransfer', 'PaymentResult'];

// TenantRow.nodeId names a row's type by its class name, so the class must be served under that name.
it('every tenant entity is served as a Node type of its own class name, the type its global ID names', async () => {
  const schema = await buildAppSchema();
  const tenantEntities = ENTITIES.filter((entity) => entity.prototype instanceof TenantRow);
  expect(tenantEntities.length).toBeGreaterThan(0);
  const notServed = tenantEntities.filter((entity) => {
    if (SHOWN_WITH_PARENT.includes(entity.name)) return schema.getType(entity.name) !== undefined;
    const type = schema.getType(entity.name);
    return !isObjectType(type) || !type.getInterfaces().some((i) => i.name === 'Node');
  });
  expect(notServed.map((entity) => entity.name)).toEqual([]);
});
