import { clientAddress, credentialInput } from "@/lib/http/request";
import { json } from "@/lib/http/respond";
import { apiRoute, methodNotAllowed } from "@/lib/http/route";
import { labCookie, labCookieName, readLabCookie } from "@/lib/labs/lab-cookie";
import { createLab, deleteLab } from "@/lib/labs/labs";
import { labView } from "@/lib/labs/lab-view";

/**
 * A new lab of one's own (API clients; a browser gets one on its first page visit): its own demo
 * users, settings, clock and data. Answers its id and sets the lab cookie — whose value is in the
 * body too, for a client that keeps headers itself. The caller's previous lab, if its cookie named
 * one, is deleted ("new lab"). 429 with Retry-After past the per-address or the server-wide cap.
 */
export const POST = apiRoute(async (request) => {
  const previous = readLabCookie(credentialInput(request).cookies[labCookieName()]);
  const lab = await createLab(clientAddress(request));
  if (previous.kind === "lab") await deleteLab(previous.labId);
  const cookie = labCookie(lab.id);
  return json({ lab: labView(lab), cookie: { name: cookie.name, value: cookie.value }, replaced: previous.kind === "lab" ? previous.labId : null }, { status: 201, cookies: [cookie] });
});

export const GET = methodNotAllowed("POST");
