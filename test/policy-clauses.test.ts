import { CLAUSE_TEXTS } from '../permissions/clauses';
import { POLICY } from '../permissions/policy';
import { KNOWN_CLAUSES } from '../permissions/invariants';

/** Issue #16: the audit console shows each row's clause text on hover; none may be missing. */
describe('the clause texts behind the policy table', () => {
  it('has a heading and text in both languages for every clause a row cites', () => {
    const cited = [...new Set(POLICY.map((grant) => grant.clause))];
    const missing = cited.filter((clause) => !CLAUSE_TEXTS[clause]);
    expect(missing).toEqual([]);
    for (const clause of cited) {
      const { title, text } = CLAUSE_TEXTS[clause];
      expect([clause, title.zh && title.en && text.zh && text.en ? 'complete' : 'incomplete']).toEqual([clause, 'complete']);
    }
  });

  it('knows only clauses that exist', () => {
    expect(Object.keys(CLAUSE_TEXTS).filter((clause) => !KNOWN_CLAUSES.has(clause))).toEqual([]);
  });
});
