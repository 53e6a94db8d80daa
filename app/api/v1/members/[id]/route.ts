import { apiRoute } from "@/lib/api/route";
import { removeMemberOperation, updateMemberOperation } from "@/lib/members/operations";
import { removeMember, updateMember } from "@/lib/members/service";

// PATCH /api/v1/members/{id} – role and member limits
export const PATCH = apiRoute(updateMemberOperation, async ({ caller, params, body }) => updateMember(caller, params.id, body));

// DELETE /api/v1/members/{id} – remove a member or cancel an invitation
export const DELETE = apiRoute(removeMemberOperation, async ({ caller, params }) => removeMember(caller, params.id));
