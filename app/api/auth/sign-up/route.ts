// POST /api/auth/sign-up – create an account (and an organization, unless invited)
import { ApiError, errorResponse } from "@/lib/api/errors";
import { readCappedJson } from "@/lib/api/request-body";
import { assertSameOriginMutation } from "@/lib/api/same-origin";
import { signUpSchema } from "@/lib/auth/schemas";
import { EmailTakenError, signUp } from "@/lib/auth/sign-up";

export async function POST(request: Request): Promise<Response> {
  try {
    assertSameOriginMutation(request);
    const parsed = signUpSchema.safeParse(await readCappedJson(request, 'The request body must be JSON: {"email","password","name"}'));
    if (!parsed.success) {
      const issues = parsed.error.issues.map((issue) => ({ path: issue.path.map(String), message: issue.message, code: issue.code }));
      throw new ApiError("invalid_body", issues[0].message, issues);
    }
    const result = await signUp(parsed.data);
    return Response.json(
      { userId: result.userId, organizations: result.organizations.map(({ slug, role }) => ({ slug, role })) },
      { status: 201 },
    );
  } catch (error) {
    if (error instanceof EmailTakenError) return errorResponse(new ApiError("conflict", error.message));
    if (error instanceof ApiError) return errorResponse(error);
    console.error("[auth] sign-up failed:", error);
    return errorResponse(new ApiError("internal_error", "Something went wrong on the server; it has been logged"));
  }
}
