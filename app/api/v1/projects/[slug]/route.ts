import { apiRoute } from "@/lib/api/route";
import { updateProjectOperation } from "@/lib/projects/operations";
import { renameProject } from "@/lib/projects/service";

// PATCH /api/v1/projects/{slug} – rename a project
export const PATCH = apiRoute(updateProjectOperation, async ({ caller, params, body }) => renameProject(caller, params.slug, body));
