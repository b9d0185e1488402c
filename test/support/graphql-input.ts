import {
  GraphQLField,
  GraphQLInputType,
  GraphQLNamedType,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
} from 'graphql';

/** Well-typed but wrong input for any argument: ids of nothing or of the wrong type, empty,
 * impossible and extreme values. */
export type Flavour = 'nothing' | 'wrongType' | 'extreme';

export function garbage(
  type: GraphQLInputType,
  flavour: Flavour,
  ids: { realCaseId: string; realHouseholdId: string },
  depth = 0,
): unknown {
  if (isNonNullType(type)) return garbage(type.ofType, flavour, ids, depth);
  if (isListType(type)) return flavour === 'extreme' ? [] : [garbage(type.ofType, flavour, ids, depth)];
  const named = getNamedType(type) as GraphQLNamedType;
  if (isEnumType(named)) return named.getValues()[0].name;
  if (isInputObjectType(named)) {
    if (depth > 3) return {};
    // 'nothing' leaves every optional field out: an input object with nothing to do.
    const fields = Object.values(named.getFields()).filter((f) => flavour !== 'nothing' || isNonNullType(f.type));
    return Object.fromEntries(fields.map((f) => [f.name, garbage(f.type, flavour, ids, depth + 1)]));
  }
  if (isScalarType(named)) {
    switch (named.name) {
      case 'ID':
        return flavour === 'nothing'
          ? Buffer.from('Case:510199000000:00000000-0000-4000-8000-000000000000').toString('base64url')
          : flavour === 'wrongType'
            ? ids.realHouseholdId
            : ids.realCaseId;
      case 'String':
        return flavour === 'extreme' ? 'x'.repeat(20000) : flavour === 'nothing' ? '' : '2026-02-30';
      case 'Int':
        return flavour === 'extreme' ? 2147483647 : -1;
      case 'Float':
        return flavour === 'extreme' ? 1e15 : -0.5;
      case 'Boolean':
        return flavour !== 'nothing';
      case 'Decimal':
        return flavour === 'extreme' ? '9999999999.99' : '-0.50';
      // A real but unlikely day: impossible dates never get past the scalar.
      case 'Date':
        return flavour === 'extreme' ? '9999-12-31' : '1900-02-28';
      default:
        return null;
    }
  }
  return null;
}

/** `mutation($a: T, …) { field(a: $a, …) { __typename } }` for a root field, arguments as variables. */
export function operationText(operation: 'query' | 'mutation', field: GraphQLField<unknown, unknown>): string {
  const defs = field.args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
  const call = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
  const returnType = getNamedType(field.type);
  const selection = isScalarType(returnType) || isEnumType(returnType) ? '' : ' { __typename }';
  return `${operation}${defs ? `(${defs})` : ''} { ${field.name}${call ? `(${call})` : ''}${selection} }`;
}
