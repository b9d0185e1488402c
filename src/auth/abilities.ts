import { AppAbility, defineAbilityFor, type Actor } from '../../permissions/ability';

/** Enough for every account of a few districts and the role-by-role trials of pending steps; past
 * it the cache starts over rather than grow. */
const LIMIT = 5000;
const abilities = new Map<string, AppAbility>();

/**
 * The policy's ability for an actor, shared by every request of an identical actor (same account,
 * roles and delegations in force): an ability depends on nothing else and is never changed once
 * made, so the rules are compiled once rather than on every request and every pending-step trial.
 * The actor itself is still read afresh for each request, so a role revoked or an account
 * deactivated takes effect on the next one.
 */
export function abilityFor(actor: Actor | null): AppAbility {
  const key = actor ? JSON.stringify(actor) : '';
  let ability = abilities.get(key);
  if (!ability) {
    if (abilities.size >= LIMIT) abilities.clear();
    ability = defineAbilityFor(actor);
    abilities.set(key, ability);
  }
  return ability;
}
