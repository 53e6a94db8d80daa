import { z } from "zod";
import { defineOperation } from "../api/operation";
import { slugSchema } from "../providers/schemas";

const projectSchema = z.object({ id: z.string(), name: z.string(), slug: z.string(), createdAt: z.string() });

export const createProjectSchema = z.object({ name: z.string().trim().min(1, "name is required").max(100), slug: slugSchema.optional() });

export const listProjectsOperation = defineOperation({
  method: "GET",
  path: "/api/v1/projects",
  summary: "List projects",
  tag: "Projects",
  response: z.array(projectSchema),
});

export const createProjectOperation = defineOperation({
  method: "POST",
  path: "/api/v1/projects",
  summary: "Create a project",
  tag: "Projects",
  admin: true,
  body: createProjectSchema,
  response: projectSchema,
  successStatus: 201,
});

export const renameProjectSchema = z.object({ name: z.string().trim().min(1, "the project name is required").max(100, "the project name can be at most 100 characters") });

export const updateProjectOperation = defineOperation({
  method: "PATCH",
  path: "/api/v1/projects/{slug}",
  summary: "Rename a project (its slug, used by keys and filters, stays)",
  tag: "Projects",
  admin: true,
  body: renameProjectSchema,
  response: projectSchema,
});
