import { registerEnumType } from 'type-graphql';

/** The union of an enum object's values: `type Programme = EnumValue<typeof Programme>`. */
export type EnumValue<E extends Record<string, string>> = E[keyof E];

/**
 * Registers an enum object as the GraphQL enum `name`, each value with its bilingual description.
 * Listing every key is enforced by the type, so a value never reaches the schema undescribed.
 */
export function registerEnum<E extends Record<string, string>>(
  enumObject: E,
  name: string,
  description: string,
  values: Record<keyof E, string>,
): void {
  const valuesConfig = Object.fromEntries(Object.entries(values).map(([key, text]) => [key, { description: text }]));
  registerEnumType(enumObject, { name, description, valuesConfig: valuesConfig as Partial<Record<keyof E, { description: string }>> });
}

/**
 * Declares an enum whose values are its keys and registers it with GraphQL in the same call:
 * `defineEnum('Programme', 'Assistance programme (救助类别)', { DIBAO: 'Minimum living allowance (城乡低保)' })`
 * gives `{ DIBAO: 'DIBAO' }`, so the value stored, sent and printed in the schema is one word.
 */
export function defineEnum<K extends string>(name: string, description: string, values: Record<K, string>): { readonly [V in K]: V } {
  const enumObject = Object.freeze(Object.fromEntries(Object.keys(values).map((key) => [key, key]))) as { readonly [V in K]: V };
  registerEnum(enumObject, name, description, values);
  return enumObject;
}
