import { z } from "zod";
import { defineOperation } from "../api/operation";
import { createMemberSchema, memberResponseSchema, updateMemberSchema } from "./schemas";

const tag = "Members";

export const listMembersOperation = defineOperation({
  method: "GET",
  path: "/api/v1/members",
  summary: "Members and pending invitations (members see only themselves)",
  tag,
  response: z.array(memberResponseSchema),
});

export const createMemberOperation = defineOperation({
  method: "POST",
  path: "/api/v1/members",
  summary: "Add a member with a password, or invite one (one-time link)",
  tag,
  admin: true,
  body: createMemberSchema,
  response: memberResponseSchema,
  successStatus: 201,
});

export const updateMemberOperation = defineOperation({
  method: "PATCH",
  path: "/api/v1/members/{id}",
  summary: "Change a member's role or limits (null clears a limit)",
  tag,
  admin: true,
  body: updateMemberSchema,
  response: memberResponseSchema,
});

export const removeMemberOperation = defineOperation({
  method: "DELETE",
  path: "/api/v1/members/{id}",
  summary: "Remove a member (and their personal keys) or cancel an invitation",
  tag,
  admin: true,
});
