import { apiRoute } from "@/lib/api/route";
import { db } from "@/lib/db";
import { healthOperation } from "@/lib/health/operations";

export const dynamic = "force-dynamic";

// GET /api/v1/health – ok once the database is reachable
export const GET = apiRoute(healthOperation, async () => {
  try {
    await db.$queryRawUnsafe("SELECT 1");
  } catch {
    return Response.json({ status: "unavailable", error: { code: "database_unreachable", message: "The database does not answer" } }, { status: 503 });
  }
  return { status: "ok" };
});

