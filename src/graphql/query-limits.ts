import {
  ASTVisitor,
  DocumentNode,
  FragmentDefinitionNode,
  getNullableType,
  GraphQLError,
  GraphQLSchema,
  isListType,
  Kind,
  SelectionSetNode,
  ValidationContext,
  ValidationRule,
} from 'graphql';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { ComplexityEstimator, getComplexity } from 'graphql-query-complexity';
import type { ApolloServerPlugin } from '@apollo/server';
import { DomainError, ErrorCode } from '../errors';
import { message, Message } from '../i18n/message';
import { DEFAULT_PAGE_SIZE } from './connection';

/**
 * What one request may ask for: nesting depth, aliases, directives and tokens are checked on the
 * document (once per distinct query, Apollo caches validation); the estimated cost with the
 * request's variables, since page sizes usually come in as variables. Each refusal is a
 * GRAPHQL_VALIDATION_FAILED answer (HTTP 400) whose message names the limit and its setting.
 */
export interface QueryLimits {
  maxDepth: number;
  maxAliases: number;
  maxDirectives: number;
  maxTokens: number;
  maxCost: number;
  /** Items a list without a page size (a household's members) is assumed to hold. */
  listSizeEstimate: number;
}

/** A refusal carried as the original error, so that the formatter answers in the request's language. */
function limitError(what: Message): GraphQLError {
  const refusal = new DomainError(ErrorCode.GRAPHQL_VALIDATION_FAILED, what);
  return new GraphQLError(refusal.message, { originalError: refusal, extensions: { http: { status: 400 } } });
}

/** The validation rules: depth (below), and graphql-armor's alias and directive counts. */
export function queryLimitRules(limits: QueryLimits): ValidationRule[] {
  const report = (what: (found: number) => Message) => (context: ValidationContext | null, error: GraphQLError) => {
    // graphql-armor reports "… limit of N exceeded, found M."; the count is the last number in it.
    const found = Number(/found (\d+)/.exec(error.message)?.[1] ?? NaN);
    context?.reportError(limitError(what(found)));
  };
  return [
    depthLimit(limits.maxDepth),
    maxAliasesRule({
      n: limits.maxAliases,
      propagateOnRejection: false,
      onReject: [report((found) => message('request.tooManyAliases', { found, max: limits.maxAliases }))],
    }),
    maxDirectivesRule({
      n: limits.maxDirectives,
      propagateOnRejection: false,
      onReject: [report((found) => message('request.tooManyDirectives', { found, max: limits.maxDirectives }))],
    }),
  ];
}

/**
 * The cost of a query: one per field, and a list field's selection counted once per item it may
 * return — `first` (or the default page size) for a connection, `listSizeEstimate` for a plain list
 * such as a household's members, so that `household { members { household { members … } } }`
 * multiplies as its answer would. A connection's own `nodes`/`edges` are not counted again.
 * Introspection costs nothing (GraphiQL must load the schema).
 */
export function queryCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown>,
  operationName: string | undefined,
  listSizeEstimate: number,
): number {
  const estimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
    if (field.name.startsWith('__')) return 0;
    if ('first' in args) {
      const first = typeof args.first === 'number' && args.first > 0 ? args.first : DEFAULT_PAGE_SIZE;
      return 1 + first * childComplexity;
    }
    if (!isListType(getNullableType(field.type)) || type.name.endsWith('Connection')) return 1 + childComplexity;
    // A list of scalars or enums is one value; a list of objects multiplies what is selected in it.
    return childComplexity > 0 ? 1 + listSizeEstimate * childComplexity : 1;
  };
  return getComplexity({ schema, query: document, variables, operationName, estimators: [estimator] });
}

/** Costs remembered per parsed document, for this many operation-and-variables combinations each. */
const COSTS_PER_DOCUMENT = 32;

/**
 * Refuses an operation whose cost exceeds `maxCost` before it runs. Apollo parses a query text once
 * and hands every later request of it the same document, so the cost of a document with the same
 * operation and variables is remembered with it: walking the document again was about 3 % of the
 * CPU of issue #14's page (a).
 */
export function costLimitPlugin(limits: QueryLimits): ApolloServerPlugin {
  const known = new WeakMap<DocumentNode, Map<string, number | undefined>>();
  const costOf = (schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown>, operationName?: string) => {
    let costs = known.get(document);
    if (!costs) {
      costs = new Map();
      known.set(document, costs);
    }
    const key = `${operationName ?? ''}\0${JSON.stringify(variables)}`;
    if (costs.has(key)) return costs.get(key);
    let cost: number | undefined;
    try {
      cost = queryCost(schema, document, variables, operationName, limits.listSizeEstimate);
    } catch (error) {
      // Variables that do not coerce are refused by execution with their own message; a
      // document beyond the library's node count is too costly by definition.
      if (error instanceof GraphQLError && /maximum allowed number of nodes/.test(error.message)) cost = Infinity;
      else cost = undefined;
    }
    if (costs.size >= COSTS_PER_DOCUMENT) costs.clear();
    costs.set(key, cost);
    return cost;
  };
  return {
    requestDidStart: () =>
      Promise.resolve({
        didResolveOperation({ schema, document, request }) {
          const cost = costOf(schema, document, request.variables ?? {}, request.operationName ?? undefined);
          if (cost === undefined) return Promise.resolve();
          if (cost > limits.maxCost)
            throw limitError(message('request.tooCostly', { cost: Number.isFinite(cost) ? cost : '∞', max: limits.maxCost }));
          return Promise.resolve();
        },
      }),
  };
}

/**
 * Refuses operations nested deeper than `maxDepth` fields (introspection excluded, so GraphiQL's
 * schema query still works): a cheap guard against queries built to exhaust the server.
 */
function depthLimit(maxDepth: number): ValidationRule {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const definition of context.getDocument().definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    }
    // Each fragment's depth is computed once: re-walking a fragment at every use would let a small
    // query of fragments that use each other twice take exponential time before anything else runs.
    const fragmentDepths = new Map<string, number>();
    const fragmentDepth = (name: string, inProgress: Set<string>): number => {
      const known = fragmentDepths.get(name);
      if (known !== undefined) return known;
      const fragment = fragments.get(name);
      // Cycles are reported by the standard rules; count them as flat here.
      if (!fragment || inProgress.has(name)) return 0;
      inProgress.add(name);
      const depth = depthOf(fragment.selectionSet, inProgress);
      inProgress.delete(name);
      fragmentDepths.set(name, depth);
      return depth;
    };
    const depthOf = (set: SelectionSetNode | undefined, inProgress: Set<string>): number => {
      if (!set) return 0;
      let deepest = 0;
      for (const selection of set.selections) {
        if (selection.kind === Kind.FIELD) {
          if (selection.name.value.startsWith('__')) continue;
          deepest = Math.max(deepest, 1 + depthOf(selection.selectionSet, inProgress));
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          deepest = Math.max(deepest, depthOf(selection.selectionSet, inProgress));
        } else {
          deepest = Math.max(deepest, fragmentDepth(selection.name.value, inProgress));
        }
      }
      return deepest;
    };
    return {
      OperationDefinition(node) {
        const depth = depthOf(node.selectionSet, new Set());
        if (depth > maxDepth) {
          // Carried as the original error, so that the formatter answers in the request's language.
          const tooDeep = new DomainError(ErrorCode.GRAPHQL_VALIDATION_FAILED, message('request.tooDeep', { depth, max: maxDepth }));
          context.reportError(new GraphQLError(tooDeep.message, { nodes: [node], originalError: tooDeep }));
        }
      },
    };
  };
}
