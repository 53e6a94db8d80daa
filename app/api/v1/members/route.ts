import { apiRoute } from "@/lib/api/route";
import { createMemberOperation, listMembersOperation } from "@/lib/members/operations";
import { createMember, listMembers } from "@/lib/members/service";

// GET /api/v1/members – members and invitations
export const GET = apiRoute(listMembersOperation, async ({ caller }) => listMembers(caller));

// POST /api/v1/members – add or invite a member
export const POST = apiRoute(createMemberOperation, async ({ caller, body }) => createMember(caller, body));
