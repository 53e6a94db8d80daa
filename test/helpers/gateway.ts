// An in-process gateway for integration tests: the proxy engine on a real
// 127.0.0.1 port (so official SDKs can call it), and the management API route
// handlers called the way Next would call them, authenticated with
// GATEWAY_ADMIN_TOKEN. Call useTestDatabase() first.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { readdirSync } from "node:fs";
import path from "node:path";

export const TEST_ADMIN_TOKEN = "test-admin-token-0123456789abcdef";

type RouteModule = Record<string, (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>>;

// Every management route handler under app/api/v1, found on disk the way Next
// finds them: "[id]" folders become ":id" params.
const API_DIRECTORY = path.resolve(import.meta.dirname, "../../app/api/v1");

function discoverRoutes(directory: string, pattern: string): Array<[string, () => Promise<RouteModule>]> {
  const routes: Array<[string, () => Promise<RouteModule>]> = [];
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) {
      const segment = entry.name.startsWith("[") ? `:${entry.name.slice(1, -1)}` : entry.name;
      routes.push(...discoverRoutes(full, `${pattern}/${segment}`));
    } else if (entry.name === "route.ts") {
      routes.push([pattern, () => import(/* @vite-ignore */ full) as Promise<RouteModule>]);
    }
  }
  return routes;
}

// Static segments win over params, as in Next ("/keys/export" before "/keys/:id").
const ROUTES = discoverRoutes(API_DIRECTORY, "/api/v1").sort(
  ([left], [right]) => left.split(":").length - right.split(":").length,
);

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

/** Calls the management route handler for `request` the way Next would (404 when none matches). */
/** /api/v1 over real HTTP (for a CLI in another process): node:http → Web Request → the route handler → back. */
async function serveApiRequest(incoming: IncomingMessage, outgoing: ServerResponse): Promise<void> {
  // What server.ts refuses before Next sees a request, refused here the same way.
  const { refuseMalformedRequest } = await import("@/lib/api/request-guard");
  const refusal = refuseMalformedRequest(incoming.method, incoming.url);
  if (refusal) return void outgoing.writeHead(refusal.status, refusal.headers).end(refusal.body);
  const chunks: Buffer[] = [];
  for await (const chunk of incoming) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) if (typeof value === "string") headers.set(name, value);
  const hasBody = incoming.method !== "GET" && incoming.method !== "HEAD";
  const request = new Request(new URL(incoming.url ?? "/", "http://127.0.0.1"), { method: incoming.method, headers, body: hasBody ? Buffer.concat(chunks) : undefined });
  const response = await dispatchApiRequest(request);
  outgoing.writeHead(response.status, Object.fromEntries(response.headers));
  outgoing.end(Buffer.from(await response.arrayBuffer()));
}

export async function dispatchApiRequest(request: Request): Promise<Response> {
  const route = matchRoute(new URL(request.url).pathname);
  if (!route) return Response.json({ error: { code: "not_found", message: "No such route" } }, { status: 404 });
  const handler = (await route.load())[request.method];
  if (!handler) return new Response(null, { status: 405 });
  return handler(request, { params: Promise.resolve(route.params) });
}

export interface TestGatewayOptions {
  /** Also answer /api/v1/* over HTTP on the same port (for clients in another process, like the CLI). */
  serveApi?: boolean;
}

export async function startTestGateway(options: TestGatewayOptions = {}): Promise<TestGateway> {
  process.env.GATEWAY_ADMIN_TOKEN = TEST_ADMIN_TOKEN;
  const { resetEnvironmentForTests } = await import("@/lib/env");
  resetEnvironmentForTests();
  const { handleProxy } = await import("@/proxy/handler");
  const { serveWithEngine } = await import("@/proxy/node-http");
  const { createDualProtocolServer } = await import("@/proxy/dual-protocol-server");
  const serve = (incoming: Parameters<typeof serveWithEngine>[1], outgoing: Parameters<typeof serveWithEngine>[2]) =>
    options.serveApi && (incoming.url ?? "/").startsWith("/api/")
      ? void serveApiRequest(incoming as IncomingMessage, outgoing as ServerResponse).catch((error) => {
          // Next answers a route handler that throws with a bare 500: so does this stand-in.
          console.error("[test api]", error);
          if (!outgoing.headersSent) (outgoing as ServerResponse).writeHead(500).end();
          else outgoing.destroy();
        })
      : serveWithEngine(handleProxy, incoming, outgoing);
  const { refuseUpgrade } = await import("@/proxy/upgrade");
  const server = createDualProtocolServer(serve, serve, (incoming, socket) => {
    refuseUpgrade(incoming, socket, "/proxy");
    return true;
  });
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
  const { counterStore } = await import("@/lib/limits/process-counter-store");
  await new Promise((resolve) => setTimeout(resolve, 20));
  await waitForSettlements();
  await counterStore.flush();
  await usageWriter.flush();
}
