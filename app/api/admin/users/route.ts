import { requireUser } from "@/lib/auth/require-user";
import { services } from "@/lib/auth/services";
import { json } from "@/lib/http/respond";
import { apiRoute } from "@/lib/http/route";
import { publicUser } from "@/lib/users/users";

export const GET = apiRoute(async (request) => {
  await requireUser(request, { role: "admin" });
  const users = await services().users.list();
  return json({ users: users.map(publicUser) });
});
