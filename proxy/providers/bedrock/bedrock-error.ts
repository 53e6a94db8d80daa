// Bedrock's error vocabulary, so AWS SDKs raise their usual exception classes for
// errors the gateway itself produces. The SDK reads the type from x-amzn-errortype.
import { encodeEventStreamMessage } from "./event-stream";

const CORAL_SUFFIX = ":http://internal.amazon.com/coral/com.amazon.bedrock/";

/** The Bedrock exception name for an HTTP status. */
export function bedrockExceptionType(status: number): string {
  if (status === 401 || status === 402 || status === 403) return "AccessDeniedException";
  if (status === 404) return "ResourceNotFoundException";
  if (status === 408) return "ModelTimeoutException";
  if (status === 409) return "ConflictException";
  if (status === 424) return "ModelErrorException";
  if (status === 429) return "ThrottlingException";
  if (status === 503) return "ServiceUnavailableException";
  if (status >= 500) return "InternalServerException";
  return "ValidationException";
}

/** A Bedrock-shaped error: body `{"message": …}` plus the x-amzn-errortype header. */
export function bedrockErrorBody(
  status: number,
  message: string,
): { body: { message: string }; headers: Record<string, string> } {
  return {
    body: { message },
    headers: {
      "content-type": "application/json",
      "x-amzn-errortype": `${bedrockExceptionType(status)}${CORAL_SUFFIX}`,
    },
  };
}

/** An exception message inside an event stream; the AWS SDK throws InternalServerException for it. */
export function bedrockStreamErrorEvent(message: string): Uint8Array {
  return encodeEventStreamMessage(
    {
      ":message-type": "exception",
      ":exception-type": "internalServerException",
      ":content-type": "application/json",
    },
    new TextEncoder().encode(JSON.stringify({ message })),
  );
}
