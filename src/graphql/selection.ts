import { FieldNode, GraphQLResolveInfo, Kind, SelectionSetNode } from 'graphql';

/**
 * The fields a connection query selects on its items (under `edges { node }` and `nodes`), so that
 * its service reads only their columns. Undefined when that cannot be told for sure (a fragment on
 * an interface, say), and the service then reads every column.
 */
export function connectionItemFields(info: GraphQLResolveInfo): Set<string> | undefined {
  const fields = new Set<string>();
  const collect = (set: SelectionSetNode | undefined, path: readonly string[]): boolean => {
    if (!set) return true;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        if (!visit(selection, path)) return false;
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        if (!collect(selection.selectionSet, path)) return false;
      } else {
        const fragment = info.fragments[selection.name.value];
        if (!fragment || !collect(fragment.selectionSet, path)) return false;
      }
    }
    return true;
  };
  const visit = (field: FieldNode, path: readonly string[]): boolean => {
    const name = field.name.value;
    if (path.length === 0) {
      if (name === 'edges') return collect(field.selectionSet, ['edges']);
      if (name === 'nodes') return collect(field.selectionSet, ['nodes']);
      return true;
    }
    if (path[0] === 'edges' && path.length === 1) return name === 'node' ? collect(field.selectionSet, ['edges', 'node']) : true;
    fields.add(name);
    return true;
  };
  for (const node of info.fieldNodes) if (!collect(node.selectionSet, [])) return undefined;
  return fields;
}
