/**
 * `npm run permissions:diff -- <git-ref>`: the grants added, removed, widened or narrowed between
 * the policy table at <git-ref> (default HEAD) and the working tree, in words, for review.
 */
import 'reflect-metadata';
import path from 'node:path';
import { diffPolicies, renderPolicyDiff } from '../permissions/policy-diff';
import { policyAt } from './policy-versions';

const repo = path.join(__dirname, '..', '..');
const ref = process.argv[2] ?? 'HEAD';
console.log(renderPolicyDiff(diffPolicies(policyAt(repo, ref), policyAt(repo, null)), ref, 'the working tree'));
