// What Connect (and the Playground) show as chosen: the user's picks where they
// made them, else the query string's (?route=&model=&key=, e.g. from the setup
// wizard), else sensible defaults. Pure, so it is tested without a browser.
import type { KeyResponse } from "@/lib/keys/schemas";
import { defaultModel, defaultRoute } from "@/lib/connect/route-labels";
import type { RouteSummary } from "@/lib/routes/operations";

export interface ConnectPicks {
  route: string | null;
  /** Free text; null until the user types or picks one. */
  model: string | null;
  project: string | null;
  key: string | null;
}

export interface ConnectQuery {
  route?: string;
  model?: string;
  key?: string;
}

export interface ConnectChoice {
  route: RouteSummary | null;
  model: string;
  project: string | null;
  /** Active keys of the chosen project, newest first. */
  keys: KeyResponse[];
  key: KeyResponse | null;
}

export const NO_PICKS: ConnectPicks = { route: null, model: null, project: null, key: null };

export function resolveConnectChoice(
  data: { routes: RouteSummary[]; projects: Array<{ slug: string }>; keys: KeyResponse[] },
  picks: ConnectPicks,
  query: ConnectQuery,
  hasSecret: (keyId: string) => boolean,
): ConnectChoice {
  const routeSlug = picks.route ?? query.route;
  const route = data.routes.find((candidate) => candidate.slug === routeSlug) ?? defaultRoute(data.routes);
  const queryModelApplies = query.model !== undefined && route?.slug === query.route && picks.route === null;
  const model = picks.model ?? (queryModelApplies ? query.model! : defaultModel(route?.models ?? []));

  const active = data.keys.filter((key) => key.status === "active");
  const queryKey = picks.project === null && picks.key === null ? active.find((key) => key.id === query.key) : undefined;
  const project =
    picks.project ??
    queryKey?.project ??
    (data.projects.some((candidate) => candidate.slug === "default") ? "default" : (data.projects[0]?.slug ?? null));
  const keys = active.filter((key) => key.project === project);
  const picked = keys.find((key) => key.id === picks.key) ?? queryKey;
  const key = picked ?? preferredKey(keys, hasSecret);
  return { route, model, project, keys, key };
}

/**
 * The key to preselect when the user picked none: a project key before a
 * personal one (an admin sees members' personal keys too, and must not be
 * handed someone else's), and within a kind one whose secret this tab knows.
 */
export function preferredKey(keys: KeyResponse[], hasSecret: (keyId: string) => boolean): KeyResponse | null {
  const rank = (key: KeyResponse) => (key.kind === "project" ? 0 : 2) + (hasSecret(key.id) ? 0 : 1);
  return [...keys].sort((left, right) => rank(left) - rank(right))[0] ?? null;
}
