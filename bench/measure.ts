// The measurements of one target: sequential latency, throughput at fixed
// connection counts (autocannon), latency at a fixed rate, streaming first
// byte and total, many concurrent streams, and memory after a long run.
import { Agent, request } from "undici";
// @ts-expect-error autocannon ships no types
import autocannon from "autocannon";
import { cpuMilliseconds, residentMegabytes } from "./processes";

export interface Target {
  name: string;
  /** Full URL of the chat/completions endpoint. */
  url: string;
  headers: Record<string, string>;
  pid?: number;
}

export const JSON_BODY = JSON.stringify({ model: "gpt-4o-mini", max_tokens: 64, messages: [{ role: "user", content: "Say hello" }] });
export const STREAM_BODY = JSON.stringify({ model: "gpt-4o-mini", max_tokens: 256, stream: true, stream_options: { include_usage: true }, messages: [{ role: "user", content: "Count" }] });

const percentile = (sorted: number[], fraction: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))] ?? NaN;
const round = (value: number, digits = 2) => Number(value.toFixed(digits));

function post(target: Target, body: string, dispatcher: Agent) {
  return request(target.url, { method: "POST", headers: { "content-type": "application/json", ...target.headers }, body, dispatcher });
}

export async function sequential(target: Target, count: number): Promise<{ p50: number; p99: number; errors: number }> {
  const dispatcher = new Agent({ connections: 1 });
  const durations: number[] = [];
  let errors = 0;
  for (let index = 0; index < count + 200; index++) {
    const started = performance.now();
    const response = await post(target, JSON_BODY, dispatcher);
    await response.body.arrayBuffer();
    if (response.statusCode !== 200) errors++;
    if (index >= 200) durations.push(performance.now() - started); // the first 200 warm up
  }
  await dispatcher.close();
  durations.sort((left, right) => left - right);
  return { p50: round(percentile(durations, 0.5)), p99: round(percentile(durations, 0.99)), errors };
}

interface CannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number };
  errors: number;
  non2xx: number;
  timeouts: number;
}

function cannon(target: Target, options: Record<string, unknown>): Promise<CannonResult> {
  return autocannon({
    url: target.url,
    method: "POST",
    headers: { "content-type": "application/json", ...target.headers },
    body: JSON_BODY,
    ...options,
  });
}

/**
 * Requests per second, and the CPU the target process spent per request (all its
 * threads): on a shared, noisy machine the second figure moves far less than the first.
 */
export async function throughput(target: Target, connections: number, seconds: number) {
  const cpuBefore = cpuMilliseconds(target.pid);
  const result = await cannon(target, { connections, duration: seconds });
  const cpuAfter = cpuMilliseconds(target.pid);
  const cpuMicrosPerRequest = cpuBefore !== null && cpuAfter !== null && result.requests.total ? Math.round(((cpuAfter - cpuBefore) * 1000) / result.requests.total) : null;
  return {
    reqPerSec: Math.round(result.requests.average),
    p99: result.latency.p99,
    cpuMicrosPerRequest,
    errors: result.errors + result.non2xx + result.timeouts,
  };
}

export async function fixedRate(target: Target, rate: number, seconds: number) {
  const result = await cannon(target, { connections: 50, overallRate: rate, duration: seconds });
  return { p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.non2xx + result.timeouts };
}

/** Time to the first body byte and to the end, for streams of the upstream's 200 chunks. */
export async function streaming(target: Target, count: number) {
  const dispatcher = new Agent({ connections: 1 });
  const firstBytes: number[] = [];
  const totals: number[] = [];
  let errors = 0;
  for (let index = 0; index < count + 20; index++) {
    const started = performance.now();
    const response = await post(target, STREAM_BODY, dispatcher);
    let first = 0;
    let text = "";
    for await (const part of response.body) {
      if (!first) first = performance.now() - started;
      text += part.toString();
    }
    if (response.statusCode !== 200 || !text.includes("[DONE]")) errors++;
    if (index >= 20) {
      firstBytes.push(first);
      totals.push(performance.now() - started);
    }
  }
  await dispatcher.close();
  firstBytes.sort((left, right) => left - right);
  totals.sort((left, right) => left - right);
  return { firstByteP50: round(percentile(firstBytes, 0.5)), totalP50: round(percentile(totals, 0.5)), errors };
}

/** Open `count` streams at once and read them all to the end. */
export async function concurrentStreams(target: Target, count: number) {
  const dispatcher = new Agent({ connections: count, pipelining: 0 });
  let peakRss = 0;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, residentMegabytes(target.pid) ?? 0)), 100);
  const outcomes = await Promise.all(
    Array.from({ length: count }, async () => {
      try {
        const response = await post(target, STREAM_BODY, dispatcher);
        let text = "";
        for await (const part of response.body) text += part.toString();
        return response.statusCode === 200 && text.includes("[DONE]");
      } catch {
        return false;
      }
    }),
  );
  clearInterval(sampler);
  await dispatcher.close();
  return { errors: outcomes.filter((ok) => !ok).length, peakRssMb: target.pid ? peakRss : null };
}

/** Resident memory after `total` requests at 50 connections. */
export async function memoryAfter(target: Target, total: number) {
  const before = residentMegabytes(target.pid);
  const result = await cannon(target, { connections: 50, amount: total });
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  return { rssBeforeMb: before, rssAfterMb: residentMegabytes(target.pid), errors: result.errors + result.non2xx + result.timeouts };
}
