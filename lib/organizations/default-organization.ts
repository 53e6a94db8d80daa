// The organization GATEWAY_ADMIN_TOKEN administers: the oldest one, created on
// first use when the gateway has none yet.
import { db } from "../db";

export async function ensureDefaultOrganization(): Promise<{ id: string; slug: string; name: string }> {
  const existing = await db.organization.findFirst({ orderBy: { createdAt: "asc" }, select: { id: true, slug: true, name: true } });
  if (existing) return existing;
  return createOrganization("Default");
}

/** A new organization with its settings, zero balance and a "default" project. */
export async function createOrganization(name: string): Promise<{ id: string; slug: string; name: string }> {
  const slug = await uniqueOrganizationSlug(name);
  return db.organization.create({
    data: {
      name,
      slug,
      settings: { create: {} },
      balance: { create: {} },
      projects: { create: { name: "Default", slug: "default" } },
    },
    select: { id: true, slug: true, name: true },
  });
}

export function slugify(text: string): string {
  const slug = text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40);
  return slug || "org";
}

async function uniqueOrganizationSlug(name: string): Promise<string> {
  const base = slugify(name);
  for (let attempt = 0; attempt < 50; attempt++) {
    const candidate = attempt === 0 ? base : `${base}-${attempt + 1}`;
    const taken = await db.organization.findUnique({ where: { slug: candidate }, select: { id: true } });
    if (!taken) return candidate;
  }
  return `${base}-${Date.now().toString(36)}`;
}
