import { z } from "zod";
import { defineOperation } from "../api/operation";
import { createRoutingGroupSchema, routingGroupResponseSchema, updateRoutingGroupSchema } from "./schemas";

const tag = "Routing groups";

export const listRoutingGroupsOperation = defineOperation({
  method: "GET",
  path: "/api/v1/routing-groups",
  summary: "List routing groups",
  tag,
  admin: true,
  response: z.array(routingGroupResponseSchema),
});

export const createRoutingGroupOperation = defineOperation({
  method: "POST",
  path: "/api/v1/routing-groups",
  summary: "Create a routing group",
  tag,
  admin: true,
  body: createRoutingGroupSchema,
  response: routingGroupResponseSchema,
  successStatus: 201,
});

export const getRoutingGroupOperation = defineOperation({
  method: "GET",
  path: "/api/v1/routing-groups/{slug}",
  summary: "Get one routing group",
  tag,
  admin: true,
  response: routingGroupResponseSchema,
});

export const updateRoutingGroupOperation = defineOperation({
  method: "PATCH",
  path: "/api/v1/routing-groups/{slug}",
  summary: "Rename a group or replace its members",
  tag,
  admin: true,
  body: updateRoutingGroupSchema,
  response: routingGroupResponseSchema,
});

export const deleteRoutingGroupOperation = defineOperation({
  method: "DELETE",
  path: "/api/v1/routing-groups/{slug}",
  summary: "Delete a routing group",
  tag,
  admin: true,
});
