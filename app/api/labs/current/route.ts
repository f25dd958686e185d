import { json, noContent } from "@/lib/http/respond";
import { labRoute } from "@/lib/http/route";
import { clearLabCookie } from "@/lib/labs/lab-cookie";
import { deleteLab } from "@/lib/labs/labs";
import { labView } from "@/lib/labs/lab-view";
import { ApiError } from "@/lib/errors";

/** The lab this request acts in (the default lab without a lab cookie). */
export const GET = labRoute(async (ctx) => json({ lab: labView(ctx.lab) }));

/** Deletes the caller's own lab and all it holds, and forgets the cookie. The default lab cannot be deleted. */
export const DELETE = labRoute(async (ctx) => {
  if (ctx.lab.isDefault) throw new ApiError("FORBIDDEN", { message: "The default lab is the server's and cannot be deleted." });
  await deleteLab(ctx.lab.id);
  return noContent({ cookies: [clearLabCookie()] });
});
