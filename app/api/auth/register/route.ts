import { services } from "@/lib/auth/services";
import { ApiError } from "@/lib/errors";
import { readJson } from "@/lib/http/body";
import { json } from "@/lib/http/respond";
import { apiRoute } from "@/lib/http/route";
import { hashPassword } from "@/lib/users/password";
import { credentialsSchema } from "@/lib/users/schemas";
import { publicUser } from "@/lib/users/users";

export const POST = apiRoute(async (request) => {
  const { email, password } = await readJson(request, credentialsSchema);
  const { users } = services();
  if (await users.findByEmail(email)) throw new ApiError("EMAIL_TAKEN");
  try {
    const user = await users.create({ email, passwordHash: await hashPassword(password) });
    return json({ user: publicUser(user) }, { status: 201 });
  } catch (error) {
    // Two registrations racing for one address: the unique index decides, the loser gets 409.
    if ((error as { code?: string }).code === "P2002") throw new ApiError("EMAIL_TAKEN");
    throw error;
  }
});
