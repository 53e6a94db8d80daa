// The request log's page cursor: the (time, id) of the last row served, opaque
// to clients. Rows are ordered by time then id, both descending, so the next
// page starts strictly after that pair even when many rows share a millisecond.
import { ApiError } from "../api/errors";

export interface UsageCursor {
  time: Date;
  id: string;
}

export function encodeCursor(cursor: UsageCursor): string {
  return Buffer.from(JSON.stringify([cursor.time.getTime(), cursor.id])).toString("base64url");
}

export function decodeCursor(text: string): UsageCursor {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
    if (Array.isArray(value) && value.length === 2 && Number.isSafeInteger(value[0]) && typeof value[1] === "string") {
      return { time: new Date(value[0]), id: value[1] };
    }
  } catch {
    // fall through to the error below
  }
  throw new ApiError("invalid_query", "Invalid query: cursor: not a cursor this API returned; pass nextCursor from the previous page", [
    { path: ["cursor"], message: "invalid cursor", code: "custom" },
  ]);
}
