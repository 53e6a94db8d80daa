import { z } from "zod";
import { defineOperation } from "../api/operation";

export const healthOperation = defineOperation({
  method: "GET",
  path: "/api/v1/health",
  summary: "Liveness: ok once the database answers",
  tag: "System",
  public: true,
  response: z.object({ status: z.literal("ok") }),
});

export const openApiOperation = defineOperation({
  method: "GET",
  path: "/api/v1/openapi.json",
  summary: "This OpenAPI document",
  tag: "System",
  public: true,
});
