import { Field, ID, InterfaceType } from 'type-graphql';
import { badInput } from '../errors';
import { UUID_PATTERN } from '../db/tenant-keys';

/** Relay global object identification: `node(id)` finds any object by an opaque id. */
@InterfaceType('Node', { description: 'An object with a global ID (全局标识), fetchable with `node(id)`.' })
export abstract class Node {
  @Field(() => ID, { name: 'id', description: 'Opaque global ID; pass it to `node(id:)`.' })
  nodeId: string;
}

export function toGlobalId(type: string, key: string): string {
  return Buffer.from(`${type}:${key}`, 'utf8').toString('base64url');
}

export function fromGlobalIdOrThrow(id: string): { type: string; key: string } {
  const decoded = Buffer.from(id, 'base64url').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0 || colon === decoded.length - 1 || toGlobalId(decoded.slice(0, colon), decoded.slice(colon + 1)) !== id) {
    throw badInput('id', 'id.notGlobal', { id });
  }
  return { type: decoded.slice(0, colon), key: decoded.slice(colon + 1) };
}


/** For records that are not nodes (meetings, verification answers …), whose ids are plain UUIDs. */
export function uuidOrThrow(id: string, field: string): string {
  if (!UUID_PATTERN.test(id)) throw badInput(field, 'id.notIssued', { field, id });
  return id.toLowerCase();
}
