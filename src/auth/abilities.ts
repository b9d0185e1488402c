import { AppAbility, defineAbilityFor, type Actor } from '../../permissions/ability';

/** Enough for every account of a few districts and the role-by-role trials of pending steps; past
 * it the cache starts over rather than grow. */
const LIMIT = 5000;
const abilities = new Map<string, AppAbility>();
/** The same actor object again (a signed-in token's remembered actor): found without serialising it. */
const byActor = new WeakMap<Actor, AppAbility>();

/**
 * The policy's ability for an actor, shared by every request of an identical actor (same account,
 * roles and delegations in force): an ability depends on nothing else and is never changed once
 * made, so the rules are compiled once rather than on every request and every pending-step trial.
 * An actor is never changed once made either: a signed-in token's remembered actor
 * (`SignedInActors`) is replaced, not updated, when a role, an account or a delegation changes.
 */
export function abilityFor(actor: Actor | null): AppAbility {
  const known = actor && byActor.get(actor);
  if (known) return known;
  const key = actor ? JSON.stringify(actor) : '';
  let ability = abilities.get(key);
  if (!ability) {
    if (abilities.size >= LIMIT) abilities.clear();
    ability = defineAbilityFor(actor);
    abilities.set(key, ability);
  }
  if (actor) byActor.set(actor, ability);
  return ability;
}
