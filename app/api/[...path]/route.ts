import { errorJson } from "@/lib/http/respond";

/**
 * Any `/api/…` path that no route answers: a JSON 404 with a stable code, like every other API
 * error — not the HTML page a browser gets for an unknown page.
 */
function notFound(): Response {
  return errorJson("NOT_FOUND", { message: "There is no API route at this path: the README's HTTP API lists them." });
}

export const GET = notFound;
export const HEAD = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
