// The routing preview: which share of requests each member of a group gets as
// its *first* attempt. Only the highest priority tier is ever tried first; in
// it, members are drawn by weight (SPEC §1). Weight 0 means "last resort within
// the tier", so it gets no first attempts — unless every member of the tier
// has weight 0, when the draw is uniform. Pure, so the dashboard can recompute
// it on every keystroke.

export interface ShareInput {
  priority: number;
  weight: number;
}

/** Fractions (0..1) in the members' order; they sum to 1 for a non-empty group. */
export function firstAttemptShares(members: readonly ShareInput[]): number[] {
  const valid = members.map((member) => Number.isFinite(member.priority) && Number.isFinite(member.weight) && member.weight >= 0);
  const priorities = members.filter((_, index) => valid[index]).map((member) => member.priority);
  if (priorities.length === 0) return members.map(() => 0);
  const topPriority = Math.max(...priorities);
  const inTopTier = members.map((member, index) => valid[index] && member.priority === topPriority);
  const totalWeight = members.reduce((sum, member, index) => (inTopTier[index] ? sum + member.weight : sum), 0);
  const tierSize = inTopTier.filter(Boolean).length;
  return members.map((member, index) => {
    if (!inTopTier[index]) return 0;
    return totalWeight > 0 ? member.weight / totalWeight : 1 / tierSize;
  });
}

/** "62.5%" — whole percentages stay whole, others keep one decimal. */
export function formatShare(share: number): string {
  const percent = Math.round(share * 1000) / 10;
  return `${Number.isInteger(percent) ? percent.toFixed(0) : percent.toFixed(1)}%`;
}
