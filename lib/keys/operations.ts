import { z } from "zod";
import { defineOperation } from "../api/operation";
import { createdKeyResponseSchema, createKeySchema, keyResponseSchema, listKeysQuerySchema, updateKeySchema } from "./schemas";

const tag = "API keys";

export const listKeysOperation = defineOperation({
  method: "GET",
  path: "/api/v1/keys",
  summary: "List keys (members: their own personal keys)",
  tag,
  query: listKeysQuerySchema,
  response: z.array(keyResponseSchema),
});

export const createKeyOperation = defineOperation({
  method: "POST",
  path: "/api/v1/keys",
  summary: "Create a key; the secret is answered only here",
  tag,
  body: createKeySchema,
  response: createdKeyResponseSchema,
  successStatus: 201,
});

export const getKeyOperation = defineOperation({
  method: "GET",
  path: "/api/v1/keys/{id}",
  summary: "Get one key",
  tag,
  response: keyResponseSchema,
});

export const updateKeyOperation = defineOperation({
  method: "PATCH",
  path: "/api/v1/keys/{id}",
  summary: "Rename, change limits or expiry, disable or enable a key",
  tag,
  body: updateKeySchema,
  response: keyResponseSchema,
});

export const revokeKeyOperation = defineOperation({
  method: "DELETE",
  path: "/api/v1/keys/{id}",
  summary: "Revoke a key",
  tag,
  response: keyResponseSchema,
});

export const revealKeyOperation = defineOperation({
  method: "POST",
  path: "/api/v1/keys/{id}/reveal",
  summary: "Reveal a key's secret to its owner or an admin",
  tag,
  response: z.object({ secret: z.string() }),
});
