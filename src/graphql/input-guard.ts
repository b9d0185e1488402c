import {
  defaultFieldResolver,
  GraphQLError,
  isObjectType,
  visit,
  type ArgumentNode,
  type DocumentNode,
  type GraphQLSchema,
  type ObjectFieldNode,
} from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import { badInput } from '../errors';

/** NUL and the other C0 control characters but tab, line feed and carriage return, and DEL: no
 * name, note or id has them, PostgreSQL refuses NUL in text, and they hide text from reviewers. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/; // eslint-disable-line no-control-regex

/** The path of the first string in `value` holding a control character, or null. */
function controlIn(value: unknown, path: string): string | null {
  if (typeof value === 'string') return CONTROL.test(value) ? path : null;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = controlIn(item, `${path}.${index}`);
      if (found) return found;
    }
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = controlIn(item, path ? `${path}.${key}` : key);
      if (found) return found;
    }
  }
  return null;
}

/** The argument (or input field) of the first string literal in the document holding a control character. */
function controlInDocument(document: DocumentNode): string | null {
  let found: string | null = null;
  const names: string[] = [];
  const enter = (node: ArgumentNode | ObjectFieldNode) => {
    names.push(node.name.value);
  };
  const leave = () => {
    names.pop();
  };
  visit(document, {
    Argument: { enter, leave },
    ObjectField: { enter, leave },
    StringValue(node) {
      if (!found && CONTROL.test(node.value)) found = names.join('.') || 'query';
    },
  });
  return found;
}

/**
 * Refuses a request with a control character in any string argument, inline or in a variable, as
 * BAD_USER_INPUT naming the argument, before any resolver (and so any SQL) runs.
 */
export function controlCharacterGuard(): ApolloServerPlugin {
  return {
    requestDidStart: () =>
      Promise.resolve({
        didResolveOperation({ document, request }) {
          const field = controlInDocument(document) ?? controlIn(request.variables ?? {}, '');
          if (!field) return Promise.resolve();
          const refusal = badInput(field, 'input.controlCharacters', { field });
          throw new GraphQLError(refusal.message, { originalError: refusal, extensions: { http: { status: 400 } } });
        },
      }),
  };
}

/** Unicode format characters (Cf): zero-width space and joiners, word joiner, byte-order mark, soft
 * hyphen, bidirectional controls. Invisible, so two names that look alike would compare unequal,
 * masking would count them as characters, and a reviewer would not see them. */
const FORMAT = /\p{Cf}/gu;

/** Arguments and input fields holding who someone is: a person's, household's, account's or bank's
 * name, a username, an ID number, the search matched against names. Their spaces are not content:
 * leading and trailing ones are dropped, runs (of any Unicode space) become one. */
const IDENTITY = /^(name|[a-z]+Name|username|[a-z]+Username|idNumber|search|objector|recipient|residentName)$/;

/** Secrets are compared as they were set: changing their characters would lock their owner out. */
const SECRET = /password/i;

/**
 * The one form a string is validated, stored and compared in (issue #10, item 2): NFC, so a
 * decomposed character equals its composed form; format characters removed; and for identity
 * strings spaces trimmed and collapsed.
 */
export function normaliseText(value: string, identity: boolean): string {
  const text = value.normalize('NFC').replace(FORMAT, '');
  return identity ? text.replace(/\s+/gu, ' ').trim() : text;
}

function normaliseValue(value: unknown, key: string): unknown {
  if (typeof value === 'string') return SECRET.test(key) ? value : normaliseText(value, IDENTITY.test(key));
  if (Array.isArray(value)) return value.map((item) => normaliseValue(item, key));
  // Input objects only (graphql-js builds them plain); a scalar's parsed value (a Date) is left alone.
  const prototype: unknown = value && typeof value === 'object' ? Object.getPrototypeOf(value) : undefined;
  if (prototype === Object.prototype || prototype === null) {
    return Object.fromEntries(Object.entries(value as object).map(([name, item]) => [name, normaliseValue(item, name)]));
  }
  return value;
}

/**
 * Every field that takes arguments gets them normalised (`normaliseText`) before its resolver, and
 * so every service validation, write and comparison, sees them: inline or in variables alike, since
 * graphql-js has already coerced both into `args`.
 */
export function normaliseStringArguments(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      if (field.args.length === 0) continue;
      const resolve = field.resolve ?? defaultFieldResolver;
      field.resolve = (root, args: Record<string, unknown>, context, info) => resolve(root, normaliseValue(args, ''), context, info);
    }
  }
  return schema;
}
