// The gateway engine: (ProxyIncoming) => Promise<ProxyReply>, free of any framework.
// auth → route → reserve → forward (with failover) → meter → settle.
import { env } from "@/lib/env";
import { resolveRoute, type ResolvedProvider, type ResolvedRoute } from "@/lib/cache/organization-routes";
import { counterStore } from "@/lib/limits/process-counter-store";
import { assertGatewayEnabled, authenticate } from "./authenticate";
import { GatewayError, gatewayErrorReply } from "./errors";
import type { ProxyIncoming, ProxyReply } from "./exchange";
import { discardBody, sendUpstream, UpstreamAbort, type AttemptOutcome } from "./forward";
import { usageWriter } from "./metering";
import { listModelsReply } from "./models";
import { getAdapter } from "./providers/registry";
import type { ProviderAdapter, RequestInfo } from "./providers/types";
import { parseJsonBody } from "./read-body";
import { forwardableHeaders } from "./request-headers";
import { ProxyRequestContext } from "./request-context";
import { pricedCandidates, reserveForRequest } from "./reserve";
import { parseUpstreamJson, readUpstreamBody, respondWithJson, respondWithStream } from "./respond";
import { orderMembers, shouldFailover } from "./routing";

export const PROXY_PREFIX = "/proxy";

export { counterStore };

/** Methods an upstream API can mean; anything else (TRACE, CONNECT, …) is refused before any work. */
const PROXIED_METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);
const ALLOW = [...PROXIED_METHODS].join(", ");

/** Prisma's codes for a database it cannot reach or lost (P1001, P1002, P1017), e.g. PostgreSQL restarting. */
function databaseUnreachable(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === "P1001" || code === "P1002" || code === "P1017" || (error instanceof Error && /Connection terminated unexpectedly|ECONNREFUSED/.test(error.message));
}

export async function handleProxy(request: ProxyIncoming): Promise<ProxyReply> {
  const url = new URL(request.target, "http://gateway");
  const afterPrefix = url.pathname.startsWith(PROXY_PREFIX) ? url.pathname.slice(PROXY_PREFIX.length) : url.pathname;
  const [routeSlug = "", ...rest] = afterPrefix.replace(/^\/+/, "").split("/");
  const upstreamPath = rest.join("/");
  const context = new ProxyRequestContext(request.headers.get("traceparent"), upstreamPath, counterStore);
  try {
    return await proxy(request, url, decodeRouteSlug(routeSlug), upstreamPath, context);
  } catch (error) {
    const gatewayError =
      error instanceof GatewayError
        ? error
        : databaseUnreachable(error)
          ? new GatewayError(503, "service_unavailable", "The gateway cannot reach its database; retry shortly")
          : new GatewayError(500, "internal_error", "The gateway failed to handle this request");
    if (gatewayError.status === 503 && !(error instanceof GatewayError)) console.error(`[proxy] ${context.requestId}: the database is unreachable`);
    else if (!(error instanceof GatewayError)) console.error(`[proxy] ${context.requestId} failed:`, error);
    context.status = gatewayError.status;
    context.errorCode = gatewayError.code;
    context.errorMessage = gatewayError.message;
    context.finish();
    return gatewayErrorReply(context.shape, gatewayError, context.responseHeaders());
  }
}

function decodeRouteSlug(routeSlug: string): string {
  try {
    return decodeURIComponent(routeSlug);
  } catch {
    throw new GatewayError(400, "invalid_request", `The route name '${routeSlug}' is not valid percent-encoding`);
  }
}

async function proxy(request: ProxyIncoming, url: URL, routeSlug: string, upstreamPath: string, context: ProxyRequestContext): Promise<ProxyReply> {
  if (!PROXIED_METHODS.has(request.method)) {
    throw new GatewayError(405, "method_not_allowed", `Method ${request.method} is not supported on the proxy`, { allow: ALLOW });
  }
  const key = await authenticate(request.headers, url);
  context.key = key;
  if (usageWriter.saturated) {
    // The database has been unwritable for so long that the spool is full: serving more could not be metered.
    throw new GatewayError(503, "service_unavailable", "The gateway cannot record usage right now (its database is unavailable); try again shortly");
  }
  await assertGatewayEnabled(key);
  if (routeSlug === "models" && upstreamPath === "" && request.method === "GET") {
    const response = await listModelsReply(key.organizationId);
    context.status = 200;
    context.finish();
    return response;
  }
  context.routeSlug = routeSlug;
  const route = routeSlug ? await resolveRoute(key.organizationId, routeSlug) : null;
  if (!route || (route.kind === "group" && route.members.length === 0)) {
    throw new GatewayError(404, "route_not_found", `No provider or routing group named '${routeSlug}' in this organization`);
  }
  const firstAdapter = adapterFor(route.kind === "provider" ? route.provider : route.members[0].provider);
  context.shape = firstAdapter.errorShape;

  const body = await request.readBody(env().GATEWAY_MAX_BODY_BYTES);
  context.requestBytes = body?.byteLength ?? 0;
  const json = parseJsonBody(body, request.headers.get("content-type"));
  context.requestJson = json;
  const info = firstAdapter.requestInfo(upstreamPath, url.search, json);
  context.info = info;

  const candidates = pricedCandidates(orderedProviders(route), info, key, request.method);
  context.reservation = await reserveForRequest({ store: counterStore, requestId: context.requestId, key, providers: candidates, info, requestBytes: context.requestBytes });
  return forwardWithFailover(request, url, upstreamPath, body, json, candidates, context, { type: firstAdapter.type, info });
}

