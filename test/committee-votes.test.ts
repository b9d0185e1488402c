import { codeOf, useTestApp } from './support/harness';

/** Votes are a policy subject of their own (issue #9): read through the scoped data access, by the
 * township that holds the meeting (P3.2) and the district that supervises it (P3.3). */
describe("who reads a committee's votes", () => {
  const t = useTestApp({ demo: true });

  const VOTES = '{ meetings(first: 100) { nodes { id townshipCode votes { vote memberId } } } }';
  const hexiVotes = async (username: string) => {
    const result = await t.gql(VOTES, {}, await t.login(username));
    return (result.data?.meetings?.nodes ?? [])
      .filter((m: { townshipCode: string }) => m.townshipCode === '510199101000')
      .flatMap((m: { votes: unknown[] }) => m.votes);
  };

  it('shows the Hexi committee, its caseworkers and head, the district officer and the auditor every Hexi vote', async () => {
    const seen = await hexiVotes('hexi.member1');
    expect(seen.length).toBeGreaterThan(0);
    for (const username of ['hexi.caseworker', 'hexi.head', 'district.officer', 'auditor']) expect(await hexiVotes(username)).toEqual(seen);
  });

  it("shows another township's staff none of them", async () => {
    expect(await hexiVotes('shiqiao.member1')).toEqual([]);
    expect(await hexiVotes('shiqiao.caseworker')).toEqual([]);
  });

  it.each(['finance', 'poverty', 'va.101201', 'admin'])('refuses %s the meetings and their votes (deny by default)', async (username) => {
    expect(codeOf(await t.gql(VOTES, {}, await t.login(username)))).toBe('FORBIDDEN');
  });
});
