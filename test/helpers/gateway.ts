// An in-process gateway for integration tests: the proxy engine on a real
// 127.0.0.1 port (so official SDKs can call it), and the management API route
// handlers called the way Next would call them, authenticated with
// GATEWAY_ADMIN_TOKEN. Call useTestDatabase() first.
import type { AddressInfo } from "node:net";

export const TEST_ADMIN_TOKEN = "test-admin-token-0123456789abcdef";

type RouteModule = Record<string, (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>>;

// Management routes by path pattern; ":name" segments become params.
const ROUTES: Array<[string, () => Promise<RouteModule>]> = [
  ["/api/v1/health", () => import("@/app/api/v1/health/route")],
  ["/api/v1/openapi.json", () => import("@/app/api/v1/openapi.json/route")],
  ["/api/v1/gateway", () => import("@/app/api/v1/gateway/route")],
  ["/api/v1/gateway/setup", () => import("@/app/api/v1/gateway/setup/route")],
  ["/api/v1/gateway/telemetry/test", () => import("@/app/api/v1/gateway/telemetry/test/route")],
  ["/api/v1/projects", () => import("@/app/api/v1/projects/route")],
  ["/api/v1/providers", () => import("@/app/api/v1/providers/route")],
  ["/api/v1/providers/:slug", () => import("@/app/api/v1/providers/[slug]/route")],
  ["/api/v1/keys", () => import("@/app/api/v1/keys/route")],
  ["/api/v1/keys/:id", () => import("@/app/api/v1/keys/[id]/route")],
  ["/api/v1/keys/:id/reveal", () => import("@/app/api/v1/keys/[id]/reveal/route")],
  ["/api/v1/routing-groups", () => import("@/app/api/v1/routing-groups/route")],
  ["/api/v1/routing-groups/:slug", () => import("@/app/api/v1/routing-groups/[slug]/route")],
  ["/api/v1/members", () => import("@/app/api/v1/members/route")],
  ["/api/v1/members/:id", () => import("@/app/api/v1/members/[id]/route")],
  ["/api/v1/balance", () => import("@/app/api/v1/balance/route")],
  ["/api/v1/balance/credits", () => import("@/app/api/v1/balance/credits/route")],
  ["/api/v1/balance/adjustments", () => import("@/app/api/v1/balance/adjustments/route")],
  ["/api/v1/balance/ledger", () => import("@/app/api/v1/balance/ledger/route")],
  ["/api/v1/management-tokens", () => import("@/app/api/v1/management-tokens/route")],
  ["/api/v1/management-tokens/:id", () => import("@/app/api/v1/management-tokens/[id]/route")],
  ["/api/v1/audit-log", () => import("@/app/api/v1/audit-log/route")],
  ["/api/v1/usage", () => import("@/app/api/v1/usage/route")],
  ["/api/v1/spending", () => import("@/app/api/v1/spending/route")],
];

export function registerTestRoute(pattern: string, load: () => Promise<RouteModule>): void {
  ROUTES.push([pattern, load]);
}

function matchRoute(pathname: string): { load: () => Promise<RouteModule>; params: Record<string, string> } | null {
  const segments = pathname.split("/").filter(Boolean);
  for (const [pattern, load] of ROUTES) {
    const patternSegments = pattern.split("/").filter(Boolean);
    if (patternSegments.length !== segments.length) continue;
    const params: Record<string, string> = {};
    const matches = patternSegments.every((segment, index) => {
      if (segment.startsWith(":")) {
        params[segment.slice(1)] = decodeURIComponent(segments[index]);
        return true;
      }
      return segment === segments[index];
    });
    if (matches) return { load, params };
  }
  return null;
}

export interface ApiAnswer<Body = any> {
  status: number;
  body: Body;
}

export interface TestGateway {
  /** http://127.0.0.1:<port> */
  origin: string;
  /** origin + "/proxy" */
  proxyUrl: string;
  api<Body = any>(method: string, path: string, body?: unknown, options?: { token?: string | null }): Promise<ApiAnswer<Body>>;
  close(): Promise<void>;
}

export async function startTestGateway(): Promise<TestGateway> {
  process.env.GATEWAY_ADMIN_TOKEN = TEST_ADMIN_TOKEN;
  const { resetEnvironmentForTests } = await import("@/lib/env");
  resetEnvironmentForTests();
  const { handleProxyRequest } = await import("@/proxy/handler");
  const { serveWithEngine } = await import("@/proxy/node-http");
  const { createDualProtocolServer } = await import("@/proxy/dual-protocol-server");
  const serve = (incoming: Parameters<typeof serveWithEngine>[1], outgoing: Parameters<typeof serveWithEngine>[2]) =>
    serveWithEngine(handleProxyRequest, incoming, outgoing);
  const server = createDualProtocolServer(serve, serve);
  await server.listen(0, "127.0.0.1");
  const origin = `http://127.0.0.1:${(server.server.address() as AddressInfo).port}`;

  async function api(method: string, path: string, body?: unknown, options: { token?: string | null } = {}): Promise<ApiAnswer> {
    const url = new URL(path, origin);
    const route = matchRoute(url.pathname);
    if (!route) throw new Error(`No route registered for ${url.pathname}`);
    const module = await route.load();
    const handler = module[method];
    if (!handler) return { status: 405, body: null };
    const token = options.token === undefined ? TEST_ADMIN_TOKEN : options.token;
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (token) headers.authorization = `Bearer ${token}`;
    const request = new Request(url, {
      method,
      headers,
      body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
    });
    const response = await handler(request, { params: Promise.resolve(route.params) });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null };
  }

  return {
    origin,
    proxyUrl: `${origin}/proxy`,
    api,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.server.close(() => resolve()));
    },
  };
}

/** Wait until queued usage records are written. */
export async function flushUsage(): Promise<void> {
  const { usageWriter } = await import("@/proxy/metering");
  const { waitForSettlements } = await import("@/proxy/request-context");
  await new Promise((resolve) => setTimeout(resolve, 20));
  await waitForSettlements();
  await usageWriter.flush();
}
