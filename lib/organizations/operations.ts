// GET, PATCH /api/v1/organization: the caller's organization, renamed by an
// admin. The slug stays: it is in every dashboard URL and bookmark.
import { z } from "zod";
import { defineOperation } from "../api/operation";
import { organizationNameSchema } from "../auth/schemas";

export const organizationResponseSchema = z.object({ id: z.string(), name: z.string(), slug: z.string() });
export const renameOrganizationSchema = z.object({ name: organizationNameSchema });

export const getOrganizationOperation = defineOperation({
  method: "GET",
  path: "/api/v1/organization",
  summary: "The caller's organization",
  tag: "Organization",
  response: organizationResponseSchema,
});

export const renameOrganizationOperation = defineOperation({
  method: "PATCH",
  path: "/api/v1/organization",
  summary: "Rename the organization (its slug, in every dashboard URL, stays)",
  tag: "Organization",
  admin: true,
  body: renameOrganizationSchema,
  response: organizationResponseSchema,
});
