// Routing groups: a slug naming an ordered set of providers (priority, weight).
import { db } from "../db";
import { ApiError, conflict, notFound } from "../api/errors";
import type { Caller } from "../api/caller";
import { recordAudit } from "../audit";
import { bumpConfigEpoch } from "../cache/config-epoch";
import type { CreateRoutingGroupInput, RoutingGroupResponse, UpdateRoutingGroupInput } from "./schemas";
import { mixedWireFormatError } from "./wire-format-check";

const groupInclude = { members: { orderBy: { position: "asc" as const }, include: { provider: { select: { slug: true } } } } };

type GroupRow = NonNullable<Awaited<ReturnType<typeof db.routingGroup.findFirst<{ include: typeof groupInclude }>>>>;

function toResponse(row: GroupRow): RoutingGroupResponse {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    members: row.members.map((member) => ({ provider: member.provider.slug, priority: member.priority, weight: member.weight })),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

async function memberRows(organizationId: string, members: CreateRoutingGroupInput["members"]) {
  const slugs = members.map((member) => member.provider);
  if (new Set(slugs).size !== slugs.length) throw new ApiError("invalid_body", "A provider can appear only once in a group");
  const providers = await db.provider.findMany({ where: { organizationId, slug: { in: slugs } }, select: { id: true, slug: true, type: true } });
  const idBySlug = new Map(providers.map((provider) => [provider.slug, provider.id]));
  const missing = slugs.filter((slug) => !idBySlug.has(slug));
  if (missing.length) {
    throw new ApiError("invalid_body", `Unknown provider(s): ${missing.join(", ")} (built-in providers must be activated first)`, [
      { path: ["members"], message: `unknown provider ${missing.join(", ")}` },
    ]);
  }
  const typeBySlug = new Map(providers.map((provider) => [provider.slug, provider.type]));
  const mixed = mixedWireFormatError(slugs.map((slug) => ({ slug, type: typeBySlug.get(slug)! })));
  if (mixed) throw new ApiError("invalid_body", mixed, [{ path: ["members"], message: mixed }]);
  return members.map((member, position) => ({
    providerId: idBySlug.get(member.provider)!,
    priority: member.priority,
    weight: member.weight,
    position,
  }));
}

async function findGroup(organizationId: string, slug: string): Promise<GroupRow> {
  const row = await db.routingGroup.findUnique({ where: { organizationId_slug: { organizationId, slug } }, include: groupInclude });
  if (!row) throw notFound(`Routing group '${slug}'`);
  return row;
}

export async function listRoutingGroups(organizationId: string): Promise<RoutingGroupResponse[]> {
  const rows = await db.routingGroup.findMany({ where: { organizationId }, include: groupInclude, orderBy: { createdAt: "asc" } });
  return rows.map(toResponse);
}

export async function getRoutingGroup(organizationId: string, slug: string): Promise<RoutingGroupResponse> {
  return toResponse(await findGroup(organizationId, slug));
}

export async function createRoutingGroup(caller: Caller, input: CreateRoutingGroupInput): Promise<RoutingGroupResponse> {
  const existing = await db.routingGroup.findUnique({ where: { organizationId_slug: { organizationId: caller.organizationId, slug: input.slug } } });
  if (existing) throw conflict(`A routing group with slug '${input.slug}' already exists`);
  const members = await memberRows(caller.organizationId, input.members);
  const row = await db.routingGroup.create({
    data: { organizationId: caller.organizationId, slug: input.slug, name: input.name ?? null, members: { create: members } },
    include: groupInclude,
  });
  await bumpConfigEpoch();
  await recordAudit(caller, "routing_group.create", { type: "routing_group", id: row.id }, { slug: row.slug });
  return toResponse(row);
}

export async function updateRoutingGroup(caller: Caller, slug: string, input: UpdateRoutingGroupInput): Promise<RoutingGroupResponse> {
  const group = await findGroup(caller.organizationId, slug);
  const members = input.members ? await memberRows(caller.organizationId, input.members) : null;
  const row = await db.$transaction(async (transaction) => {
    if (members) await transaction.routingGroupMember.deleteMany({ where: { groupId: group.id } });
    return transaction.routingGroup.update({
      where: { id: group.id },
      data: { name: input.name, ...(members ? { members: { create: members } } : {}) },
      include: groupInclude,
    });
  });
  await bumpConfigEpoch();
  await recordAudit(caller, "routing_group.update", { type: "routing_group", id: group.id }, { slug });
  return toResponse(row);
}

export async function deleteRoutingGroup(caller: Caller, slug: string): Promise<void> {
  const group = await findGroup(caller.organizationId, slug);
  await db.routingGroup.delete({ where: { id: group.id } });
  await bumpConfigEpoch();
  await recordAudit(caller, "routing_group.delete", { type: "routing_group", id: group.id }, { slug });
}
