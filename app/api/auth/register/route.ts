import { readJson } from "@/lib/http/body";
import { json } from "@/lib/http/respond";
import { apiRoute } from "@/lib/http/route";
import { registerUser } from "@/lib/users/register";
import { credentialsSchema } from "@/lib/users/schemas";
import { publicUser } from "@/lib/users/users";

export const POST = apiRoute(async (request) => {
  const user = await registerUser(await readJson(request, credentialsSchema));
  return json({ user: publicUser(user) }, { status: 201 });
});
