import { db } from "../db";
import { conflict, notFound } from "../api/errors";
import type { Caller } from "../api/caller";
import { recordAudit } from "../audit";
import { slugify } from "../organizations/default-organization";

export async function resolveProject(organizationId: string, slug: string | undefined): Promise<{ id: string; slug: string }> {
  const project = await db.project.findUnique({
    where: { organizationId_slug: { organizationId, slug: slug ?? "default" } },
    select: { id: true, slug: true },
  });
  if (project) return project;
  if (!slug) {
    return db.project.create({ data: { organizationId, name: "Default", slug: "default" }, select: { id: true, slug: true } });
  }
  throw notFound(`Project '${slug}'`);
}

export async function listProjects(organizationId: string) {
  const projects = await db.project.findMany({
    where: { organizationId },
    select: { id: true, name: true, slug: true, createdAt: true },
    orderBy: { createdAt: "asc" },
  });
  return projects.map((project) => ({ ...project, createdAt: project.createdAt.toISOString() }));
}

export async function createProject(caller: Caller, input: { name: string; slug?: string }) {
  const slug = input.slug ?? slugify(input.name);
  const existing = await db.project.findUnique({ where: { organizationId_slug: { organizationId: caller.organizationId, slug } } });
  if (existing) throw conflict(`A project with slug '${slug}' already exists`);
  const project = await db.project.create({
    data: { organizationId: caller.organizationId, name: input.name, slug },
    select: { id: true, name: true, slug: true, createdAt: true },
  });
  await recordAudit(caller, "project.create", { type: "project", id: project.id }, { slug });
  return { ...project, createdAt: project.createdAt.toISOString() };
}

/** A new display name; the slug stays, since keys, filters and the API name projects by it. */
export async function renameProject(caller: Caller, slug: string, input: { name: string }) {
  const project = await db.project.findUnique({ where: { organizationId_slug: { organizationId: caller.organizationId, slug } }, select: { id: true } });
  if (!project) throw notFound(`Project '${slug}'`);
  const updated = await db.project.update({ where: { id: project.id }, data: { name: input.name }, select: { id: true, name: true, slug: true, createdAt: true } });
  await recordAudit(caller, "project.rename", { type: "project", id: project.id }, { slug, name: input.name });
  return { ...updated, createdAt: updated.createdAt.toISOString() };
}
