import { apiRoute } from "@/lib/api/route";
import { openApiOperation } from "@/lib/health/operations";
import { openApiDocument } from "@/lib/api/openapi";

// GET /api/v1/openapi.json – the management API described from its zod schemas
export const GET = apiRoute(openApiOperation, async () => openApiDocument());
