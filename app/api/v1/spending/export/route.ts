import { apiRoute } from "@/lib/api/route";
import { exportFilename, exportSpending } from "@/lib/spending/export";
import { exportSpendingOperation } from "@/lib/spending/operations";

// GET /api/v1/spending/export?from&to&format=csv – one row per day × provider × model (members: their own usage)
export const GET = apiRoute(exportSpendingOperation, async ({ caller, query }) => {
  const { from, to, csv } = await exportSpending(caller, query);
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${exportFilename(from, to)}"`,
      "cache-control": "no-store",
    },
  });
});
