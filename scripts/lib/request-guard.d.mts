// Types for request-guard.mjs.
export const ALLOWED_METHODS: Set<string>;
export function refusal(method: string | undefined, url: string | undefined): { status: number; code: string; message: string; headers: Record<string, string> } | null;
