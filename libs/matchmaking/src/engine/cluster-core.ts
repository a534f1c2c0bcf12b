/**
 * What a verdict on a cluster proposal is kept on. Proposals are recomputed from the whole
 * directory, so one member joining or leaving gives a proposal a new identity; a firm that
 * dismissed a proposal should not see it again because of that. The verdict is kept on the
 * proposal's core, its value chain, place and members when judged, and carries to any later
 * proposal with the same chain and place that shares at least half of its members with that core
 * (Jaccard index >= 0.5, the judging organisation itself left out of both sides).
 */
export interface ClusterCore {
  valueChain: string | null;
  country: string;
  regionCode: string | null;
  members: readonly string[];
}

/** Share of members two cores have in common, `judge` left out: |A ∩ B| / |A ∪ B|. */
export function memberOverlap(a: readonly string[], b: readonly string[], judge: string): number {
  const left = new Set(a.filter((m) => m !== judge));
  const right = new Set(b.filter((m) => m !== judge));
  let common = 0;
  for (const m of left) if (right.has(m)) common++;
  const union = left.size + right.size - common;
  return union === 0 ? 0 : common / union;
}

export const CORE_OVERLAP = 0.5;

/** Whether `proposal` has the core that `judge` gave its verdict on. */
export function sameCore(judged: ClusterCore, proposal: ClusterCore, judge: string): boolean {
  return (
    judged.valueChain === proposal.valueChain &&
    judged.country === proposal.country &&
    (judged.regionCode ?? null) === (proposal.regionCode ?? null) &&
    memberOverlap(judged.members, proposal.members, judge) >= CORE_OVERLAP
  );
}
