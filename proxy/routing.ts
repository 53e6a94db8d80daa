// The order in which a routing group's members are tried: priority high to
// low; within a priority, weighted random order without replacement; members
// of weight 0 only after every weighted member of their priority.
import type { RoutingMember } from "@/lib/cache/organization-routes";

/** Statuses after which the next member is tried (other 4xx go back to the client as they are). */
export const FAILOVER_STATUSES = new Set([408, 409, 429]);

export function shouldFailover(status: number): boolean {
  return FAILOVER_STATUSES.has(status) || status >= 500;
}

export function orderMembers<Member extends Pick<RoutingMember, "priority" | "weight">>(
  members: Member[],
  random: () => number = Math.random,
): Member[] {
  const byPriority = new Map<number, Member[]>();
  for (const member of members) {
    const tier = byPriority.get(member.priority) ?? [];
    tier.push(member);
    byPriority.set(member.priority, tier);
  }
  const priorities = [...byPriority.keys()].sort((a, b) => b - a);
  return priorities.flatMap((priority) => {
    const tier = byPriority.get(priority)!;
    const weighted = tier.filter((member) => member.weight > 0);
    const lastResort = tier.filter((member) => member.weight <= 0);
    return [...weightedShuffle(weighted, random), ...lastResort];
  });
}

/** Draw members one by one with probability proportional to weight. */
function weightedShuffle<Member extends { weight: number }>(members: Member[], random: () => number): Member[] {
  const remaining = [...members];
  const ordered: Member[] = [];
  while (remaining.length) {
    const total = remaining.reduce((sum, member) => sum + member.weight, 0);
    let point = random() * total;
    let index = remaining.findIndex((member) => (point -= member.weight) < 0);
    if (index === -1) index = remaining.length - 1;
    ordered.push(remaining.splice(index, 1)[0]);
  }
  return ordered;
}
