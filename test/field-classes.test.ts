import { readFileSync } from 'node:fs';
import { buildSchema, extendSchema, parse } from 'graphql';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { buildCheckedSchema, RESOLVERS } from '../src/graphql/schema';
import { assertEveryFieldClassified } from '../src/graphql/field-classes';
import { Person } from '../src/modules/household/household.entity';

// This file builds no app: the resolver below registers its field for every schema built in the process.

/** A field someone added without classifying it. */
@Resolver(() => Person)
class UnclassifiedFieldResolver {
  @FieldResolver(() => String, { nullable: true })
  favouriteColour(@Root() person: Person, @Ctx() _ctx: unknown): string {
    return person.name;
  }
}

describe('the field classification check at start-up (issue #9: nothing fails open)', () => {
  it('refuses to start with a field of a subject type nobody classified', async () => {
    await expect(buildCheckedSchema([...RESOLVERS, UnclassifiedFieldResolver])).rejects.toThrow(
      /Person\.favouriteColour is not classified/,
    );
  });

  it('refuses a field of any other object type nobody classified', () => {
    // The printed schema (checked fresh elsewhere), as the resolvers above build it.
    const schema = buildSchema(readFileSync('schema/schema.graphql', 'utf8'));
    expect(() => assertEveryFieldClassified(schema)).not.toThrow();
    const extended = extendSchema(
      schema,
      parse('extend type Investigator { phone: String } extend type PageInfo { cursorSecret: String }'),
    );
    expect(() => assertEveryFieldClassified(extended)).toThrow(
      /Investigator\.phone is not classified\nPageInfo\.cursorSecret is not classified/,
    );
  });
});
