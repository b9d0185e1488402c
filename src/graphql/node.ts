import { Field, ID, InterfaceType } from 'type-graphql';
import { badInput } from '../errors';
import { parseTenantKey, TenantKey } from '../db/tenant-keys';

/** Relay global object identification: `node(id)` finds any object by an opaque id. */
@InterfaceType('Node', { description: 'An object with a global ID (全局标识), fetchable with `node(id)`.' })
export abstract class Node {
  @Field(() => ID, { name: 'id', description: 'Opaque global ID; pass it to `node(id:)`.' }) nodeId: string;
}

// Every global ID of the API is encoded and decoded here and nowhere else.

export function toGlobalId(type: string, key: string): string {
  return Buffer.from(`${type}:${key}`, 'utf8').toString('base64url');
}

/** The global ID of a tenant row: its type and its key `<districtCode>:<uuid>` (D§1). */
export function tenantGlobalId(type: string, row: TenantKey): string {
  return toGlobalId(type, `${row.districtCode}:${row.id}`);
}

export function fromGlobalIdOrThrow(id: string, field = 'id'): { type: string; key: string } {
  const decoded = Buffer.from(id, 'base64url').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0 || colon === decoded.length - 1 || toGlobalId(decoded.slice(0, colon), decoded.slice(colon + 1)) !== id) {
    throw badInput(field, 'id.notGlobal', { id: id.slice(0, 100) });
  }
  return { type: decoded.slice(0, colon), key: decoded.slice(colon + 1) };
}

/** Decodes a global ID that must name an object of `type`. */
export function keyOfOrThrow(id: string, type: string, field = 'id'): string {
  const decoded = fromGlobalIdOrThrow(id, field);
  if (decoded.type !== type) throw badInput(field, 'id.wrongType', { id, actual: decoded.type, expected: type });
  return decoded.key;
}

/** Decodes the global ID of a tenant row (`Type:<district>:<uuid>`). */
export function tenantKeyOfOrThrow(id: string, type: string, field = 'id'): TenantKey {
  const key = parseTenantKey(keyOfOrThrow(id, type, field));
  if (!key) throw badInput(field, 'id.notOfType', { id, type });
  return key;
}
