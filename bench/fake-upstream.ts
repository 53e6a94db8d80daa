// The benchmark's upstream: a minimal OpenAI chat/completions endpoint, as fast
// as node:http allows, so what the benchmark measures is the gateway in front
// of it. JSON answers carry usage; `stream: true` answers send STREAM_CHUNKS
// SSE chunks (the last with usage) as fast as the socket takes them.
// Run as its own process: prints {"port":N} on stdout once listening.
import { createServer } from "node:http";

const STREAM_CHUNKS = Number(process.env.BENCH_STREAM_CHUNKS ?? 200);
const usage = { prompt_tokens: 12, completion_tokens: 9, total_tokens: 21 };
const jsonAnswer = JSON.stringify({
  id: "chatcmpl-bench",
  object: "chat.completion",
  created: 1_764_000_000,
  model: "gpt-4o-mini",
  choices: [{ index: 0, message: { role: "assistant", content: "Hello from the benchmark upstream." }, finish_reason: "stop" }],
  usage,
});

function chunk(content: string | null, withUsage: boolean): string {
  const body = {
    id: "chatcmpl-bench",
    object: "chat.completion.chunk",
    created: 1_764_000_000,
    model: "gpt-4o-mini",
    choices: content === null ? [] : [{ index: 0, delta: { content }, finish_reason: null }],
    ...(withUsage ? { usage } : {}),
  };
  return `data: ${JSON.stringify(body)}\n\n`;
}

const server = createServer((request, response) => {
  const parts: Buffer[] = [];
  request.on("data", (part: Buffer) => parts.push(part));
  request.on("end", () => {
    const streamed = Buffer.concat(parts).includes('"stream":true');
    if (!streamed) {
      response.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(jsonAnswer) });
      response.end(jsonAnswer);
      return;
    }
    response.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
    response.flushHeaders();
    let sent = 0;
    const sendMore = () => {
      // Each chunk is its own write (its own TCP segment, as a real model's tokens are).
      while (sent < STREAM_CHUNKS) {
        sent++;
        if (!response.write(chunk(` w${sent}`, false))) return void response.once("drain", () => setImmediate(sendMore));
        if (sent % 20 === 0) return void setImmediate(sendMore);
      }
      response.end(chunk(null, true) + "data: [DONE]\n\n");
    };
    sendMore();
  });
});
server.keepAliveTimeout = 60_000;
server.listen(Number(process.env.PORT ?? 0), "127.0.0.1", () => {
  const address = server.address();
  console.log(JSON.stringify({ port: typeof address === "object" && address ? address.port : 0 }));
});
