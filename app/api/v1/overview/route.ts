import { apiRoute } from "@/lib/api/route";
import { getOverviewOperation } from "@/lib/overview/operations";
import { getOverview } from "@/lib/overview/service";

// GET /api/v1/overview – the Overview tab's totals, series, latency percentiles and top models and providers
export const GET = apiRoute(getOverviewOperation, async ({ caller, query }) => getOverview(caller, { period: query.period }));
