// A routing group fails over by sending the same request to the next member,
// unchanged: every member must speak the same wire format, or the request
// reaches a provider that cannot read it (OpenAI's /chat/completions sent to
// Anthropic answers 404). One check for the API and the dashboard's form.
import { WIRE_FAMILY_LABELS, wireFamilyOfType } from "../connect/wire-family";

/** Null when the members share a wire format, else a message that says which members differ. */
export function mixedWireFormatError(members: ReadonlyArray<{ slug: string; type: string }>): string | null {
  const byFamily = new Map<string, string[]>();
  for (const member of members) {
    const family = WIRE_FAMILY_LABELS[wireFamilyOfType(member.type)];
    byFamily.set(family, [...(byFamily.get(family) ?? []), member.slug]);
  }
  if (byFamily.size <= 1) return null;
  const parts = [...byFamily].map(([family, slugs]) => `${slugs.join(", ")} (${family})`);
  return `A routing group's members must speak one API, since failover resends the same request: ${parts.join(" and ")} differ. Make one group per API.`;
}
