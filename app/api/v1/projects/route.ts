import { apiRoute } from "@/lib/api/route";
import { createProjectOperation, listProjectsOperation } from "@/lib/projects/operations";
import { createProject, listProjects } from "@/lib/projects/service";

// GET /api/v1/projects – list projects
export const GET = apiRoute(listProjectsOperation, async ({ caller }) => listProjects(caller.organizationId));

// POST /api/v1/projects – create a project
export const POST = apiRoute(createProjectOperation, async ({ caller, body }) => createProject(caller, body));
