import { GraphQLError, visit, type ArgumentNode, type DocumentNode, type ObjectFieldNode } from 'graphql';
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
