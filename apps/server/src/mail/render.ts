/**
 * Message bodies. Every message has a plain-text and an HTML part saying the product's name (and the
 * workspace's, when there is one), a link straight to the thing and a link to the person's
 * notification settings. Everything a person typed is escaped before it goes into the HTML part.
 */
export const PRODUCT_NAME = "Lattice";

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
}

const htmlEscapes: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

export const escapeHtml = (value: string): string => value.replace(/[&<>"']/g, (c) => htmlEscapes[c] ?? c);

/** Where a person chooses which mail they get. */
export const notificationSettingsUrl = (publicUrl: string): string => `${publicUrl}/account#notifications`;

interface MailParts {
  subject: string;
  workspaceName: string | null;
  /** Paragraphs of plain text (escaped for the HTML part). */
  paragraphs: string[];
  action: { label: string; url: string };
  /** Said under the link: why the person got it, or how long it lasts. */
  note: string;
  publicUrl: string;
}

const compose = ({
  subject,
  workspaceName,
  paragraphs,
  action,
  note,
  publicUrl,
}: MailParts): RenderedMail => {
  const settingsUrl = notificationSettingsUrl(publicUrl);
  const heading = workspaceName ? `${PRODUCT_NAME} · ${workspaceName}` : PRODUCT_NAME;
  const text = [
    heading,
    "",
    ...paragraphs.flatMap((p) => [p, ""]),
    `${action.label}: ${action.url}`,
    "",
    note,
    "",
    "--",
    `${PRODUCT_NAME}. Choose which messages you get: ${settingsUrl}`,
    "",
  ].join("\n");
  const html = `<!doctype html>
<html><body style="font-family:system-ui,sans-serif;color:#1f2933;line-height:1.5">
<p style="font-size:13px;color:#52606d">${escapeHtml(heading)}</p>
${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join("\n")}
<p><a href="${escapeHtml(action.url)}" style="display:inline-block;padding:8px 16px;background:#2563eb;color:#fff;border-radius:6px;text-decoration:none">${escapeHtml(action.label)}</a></p>
<p style="font-size:13px;color:#52606d">${escapeHtml(note)}<br>Or paste this link into your browser: ${escapeHtml(action.url)}</p>
<hr style="border:none;border-top:1px solid #e4e7eb">
<p style="font-size:12px;color:#7b8794">${escapeHtml(PRODUCT_NAME)} · <a href="${escapeHtml(settingsUrl)}">Choose which messages you get</a></p>
</body></html>
`;
  return {
    subject,
    text,
    html,
    headers: { "List-Unsubscribe": `<${settingsUrl}>` },
  };
};

const days = (ms: number): number => Math.round(ms / 86_400_000);

export const invitationMail = (input: {
  publicUrl: string;
  workspaceName: string;
  inviterName: string | null;
  role: string;
  token: string;
  validForMs: number;
}): RenderedMail => {
  const who = input.inviterName ?? "Someone";
  return compose({
    subject: `${who} invited you to ${input.workspaceName} on ${PRODUCT_NAME}`,
    workspaceName: input.workspaceName,
    paragraphs: [
      `${who} invited you to join the workspace "${input.workspaceName}" on ${PRODUCT_NAME} as ${input.role === "owner" ? "an owner" : `a ${input.role}`}.`,
      "Follow the link to create your account, or sign in if you have one, and you will land in the workspace.",
    ],
    // The token rides in the fragment: browsers never send it to a server or in a Referer.
    action: { label: "Accept the invitation", url: `${input.publicUrl}/invite#${input.token}` },
    note: `The link works once and expires in ${days(input.validForMs)} days. If you did not expect it, ignore this message.`,
    publicUrl: input.publicUrl,
  });
};

export const passwordResetMail = (input: {
  publicUrl: string;
  name: string;
  token: string;
  validForMs: number;
}): RenderedMail =>
  compose({
    subject: `Set a new ${PRODUCT_NAME} password`,
    workspaceName: null,
    paragraphs: [
      `Hello ${input.name},`,
      `someone (hopefully you) asked to set a new password for your ${PRODUCT_NAME} account. Setting it signs you out everywhere.`,
    ],
    action: { label: "Set a new password", url: `${input.publicUrl}/reset-password#${input.token}` },
    note: `The link works once and expires in ${Math.round(input.validForMs / 60_000)} minutes. If you did not ask for it, ignore this message: your password stays as it is.`,
    publicUrl: input.publicUrl,
  });
