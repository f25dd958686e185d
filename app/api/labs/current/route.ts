import { json, noContent } from "@/lib/http/respond";
import { labRoute } from "@/lib/http/route";
import { clearLabCookie, signCsrfDemoLab } from "@/lib/labs/lab-cookie";
import { deleteLab } from "@/lib/labs/labs";
import { labView } from "@/lib/labs/lab-view";
import { ApiError } from "@/lib/errors";

/**
 * The lab this request acts in (the default lab without a lab cookie), and `csrfDemoLab`: what the
 * lab's CSRF demo page passes in `?lab=` so that its refused request is recorded in this lab (a
 * signed value, given only to a caller already in the lab: the lab's public id alone names nothing).
 */
export const GET = labRoute(async (ctx) => json({ lab: labView(ctx.lab), csrfDemoLab: signCsrfDemoLab(ctx.lab.id) }));

/** Deletes the caller's own lab and all it holds, and forgets the cookie. The default lab cannot be deleted. */
export const DELETE = labRoute(async (ctx) => {
  if (ctx.lab.isDefault) throw new ApiError("FORBIDDEN", { message: "The default lab is the server's and cannot be deleted." });
  await deleteLab(ctx.lab.id);
  return noContent({ cookies: [clearLabCookie()] });
});
