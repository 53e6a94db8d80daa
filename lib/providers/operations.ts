import { z } from "zod";
import { defineOperation } from "../api/operation";
import { createProviderSchema, providerResponseSchema, updateProviderSchema } from "./schemas";

const tag = "Providers";

export const listProvidersOperation = defineOperation({
  method: "GET",
  path: "/api/v1/providers",
  summary: "List BYOK and built-in providers",
  tag,
  admin: true,
  response: z.array(providerResponseSchema),
});

export const createProviderOperation = defineOperation({
  method: "POST",
  path: "/api/v1/providers",
  summary: "Add a BYOK provider",
  tag,
  admin: true,
  body: createProviderSchema,
  response: providerResponseSchema,
  successStatus: 201,
});

export const getProviderOperation = defineOperation({
  method: "GET",
  path: "/api/v1/providers/{slug}",
  summary: "Get one provider",
  tag,
  admin: true,
  response: providerResponseSchema,
});

export const updateProviderOperation = defineOperation({
  method: "PATCH",
  path: "/api/v1/providers/{slug}",
  summary: "Edit a provider, or activate a built-in one with {enabled:true}",
  tag,
  admin: true,
  body: updateProviderSchema,
  response: providerResponseSchema,
});

export const deleteProviderOperation = defineOperation({
  method: "DELETE",
  path: "/api/v1/providers/{slug}",
  summary: "Remove a provider (deactivates a built-in one)",
  tag,
  admin: true,
});
