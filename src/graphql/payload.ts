import type { GraphQLScalarType } from 'graphql';
import { ClassType, Field, ObjectType } from 'type-graphql';

interface PayloadField {
  type: () => ClassType | GraphQLScalarType;
  description: string;
  nullable?: boolean;
}

/**
 * The payload type of one mutation, `<Mutation>Payload`, holding the objects the mutation changed
 * (the convention of Apollo's schema guide, GitHub's and Shopify's APIs): clients select what they
 * need to update their screens, and a later field can be added without breaking anyone.
 */
export function payloadType<T extends object>(
  name: string,
  description: string,
  fields: { [K in keyof T & string]: PayloadField },
): ClassType<T> {
  @ObjectType(`${name}Payload`, { description })
  class Payload {}
  for (const [key, spec] of Object.entries<PayloadField>(fields)) {
    Field(spec.type, { description: spec.description, nullable: spec.nullable ?? false })(Payload.prototype, key);
  }
  return Payload as ClassType<T>;
}

/** The optional idempotency key of an integration's mutation (issue 10 item 8), described once. */
export const IDEMPOTENCY_KEY_DESCRIPTION =
  'Idempotency key (幂等键), 8–100 of A–Z a–z 0–9 -_.: : a retry with the same key and the same input returns the first answer without writing again; the same key with another input is refused. Kept for IDEMPOTENCY_TTL_SECONDS.';
