import { apiRoute } from "@/lib/api/route";
import { listCliSessionsOperation } from "@/lib/cli-sessions/operations";
import { listCliSessions } from "@/lib/cli-sessions/sessions";

// GET /api/v1/cli/sessions – active CLI sessions (members: their own)
export const GET = apiRoute(listCliSessionsOperation, async ({ caller }) => listCliSessions(caller));
