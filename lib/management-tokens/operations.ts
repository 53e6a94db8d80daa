import { z } from "zod";
import { defineOperation } from "../api/operation";
import { createdManagementTokenSchema, createManagementTokenSchema, managementTokenResponseSchema } from "./schemas";

const tag = "Management tokens";

export const listManagementTokensOperation = defineOperation({
  method: "GET",
  path: "/api/v1/management-tokens",
  summary: "List management tokens",
  tag,
  admin: true,
  response: z.array(managementTokenResponseSchema),
});

export const createManagementTokenOperation = defineOperation({
  method: "POST",
  path: "/api/v1/management-tokens",
  summary: "Create a management token; the secret is answered only here",
  tag,
  admin: true,
  body: createManagementTokenSchema,
  response: createdManagementTokenSchema,
  successStatus: 201,
});

export const revokeManagementTokenOperation = defineOperation({
  method: "DELETE",
  path: "/api/v1/management-tokens/{id}",
  summary: "Revoke a management token",
  tag,
  admin: true,
  response: managementTokenResponseSchema,
});
