// The organization itself: read it, rename it.
import type { Caller } from "../api/caller";
import { recordAudit } from "../audit";
import { db } from "../db";

const select = { id: true, name: true, slug: true } as const;

export function getOrganization(caller: Caller) {
  return db.organization.findUniqueOrThrow({ where: { id: caller.organizationId }, select });
}

export async function renameOrganization(caller: Caller, input: { name: string }) {
  const organization = await db.organization.update({ where: { id: caller.organizationId }, data: { name: input.name }, select });
  await recordAudit(caller, "organization.rename", { type: "organization", id: organization.id }, { name: input.name });
  return organization;
}