function orderedProviders(route: ResolvedRoute): ResolvedProvider[] {
  if (route.kind === "provider") return [route.provider];
  return orderMembers(route.members).map((member) => member.provider);
}

function adapterFor(provider: ResolvedProvider): ProviderAdapter {
  const adapter = getAdapter(provider.type);
  if (!adapter) throw new GatewayError(500, "internal_error", `Provider type '${provider.type}' is not supported`);
  return adapter;
}

async function forwardWithFailover(
  request: ProxyIncoming,
  url: URL,
  upstreamPath: string,
  body: Uint8Array | null,
  json: unknown,
  candidates: ResolvedProvider[],
  context: ProxyRequestContext,
  alreadyRead: { type: string; info: RequestInfo },
): Promise<ProxyReply> {
  const search = searchWithoutKey(url);
  const clientHeaders = forwardableHeaders(request.headers);
  let lastFailure = "no member could be tried";
  for (const [index, provider] of candidates.entries()) {
    const isLast = index === candidates.length - 1;
    const adapter = adapterFor(provider);
    // Members of the same type read the request identically: parse it once.
    const info = adapter.type === alreadyRead.type ? alreadyRead.info : adapter.requestInfo(upstreamPath, url.search, json);
    const prepared = json !== null && adapter.prepareBody ? adapter.prepareBody(upstreamPath, json, info) : null;
    const upstreamBody = prepared ? Buffer.from(JSON.stringify(prepared.json)) : body;
    const abort = new UpstreamAbort();
    const stopListening = request.onClientGone(() => abort.abort());
    context.attempts++;
    context.provider = provider;
    context.noteBegun(); // from here on the upstream may bill: a crash must still leave a row
    const attempt = context.recordAttempt(provider); // how each attempt ended feeds telemetry's attempt spans
    /** Every way an attempt can fail ends here: it is logged, and the loop moves on unless no member is left. */
    const failAttempt = (failure: { reason: string; message: string }) => {
      attempt.endedAt = Date.now();
      attempt.failure = failure;
      stopListening();
      if (failure.reason === "aborted") throw new GatewayError(499 as number, "upstream_unavailable", failure.message);
      lastFailure = `${provider.slug}: ${failure.message}`;
      if (isLast) throw new GatewayError(502, "upstream_unavailable", `Every upstream failed; last: ${lastFailure}`);
    };
    let outcome: AttemptOutcome;
    try {
      const upstreamRequest = await adapter.buildUpstreamRequest({
        method: request.method,
        path: upstreamPath,
        search,
        headers: new Headers(clientHeaders),
        body: upstreamBody,
        provider: { type: provider.type, slug: provider.slug, baseUrl: provider.baseUrl, credentials: provider.credentials },
      });
      outcome = await sendUpstream(upstreamRequest, request.method, abort);
    } catch (error) {
      // Misconfiguration (no base URL, bad service account, token endpoint down): this member cannot serve.
      outcome = { kind: "failure", reason: "connection", message: (error as Error).message };
    }
    if (outcome.kind === "failure") {
      failAttempt(outcome);
      continue;
    }
    const upstream = outcome.response;
    attempt.status = upstream.status;
    if (shouldFailover(upstream.status) && !isLast) {
      discardBody(upstream.body);
      failAttempt({ reason: String(upstream.status), message: `status ${upstream.status}` });
      continue;
    }
    context.status = upstream.status;
    if (shouldFailover(upstream.status) && candidates.length > 1) {
      // Every member failed: the last one's own answer goes back, marked as such.
      context.errorCode = "upstream_unavailable";
    }
    const contentType = upstream.headers.get("content-type") ?? "";
    if (upstream.status < 400 && adapter.isStreamingResponse(info, contentType)) {
      return respondWithStream(upstream, adapter, context, prepared?.injectedUsage ?? false, () => abort.abort(), () => request.clientGone);
    }
    let answer: Uint8Array;
    try {
      answer = await readUpstreamBody(upstream);
    } catch (error) {
      // A JSON answer cut short: nothing has reached the client yet, so the next member may still answer.
      const message = `Upstream closed the connection while sending its answer: ${(error as Error).message}`;
      failAttempt({ reason: request.clientGone ? "aborted" : "connection", message: request.clientGone ? "The client went away" : message });
      continue;
    }
    let parsed: unknown;
    try {
      parsed = parseUpstreamJson(upstream, answer);
    } catch (error) {
      // Nothing reached the client yet either: another member may answer properly.
      failAttempt({ reason: "invalid_response", message: `Upstream answered ${upstream.status} with a body that is not valid JSON: ${(error as Error).message}` });
      continue;
    }
    stopListening();
    return respondWithJson(upstream, answer, parsed, adapter, context);
  }
  throw new GatewayError(502, "upstream_unavailable", `Every upstream failed; last: ${lastFailure}`);
}

/** The client's query string without the gateway key (Google SDKs send it as ?key=). */
function searchWithoutKey(url: URL): string {
  if (!url.searchParams.has("key")) return url.search;
  const params = new URLSearchParams(url.searchParams);
  params.delete("key");
  const text = params.toString();
  return text ? `?${text}` : "";
}
