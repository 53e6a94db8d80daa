import { apiRoute } from "@/lib/api/route";
import { listLedgerOperation } from "@/lib/balance/operations";
import { listLedger } from "@/lib/balance/service";

// GET /api/v1/balance/ledger – ledger entries
export const GET = apiRoute(listLedgerOperation, async ({ caller, query }) => listLedger(caller.organizationId, query.limit));
