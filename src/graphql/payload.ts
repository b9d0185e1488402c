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
