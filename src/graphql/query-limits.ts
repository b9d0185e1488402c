import { ASTVisitor, FragmentDefinitionNode, GraphQLError, Kind, SelectionSetNode, ValidationContext } from 'graphql';
import { DomainError, ErrorCode } from '../errors';
import { message } from '../i18n/message';

/**
 * Refuses operations nested deeper than `maxDepth` fields (introspection excluded, so GraphiQL's
 * schema query still works): a cheap guard against queries built to exhaust the server.
 */
export function depthLimit(maxDepth: number) {
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
