/** What an injected script found, and which of it is a credential worth stealing. */
export interface ScriptFindings {
  documentCookie: string;
  localStorage: { key: string; value: string }[];
}

const JWT_PATTERN = /eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/;

export interface StolenToken {
  where: string;
  token: string;
}

/** Every JWT-looking string the script could read, with where it was. */
export function stolenTokens(findings: ScriptFindings): StolenToken[] {
  const found: StolenToken[] = [];
  for (const part of findings.documentCookie.split(";")) {
    const match = JWT_PATTERN.exec(part);
    if (match) found.push({ where: `document.cookie (${part.split("=")[0]?.trim() ?? "?"})`, token: match[0] });
  }
  for (const { key, value } of findings.localStorage) {
    const match = JWT_PATTERN.exec(value);
    if (match) found.push({ where: `localStorage["${key}"]`, token: match[0] });
  }
  return found;
}

/** A credential shown to a learner: enough to recognise, not enough to copy from a projector. */
export function preview(secret: string, visible = 24): string {
  return secret.length > visible ? `${secret.slice(0, visible)}…` : secret;
}

/** The script's findings as the learner reads them. */
export function describeFindings(findings: ScriptFindings): string {
  const cookie = `document.cookie → ${findings.documentCookie ? JSON.stringify(findings.documentCookie) : '"" (empty: no cookie here is readable by scripts)'}`;
  const storage =
    findings.localStorage.length === 0
      ? "localStorage → (empty)"
      : `localStorage → ${findings.localStorage.map(({ key, value }) => `${key} = ${preview(value, 32)}`).join("; ")}`;
  return `${cookie}\n${storage}`;
}
