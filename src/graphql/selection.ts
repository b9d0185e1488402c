import { FieldNode, GraphQLResolveInfo, Kind, SelectionSetNode } from 'graphql';

/**
 * Visits the fields of a selection set through its fragments. False when a fragment is not known
 * (then what is selected cannot be told) or when `visit` says so.
 */
function eachField(info: GraphQLResolveInfo, set: SelectionSetNode | undefined, visit: (field: FieldNode) => boolean): boolean {
  if (!set) return true;
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) {
      if (!visit(selection)) return false;
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      if (!eachField(info, selection.selectionSet, visit)) return false;
    } else {
      const fragment = info.fragments[selection.name.value];
      if (!fragment || !eachField(info, fragment.selectionSet, visit)) return false;
    }
  }
  return true;
}

/** What `objectFields` found, per field's nodes: graphql-js hands every item of a list the same array. */
const objectFieldsKept = new WeakMap<readonly FieldNode[], ReadonlySet<string> | undefined>();

/**
 * The fields selected on the object (or on each object of the list) a field returns, so that its
 * loader reads only their columns; undefined when that cannot be told for sure. The same set for
 * every item of a page, so that a loader can be chosen by it.
 */
export function objectFields(info: GraphQLResolveInfo): ReadonlySet<string> | undefined {
  if (objectFieldsKept.has(info.fieldNodes)) return objectFieldsKept.get(info.fieldNodes);
  let fields: Set<string> | undefined = new Set<string>();
  const item = (field: FieldNode) => {
    fields!.add(field.name.value);
    return true;
  };
  for (const node of info.fieldNodes) if (!eachField(info, node.selectionSet, item)) fields = undefined;
  objectFieldsKept.set(info.fieldNodes, fields);
  return fields;
}

/**
 * The fields a connection query selects on its items (under `edges { node }` and `nodes`), so that
 * its service reads only their columns. Undefined when that cannot be told for sure (a fragment on
 * an interface, say), and the service then reads every column.
 */
export function connectionItemFields(info: GraphQLResolveInfo): Set<string> | undefined {
  const fields = new Set<string>();
  const item = (field: FieldNode) => {
    fields.add(field.name.value);
    return true;
  };
  const edge = (field: FieldNode) => field.name.value !== 'node' || eachField(info, field.selectionSet, item);
  const connection = (field: FieldNode) => {
    if (field.name.value === 'edges') return eachField(info, field.selectionSet, edge);
    if (field.name.value === 'nodes') return eachField(info, field.selectionSet, item);
    return true;
  };
  for (const node of info.fieldNodes) if (!eachField(info, node.selectionSet, connection)) return undefined;
  return fields;
}
