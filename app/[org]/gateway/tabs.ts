// The Gateway page's tabs, in order. Members only see what they may use (SPEC §1).
export interface GatewayTab {
  segment: string;
  label: string;
  adminOnly: boolean;
}

export const GATEWAY_TABS: readonly GatewayTab[] = [
  { segment: "overview", label: "Overview", adminOnly: true },
  { segment: "connect", label: "Connect", adminOnly: false },
  { segment: "keys", label: "API Keys", adminOnly: false },
  { segment: "providers", label: "Providers", adminOnly: true },
  { segment: "routing", label: "Routing", adminOnly: true },
  { segment: "spending", label: "Spending", adminOnly: true },
  { segment: "settings", label: "Settings", adminOnly: true },
  { segment: "playground", label: "Playground", adminOnly: false },
];

export function visibleTabs(role: "admin" | "member"): GatewayTab[] {
  return GATEWAY_TABS.filter((tab) => role === "admin" || !tab.adminOnly);
}
