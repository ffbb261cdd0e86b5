/**
 * Message bodies. Every message has a plain-text and an HTML part saying the product's name (and the
 * workspace's, when there is one), a link straight to the thing and a link to the person's
 * notification settings. Everything a person typed is escaped before it goes into the HTML part.
 */
import type { MailTopic } from "@lattice/domain";

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

/** A titled list of links (the digest's parts). */
export interface MailSection {
  title: string;
  items: { text: string; url: string }[];
}

interface MailParts {
  subject: string;
  workspaceName: string | null;
  /** Paragraphs of plain text (escaped for the HTML part). */
  paragraphs: string[];
  sections?: MailSection[];
  action: { label: string; url: string };
  /** Said under the link: why the person got it, or how long it lasts. */
  note: string;
  publicUrl: string;
  /**
   * A signed link that stops this kind of message without signing in: it becomes the one-click
   * `List-Unsubscribe` (RFC 8058) and a line of the footer.
   */
  unsubscribe?: { url: string; label: string };
}

const compose = ({
  subject,
  workspaceName,
  paragraphs,
  sections = [],
  action,
  note,
  publicUrl,
  unsubscribe,
}: MailParts): RenderedMail => {
  const settingsUrl = notificationSettingsUrl(publicUrl);
  const heading = workspaceName ? `${PRODUCT_NAME} · ${workspaceName}` : PRODUCT_NAME;
  const text = [
    heading,
    "",
    ...paragraphs.flatMap((p) => [p, ""]),
    ...sections.flatMap((section) => [
      section.title,
      ...section.items.map((item) => `- ${item.text}: ${item.url}`),
      "",
    ]),
    `${action.label}: ${action.url}`,
    "",
    note,
    "",
    "--",
    `${PRODUCT_NAME}. Choose which messages you get: ${settingsUrl}`,
    ...(unsubscribe ? [`${unsubscribe.label}: ${unsubscribe.url}`] : []),
    "",
  ].join("\n");
  const sectionsHtml = sections
    .map(
      (section) => `<h3 style="font-size:15px;margin:20px 0 6px">${escapeHtml(section.title)}</h3>
<ul style="padding-left:20px;margin:0">
${section.items.map((item) => `<li><a href="${escapeHtml(item.url)}">${escapeHtml(item.text)}</a></li>`).join("\n")}
</ul>`,
    )
    .join("\n");
  const html = `<!doctype html>
<html><body style="font-family:system-ui,sans-serif;color:#1f2933;line-height:1.5">
<p style="font-size:13px;color:#52606d">${escapeHtml(heading)}</p>
${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join("\n")}
${sectionsHtml}
<p><a href="${escapeHtml(action.url)}" style="display:inline-block;padding:8px 16px;background:#2563eb;color:#fff;border-radius:6px;text-decoration:none">${escapeHtml(action.label)}</a></p>
<p style="font-size:13px;color:#52606d">${escapeHtml(note)}<br>Or paste this link into your browser: ${escapeHtml(action.url)}</p>
<hr style="border:none;border-top:1px solid #e4e7eb">
<p style="font-size:12px;color:#7b8794">${escapeHtml(PRODUCT_NAME)} · <a href="${escapeHtml(settingsUrl)}">Choose which messages you get</a>${unsubscribe ? ` · <a href="${escapeHtml(unsubscribe.url)}">${escapeHtml(unsubscribe.label)}</a>` : ""}</p>
</body></html>
`;
  return {
    subject,
    text,
    html,
    headers: unsubscribe
      ? { "List-Unsubscribe": `<${unsubscribe.url}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" }
      : { "List-Unsubscribe": `<${settingsUrl}>` },
  };
};

const days = (ms: number): number => Math.round(ms / 86_400_000);

const roleWords = (role: string): string => (role === "owner" ? "an owner" : `a ${role}`);

/** An invitation to a workspace, or to one space of it (`spaceName`, `spaceRole`). */
export const invitationMail = (input: {
  publicUrl: string;
  workspaceName: string;
  inviterName: string | null;
  role: string;
  space?: { name: string; role: string } | null;
  token: string;
  validForMs: number;
}): RenderedMail => {
  const who = input.inviterName ?? "Someone";
  const { space } = input;
  return compose({
    subject: space
      ? `${who} invited you to ${space.name} in ${input.workspaceName} on ${PRODUCT_NAME}`
      : `${who} invited you to ${input.workspaceName} on ${PRODUCT_NAME}`,
    workspaceName: input.workspaceName,
    paragraphs: space
      ? [
          `${who} invited you to the space "${space.name}" of the workspace "${input.workspaceName}" on ${PRODUCT_NAME} as ${roleWords(space.role)} of the space.`,
          "Follow the link to create your account, or sign in if you have one, and you will land in the space.",
        ]
      : [
          `${who} invited you to join the workspace "${input.workspaceName}" on ${PRODUCT_NAME} as ${roleWords(input.role)}.`,
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

const topicWords: Record<MailTopic, string> = {
  mentioned: "mentions of you",
  assigned: "being made responsible or a co-worker",
  reminder: "your reminders",
  blocked: "your cards being blocked or unblocked",
  commented: "comments on cards you follow",
  status_changed: "status changes of cards you follow",
};
export const describeTopic = (topic: MailTopic): string => topicWords[topic];

/** The app's page of a card. */
export const cardUrl = (
  publicUrl: string,
  card: { workspaceId: string; spaceId: string; id: string },
): string => `${publicUrl}/w/${card.workspaceId}/s/${card.spaceId}/c/${card.id}`;

/** One notification, sent on its own ("instantly"). */
export const notificationMail = (input: {
  publicUrl: string;
  workspaceName: string | null;
  text: string;
  url: string;
  topic: MailTopic;
  unsubscribeUrl: string;
}): RenderedMail =>
  compose({
    subject: input.text,
    workspaceName: input.workspaceName,
    paragraphs: [`${input.text}.`],
    action: { label: "Open the card", url: input.url },
    note: `You get this because you chose to hear about ${describeTopic(input.topic)} by e-mail at once.`,
    publicUrl: input.publicUrl,
    unsubscribe: { url: input.unsubscribeUrl, label: `Stop e-mails about ${describeTopic(input.topic)}` },
  });

/** The daily digest: its sections are already chosen and non-empty. */
export const digestMail = (input: {
  publicUrl: string;
  name: string;
  dateLabel: string;
  sections: MailSection[];
  unsubscribeUrl: string;
}): RenderedMail => {
  const count = input.sections.reduce((n, s) => n + s.items.length, 0);
  return compose({
    subject: `Your ${PRODUCT_NAME} digest for ${input.dateLabel}: ${count} ${count === 1 ? "thing" : "things"} to look at`,
    workspaceName: null,
    paragraphs: [`Good morning ${input.name}, here is what needs you today.`],
    sections: input.sections,
    action: { label: "Open my work", url: `${input.publicUrl}/my-work` },
    note: "You get this every morning there is something to say.",
    publicUrl: input.publicUrl,
    unsubscribe: { url: input.unsubscribeUrl, label: "Stop the daily digest" },
  });
};
