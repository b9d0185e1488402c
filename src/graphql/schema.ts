import 'reflect-metadata';
import { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { RegionResolver } from '../modules/region/region.resolver';
import { AccountResolver, RoleAssignmentResolver } from '../modules/account/account.resolver';
import { NodeResolver } from '../modules/node/node.resolver';

export const RESOLVERS = [RegionResolver, AccountResolver, RoleAssignmentResolver, NodeResolver] as const;

let built: Promise<GraphQLSchema> | undefined;

/** The schema from the resolver classes; `schema/schema.graphql` is printed from this. */
export function buildAppSchema(): Promise<GraphQLSchema> {
  built ??= buildSchema({
    resolvers: RESOLVERS,
    validate: { forbidUnknownValues: false },
  });
  return built;
}
