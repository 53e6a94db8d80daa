// Only same-site paths may be returned to after sign-in; "//evil.com" and
// absolute URLs would turn the sign-in page into an open redirect.
export function safeCallbackUrl(value: string | string[] | undefined): string {
  const candidate = Array.isArray(value) ? value[0] : value;
  if (!candidate || !candidate.startsWith("/") || candidate.startsWith("//") || candidate.startsWith("/\\")) return "/";
  return candidate;
}
