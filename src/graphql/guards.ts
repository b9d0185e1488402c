import { ClassType, createMethodMiddlewareDecorator, getMetadataStorage, Mutation, Query } from 'type-graphql';
import type { Action, SubjectName } from '../../permissions/policy';
import { unauthenticated } from '../errors';
import { assertCan } from '../auth/authorize';
import { fromGlobalIdOrThrow } from './node';
import type { RequestContext } from './context';

/** What a Query or Mutation field needs before its resolver runs. Every root field declares one;
 * a test fails on any that does not. */
export type Requirement =
  | { kind: 'public'; why: string }
  | { kind: 'signed-in'; why: string }
  | { kind: 'can'; action: Action; subject: SubjectName }
  | { kind: 'can-any'; actions: Action[]; subject: SubjectName };

/** Resolver class → method → its requirement, filled as resolver classes load. By the class itself,
 * not its name: the classes a factory makes (payeeAccountResolver) share one name. */
const REQUIREMENTS = new Map<object, Map<string, Requirement>>();

/** What a root field (by its schema name) declared; undefined if it declared nothing. */
export function requirementOf(operation: 'Query' | 'Mutation', fieldName: string): Requirement | undefined {
  const storage = getMetadataStorage();
  const resolvers = operation === 'Query' ? storage.queries : storage.mutations;
  const resolver = resolvers.find((r) => r.schemaName === fieldName);
  return resolver && REQUIREMENTS.get(resolver.target)?.get(resolver.methodName);
}

function declare(
  requirement: Requirement,
  check: (ctx: RequestContext, operation: string, args: Record<string, unknown>) => void,
): MethodDecorator {
  const middleware = createMethodMiddlewareDecorator<RequestContext>(({ context, info, args }, next): Promise<unknown> => {
    check(context, info.fieldName, args);
    return next() as Promise<unknown>;
  });
  return (target, propertyKey, descriptor) => {
    const methods = REQUIREMENTS.get(target.constructor) ?? new Map<string, Requirement>();
    REQUIREMENTS.set(target.constructor, methods.set(String(propertyKey), requirement));
    middleware(target, propertyKey, descriptor);
  };
}

/**
 * The caller must be allowed `action` on some `subject` by the policy. Which rows is decided in
 * SQL (lists) or on the loaded row (by-id and mutations) by the service.
 */
export function Needs(action: Action, subject: SubjectName): MethodDecorator {
  return declare({ kind: 'can', action, subject }, (ctx, operation, args) => {
    assertCan(ctx.caller, action, subject, undefined, undefined, { operation, subjectId: targetOf(args) });
  });
}

/**
 * The caller must be allowed one of `actions` on some `subject`: a step whose outcome decides which
 * action it needs (a committee review that ends in a refusal is a decision, D§13). The service
 * checks the action of the outcome on the row; a caller allowed none is refused for the first.
 */
export function NeedsAny(actions: [Action, ...Action[]], subject: SubjectName): MethodDecorator {
  return declare({ kind: 'can-any', actions, subject }, (ctx, operation, args) => {
    if (actions.some((action) => ctx.caller.actor && ctx.caller.ability.can(action, subject))) return;
    assertCan(ctx.caller, actions[0], subject, undefined, undefined, { operation, subjectId: targetOf(args) });
  });
}

/** The row an operation aims at, from its id argument (a mutation's is inside its `input`), so
 * that a refusal is logged against it. */
function targetOf(args: Record<string, unknown>): string | null {
  const source = args.input !== null && typeof args.input === 'object' ? (args.input as Record<string, unknown>) : args;
  const name = Object.keys(source).find((arg) => arg === 'id' || arg.endsWith('Id'));
  const value = name ? source[name] : undefined;
  if (typeof value !== 'string') return null;
  // Only an id of the server's own shape enters the log: a caller must not write text of its choosing there.
  try {
    const id = fromGlobalIdOrThrow(value).key.split(':').pop()!;
    return ROW_ID.test(id) ? id : null;
  } catch {
    return null;
  }
}

/** A row id as the server issues them: a UUID, or a region code. */
const ROW_ID = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\d{12})$/;

/** What a root field answers: an object type, or a list of one. */
type Answer = ClassType | [ClassType];

/** The schema name of a root field whose method is named otherwise. */
interface Renamed {
  name: string;
}

/**
 * A query that reads `subject`, a list or one object: nullable, so that a refusal answers null for
 * this field with a coded error beside the rest of the answer, and it needs read on `subject`.
 */
export function ReadQuery(answer: Answer, subject: SubjectName, description: string, renamed?: Renamed): MethodDecorator {
  return stacked(
    Query(() => answer, { ...renamed, nullable: true, description }),
    Needs('read', subject),
  );
}

/** A mutation: it answers with its payload and needs `action` on `subject`. */
export function Command(payload: ClassType, action: Action, subject: SubjectName, description: string, renamed?: Renamed): MethodDecorator {
  return stacked(
    Mutation(() => payload, { ...renamed, description }),
    Needs(action, subject),
  );
}

/** Decorators as if written one above the other: the lowest applies first. */
function stacked(...decorators: MethodDecorator[]): MethodDecorator {
  return (target, propertyKey, descriptor) => {
    for (const decorator of [...decorators].reverse()) decorator(target, propertyKey, descriptor);
  };
}

/** Reachable by anyone, signed in or not; `why` names the clause that makes it public. */
export function Public(why: string): MethodDecorator {
  return declare({ kind: 'public', why }, () => undefined);
}

/** Any signed-in account; the resolver itself limits the answer to the caller's own data. */
export function SignedIn(why: string): MethodDecorator {
  return declare({ kind: 'signed-in', why }, (ctx) => {
    if (!ctx.caller.actor) throw unauthenticated('auth.signInRequired');
  });
}
