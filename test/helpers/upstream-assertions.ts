// What a provider's upstream may and may not receive from the gateway: never the
// gateway key (in any header or in the query string), never the client's cookie,
// and the client's harmless headers untouched.
import { expect } from "vitest";
import type { RecordedRequest } from "../fakes/fake-server";

/** Headers a client sends along with its request: one harmless, one a credential of its own. */
export const CLIENT_EXTRA_HEADERS = { cookie: "session=dashboard-session-cookie", "x-request-tag": "nightly-batch-7" };

export function expectNoGatewayKey(request: RecordedRequest, gatewayKey: string): void {
  for (const [name, value] of Object.entries(request.headers)) expect(value, `upstream header ${name}`).not.toContain(gatewayKey);
  expect(request.search).not.toContain(gatewayKey);
}

/** The sweep at the end of a file: more than `moreThan` requests reached the upstream, none with the gateway key. */
export function expectNoGatewayKeyInAny(requests: RecordedRequest[], gatewayKey: string, { moreThan }: { moreThan: number }): void {
  expect(requests.length).toBeGreaterThan(moreThan);
  for (const request of requests) expectNoGatewayKey(request, gatewayKey);
}

/** Of CLIENT_EXTRA_HEADERS, the harmless header arrived and the cookie did not. */
export function expectClientHeadersFiltered(request: RecordedRequest): void {
  expect(request.headers["x-request-tag"]).toBe(CLIENT_EXTRA_HEADERS["x-request-tag"]);
  expect(request.headers.cookie).toBeUndefined();
}
