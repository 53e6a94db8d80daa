// Adds the provider's credentials to a Bedrock request: a Bedrock API key as a bearer
// token, or an AWS SigV4 signature (service "bedrock") from access keys.
import { DEFAULT_BEDROCK_REGION } from "@/lib/providers/descriptors/bedrock";
import { AwsV4Signer } from "aws4fetch";

/** The client's own signing headers: they would clash with the gateway's signature. */
const clientSigningHeaders = ["authorization", "host", "content-length", "x-amz-date", "x-amz-security-token", "x-amz-content-sha256"];

export interface SigningInput {
  method: string;
  url: string;
  headers: Headers;
  body: Uint8Array | null;
  credentials: Record<string, string | undefined>;
  /** Fixed signing time (YYYYMMDDTHHMMSSZ), for tests. */
  datetime?: string;
}

/**
 * Returns the headers to send. Only x-amz* headers are signed (besides host and date):
 * other client headers travel unsigned, so a hop that rewrites them cannot break the signature.
 * Without credentials the request goes out unauthenticated and AWS answers 403 itself.
 */
export async function authenticateBedrockRequest(input: SigningInput): Promise<Headers> {
  const headers = new Headers(input.headers);
  for (const name of clientSigningHeaders) headers.delete(name);
  const { apiKey, accessKeyId, secretAccessKey, sessionToken, region } = input.credentials;

  if (apiKey) {
    headers.set("authorization", `Bearer ${apiKey}`);
    return headers;
  }
  if (!accessKeyId || !secretAccessKey) return headers;

  const signedClientHeaders = new Headers();
  for (const [name, value] of headers) if (name.startsWith("x-amz")) signedClientHeaders.set(name, value);
  const signer = new AwsV4Signer({
    method: input.method,
    url: input.url,
    headers: signedClientHeaders,
    // aws4fetch hashes any ArrayBufferView; its BodyInit typing is just narrower.
    body: (input.body ?? undefined) as BodyInit | undefined,
    accessKeyId,
    secretAccessKey,
    sessionToken: sessionToken || undefined,
    service: "bedrock",
    region: region || DEFAULT_BEDROCK_REGION,
    ...(input.datetime ? { datetime: input.datetime } : {}),
  });
  const signed = await signer.sign();
  for (const [name, value] of signed.headers) headers.set(name, value);
  return headers;
}
