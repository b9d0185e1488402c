import { isObjectType } from 'graphql';
import { ENTITIES } from '../src/db/entities';
import { TenantRow } from '../src/db/tenant-row';
import { buildAppSchema } from '../src/graphql/schema';

// TenantRow.nodeId names a row's type by its class name, so the class must be served under that name.
it('every tenant entity is served as a Node type of its own class name, the type its global ID names', async () => {
  const schema = await buildAppSchema();
  const tenantEntities = ENTITIES.filter((entity) => entity.prototype instanceof TenantRow);
  expect(tenantEntities.length).toBeGreaterThan(0);
  const notServed = tenantEntities.filter((entity) => {
    const type = schema.getType(entity.name);
    return !isObjectType(type) || !type.getInterfaces().some((i) => i.name === 'Node');
  });
  expect(notServed.map((entity) => entity.name)).toEqual([]);
});
