import type { Grant } from './policy';
import type { Scope } from './vocabulary';

/** How far a scope reaches, for telling a widened grant from a narrowed one. `department` and
 * `self` are narrower than a village: a department's own requests, a holder's own rows. */
const REACH: Record<Scope, number> = { self: 0, department: 1, village: 2, township: 3, district: 4, province: 5 };

const SCOPE_TEXT: Record<Scope, string> = {
  self: 'own account',
  department: 'own department',
  village: 'own village',
  township: 'own township',
  district: 'own district',
  province: 'own province',
};

export interface PolicyChange {
  kind: 'added' | 'removed' | 'widened' | 'narrowed' | 'changed';
  text: string;
}

const effect = (g: Grant) => (g.inverted ? 'DENY' : 'ALLOW');
const group = (g: Grant) => `${g.role}|${g.action}|${g.subject}|${effect(g)}`;
const shape = (g: Grant) => JSON.stringify([g.scope, g.fields ? [...g.fields].sort() : null, g.when?.conditions ?? null]);

function describe(g: Grant): string {
  const what = g.inverted ? `is denied ${g.action} ${g.subject}` : `may ${g.action} ${g.subject}`;
  const fields = g.fields ? `, fields ${g.fields.join(', ')}` : '';
  const condition = g.when ? `, where ${g.when.text.en}` : '';
  return `${g.role} ${what} in ${SCOPE_TEXT[g.scope]}${fields}${condition} (${g.clause})`;
}

/** Whether `after` reaches at least what `before` did, and more (for an allow row: more access). */
function compare(before: Grant, after: Grant): { wider: boolean; narrower: boolean; words: string[] } {
  const words: string[] = [];
  let wider = false;
  let narrower = false;
  if (before.scope !== after.scope) {
    words.push(`scope ${SCOPE_TEXT[before.scope]} → ${SCOPE_TEXT[after.scope]}`);
    if (REACH[after.scope] > REACH[before.scope]) wider = true;
    else narrower = true;
  }
  const beforeFields = before.fields ? new Set(before.fields) : null;
  const afterFields = after.fields ? new Set(after.fields) : null;
  if (JSON.stringify(before.fields ? [...before.fields].sort() : null) !== JSON.stringify(after.fields ? [...after.fields].sort() : null)) {
    const gained = afterFields ? [...afterFields].filter((f) => beforeFields && !beforeFields.has(f)) : null;
    const lost = beforeFields ? [...beforeFields].filter((f) => afterFields && !afterFields.has(f)) : null;
    if (!afterFields) {
      words.push('fields: now every field, personal data included');
      wider = true;
    } else if (!beforeFields) {
      words.push(`fields: only ${[...afterFields].join(', ')} (was every field)`);
      narrower = true;
    } else {
      if (gained?.length) {
        words.push(`fields added: ${gained.join(', ')}`);
        wider = true;
      }
      if (lost?.length) {
        words.push(`fields removed: ${lost.join(', ')}`);
        narrower = true;
      }
    }
  }
  const beforeWhen = JSON.stringify(before.when?.conditions ?? null);
  const afterWhen = JSON.stringify(after.when?.conditions ?? null);
  if (beforeWhen !== afterWhen) {
    if (!after.when) {
      words.push(`condition dropped: ${before.when!.text.en}`);
      wider = true;
    } else if (!before.when) {
      words.push(`condition added: ${after.when.text.en}`);
      narrower = true;
    } else {
      words.push(`condition: ${before.when.text.en} → ${after.when.text.en}`);
      wider = true;
      narrower = true;
    }
  }
  return { wider, narrower, words };
}

/**
 * What changed between two versions of the policy table, in words: grants added, removed, widened
 * (more scope, more fields, a condition dropped) or narrowed, and clause changes. A widened denial
 * takes access away, so it is reported as narrowing what the role may do, and the reverse.
 */
export function diffPolicies(before: readonly Grant[], after: readonly Grant[]): PolicyChange[] {
  const changes: PolicyChange[] = [];
  const groups = new Set([...before.map(group), ...after.map(group)]);
  for (const key of [...groups].sort()) {
    const old = before.filter((g) => group(g) === key);
    const now = after.filter((g) => group(g) === key);
    const oldLeft = old.filter((g) => !now.some((n) => shape(n) === shape(g)));
    const nowLeft = now.filter((g) => !old.some((o) => shape(o) === shape(g)));
    for (const g of now) {
      const same = old.find((o) => shape(o) === shape(g));
      if (same && same.clause !== g.clause) changes.push({ kind: 'changed', text: `${describe(g)}: clause ${same.clause} → ${g.clause}` });
    }
    if (oldLeft.length === 1 && nowLeft.length === 1) {
      const [o, n] = [oldLeft[0], nowLeft[0]];
      const { wider, narrower, words } = compare(o, n);
      // For a denial, reaching further means the role may do less.
      const [more, less] = n.inverted ? [narrower, wider] : [wider, narrower];
      const kind = more && !less ? 'widened' : less && !more ? 'narrowed' : 'changed';
      changes.push({ kind, text: `${describe(n)}: ${words.join('; ')}` });
      continue;
    }
    for (const g of oldLeft) changes.push({ kind: 'removed', text: describe(g) });
    for (const g of nowLeft) changes.push({ kind: 'added', text: describe(g) });
  }
  return changes;
}

/** The changes as lines for a reviewer: one per change, grouped by kind. */
export function renderPolicyDiff(changes: readonly PolicyChange[], from: string, to: string): string {
  if (changes.length === 0) return `No change to the policy table between ${from} and ${to}.`;
  const order: PolicyChange['kind'][] = ['added', 'widened', 'removed', 'narrowed', 'changed'];
  const lines = [`Policy table changes from ${from} to ${to}: ${changes.length}`];
  for (const kind of order) {
    const of = changes.filter((c) => c.kind === kind);
    if (of.length === 0) continue;
    lines.push('', `${kind[0].toUpperCase()}${kind.slice(1)} (${of.length}):`, ...of.map((c) => `  - ${c.text}`));
  }
  return lines.join('\n');
}
