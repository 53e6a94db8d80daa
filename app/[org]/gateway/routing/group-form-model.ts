// The routing group form as plain data: members as typed (strings), the
// numbers the share preview reads from them, and the API body.
import type { CreateRoutingGroupInput, RoutingGroupResponse } from "@/lib/routing/schemas";
import { mixedWireFormatError } from "@/lib/routing/wire-format-check";

export interface MemberRow {
  provider: string;
  priority: string;
  weight: string;
}

export interface GroupFormValues {
  slug: string;
  name: string;
  members: MemberRow[];
}

export type GroupFormErrors = Partial<Record<string, string>>;

const SLUG_PATTERN = /^[a-z0-9][a-z0-9-_.]*$/;

export function emptyGroupForm(firstProvider = ""): GroupFormValues {
  return { slug: "", name: "", members: [{ provider: firstProvider, priority: "0", weight: "1" }] };
}

export function formFromGroup(group: RoutingGroupResponse): GroupFormValues {
  return {
    slug: group.slug,
    name: group.name ?? "",
    members: group.members.map((member) => ({ provider: member.provider, priority: String(member.priority), weight: String(member.weight) })),
  };
}

/** What the live preview reads: NaN for a number not typed yet (the preview leaves that member out). */
export function memberNumbers(members: MemberRow[]): { priority: number; weight: number }[] {
  return members.map((member) => ({
    priority: member.priority.trim() === "" ? Number.NaN : Number(member.priority),
    weight: member.weight.trim() === "" ? Number.NaN : Number(member.weight),
  }));
}

/** `typeOf` names each provider's type, so a group mixing wire formats is refused before it is sent. */
export function buildGroupBody(
  values: GroupFormValues,
  typeOf: (slug: string) => string | undefined = () => undefined,
): { ok: true; body: CreateRoutingGroupInput } | { ok: false; errors: GroupFormErrors } {
  const errors: GroupFormErrors = {};
  const slug = values.slug.trim();
  if (!slug) errors.slug = "Enter a slug";
  else if (!SLUG_PATTERN.test(slug)) errors.slug = "Use lowercase letters, digits, '-', '_' and '.', starting with a letter or digit";
  if (values.members.length === 0) errors.members = "Add at least one provider";
  const seen = new Set<string>();
  const members = values.members.map((member, index) => {
    const priority = Number(member.priority);
    const weight = Number(member.weight);
    if (!member.provider) errors[`members.${index}.provider`] = "Choose a provider";
    else if (seen.has(member.provider)) errors[`members.${index}.provider`] = "This provider is already in the group";
    seen.add(member.provider);
    if (member.priority.trim() === "" || !Number.isInteger(priority) || Math.abs(priority) > 1000) {
      errors[`members.${index}.priority`] = "A whole number from -1000 to 1000";
    }
    if (member.weight.trim() === "" || !Number.isFinite(weight) || weight < 0 || weight > 1_000_000) {
      errors[`members.${index}.weight`] = "A number of 0 or more";
    }
    return { provider: member.provider, priority, weight };
  });
  const typed = members.filter((member) => member.provider && typeOf(member.provider)).map((member) => ({ slug: member.provider, type: typeOf(member.provider)! }));
  const mixed = mixedWireFormatError(typed);
  if (mixed) errors.members = mixed;
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, body: { slug, ...(values.name.trim() ? { name: values.name.trim() } : {}), members } };
}
