/**
 * Message bodies. Every message has a plain-text and an HTML part saying the product's name (and the
 * workspace's, when there is one), a link straight to the thing and a link to the person's
 * notification settings. Everything a person typed is escaped before it goes into the HTML part.
 *
 * Each message is written in its recipient's language (the translator of their `users.locale` and time
 * zone; for an invitation to an address without an account, the inviter's), subject included; the
 * HTML part carries `lang` and `dir` (right to left for Arabic).
 */
import type { MailTopic, Translator } from "@lattice/domain";

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
  tr: Translator;
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
  tr,
  subject,
  workspaceName,
  paragraphs,
  sections = [],
  action,
  note,
  publicUrl,
  unsubscribe,
}: MailParts): RenderedMail => {
  const { t } = tr;
  const settingsUrl = notificationSettingsUrl(publicUrl);
  const linkLine = (label: string, url: string) => t("mail.linkLine", { label, url });
  const heading = workspaceName ? `${PRODUCT_NAME} · ${workspaceName}` : PRODUCT_NAME;
  const text = [
    heading,
    "",
    ...paragraphs.flatMap((p) => [p, ""]),
    ...sections.flatMap((section) => [
      section.title,
      ...section.items.map((item) => `- ${linkLine(item.text, item.url)}`),
      "",
    ]),
    linkLine(action.label, action.url),
    "",
    note,
    "",
    "--",
    t("mail.footerText", { product: PRODUCT_NAME, url: settingsUrl }),
    ...(unsubscribe ? [linkLine(unsubscribe.label, unsubscribe.url)] : []),
    "",
  ].join("\n");
  const sectionsHtml = sections
    .map(
      (section) => `<h3 style="font-size:15px;margin:20px 0 6px">${escapeHtml(section.title)}</h3>
<ul style="padding-inline-start:20px;margin:0">
${section.items.map((item) => `<li><a href="${escapeHtml(item.url)}">${escapeHtml(item.text)}</a></li>`).join("\n")}
</ul>`,
    )
    .join("\n");
  const html = `<!doctype html>
<html lang="${tr.locale}" dir="${tr.dir}"><body style="font-family:system-ui,sans-serif;color:#1f2933;line-height:1.5">
<p style="font-size:13px;color:#52606d">${escapeHtml(heading)}</p>
${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join("\n")}
${sectionsHtml}
<p><a href="${escapeHtml(action.url)}" style="display:inline-block;padding:8px 16px;background:#2563eb;color:#fff;border-radius:6px;text-decoration:none">${escapeHtml(action.label)}</a></p>
<p style="font-size:13px;color:#52606d">${escapeHtml(note)}<br>${escapeHtml(t("mail.pasteLink", { url: action.url }))}</p>
<hr style="border:none;border-top:1px solid #e4e7eb">
<p style="font-size:12px;color:#7b8794">${escapeHtml(PRODUCT_NAME)} · <a href="${escapeHtml(settingsUrl)}">${escapeHtml(t("mail.chooseMessages"))}</a>${unsubscribe ? ` · <a href="${escapeHtml(unsubscribe.url)}">${escapeHtml(unsubscribe.label)}</a>` : ""}</p>
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

/** An invitation to a workspace, or to one space of it (`spaceName`, `spaceRole`). */
export const invitationMail = (
  tr: Translator,
  input: {
    publicUrl: string;
    workspaceName: string;
    inviterName: string | null;
    role: string;
    space?: { name: string; role: string } | null;
    token: string;
    validForMs: number;
  },
): RenderedMail => {
  const { t } = tr;
  const inviter = input.inviterName ?? t("mail.someone");
  const { space } = input;
  const names = { inviter, workspace: input.workspaceName, product: PRODUCT_NAME };
  return compose({
    tr,
    subject: space
      ? t("mail.invitation.subjectSpace", { ...names, space: space.name })
      : t("mail.invitation.subject", names),
    workspaceName: input.workspaceName,
    paragraphs: space
      ? [
          t("mail.invitation.bodySpace", { ...names, space: space.name, role: space.role }),
          t("mail.invitation.followSpace"),
        ]
      : [t("mail.invitation.body", { ...names, role: input.role }), t("mail.invitation.follow")],
    // The token rides in the fragment: browsers never send it to a server or in a Referer.
    action: { label: t("mail.invitation.action"), url: `${input.publicUrl}/invite#${input.token}` },
    note: t("mail.invitation.note", { days: days(input.validForMs) }),
    publicUrl: input.publicUrl,
  });
};

export const passwordResetMail = (
  tr: Translator,
  input: {
    publicUrl: string;
    name: string;
    token: string;
    validForMs: number;
  },
): RenderedMail =>
  compose({
    tr,
    subject: tr.t("mail.reset.subject", { product: PRODUCT_NAME }),
    workspaceName: null,
    paragraphs: [
      tr.t("mail.reset.hello", { name: input.name }),
      tr.t("mail.reset.body", { product: PRODUCT_NAME }),
    ],
    action: { label: tr.t("mail.reset.action"), url: `${input.publicUrl}/reset-password#${input.token}` },
    note: tr.t("mail.reset.note", { minutes: Math.round(input.validForMs / 60_000) }),
    publicUrl: input.publicUrl,
  });

/** A mail topic as the footer names it ("mentions of you"). */
export const describeTopic = (topic: MailTopic, tr: Translator): string => tr.t(`mail.topic.${topic}`);

/** The app's page of a card. */
export const cardUrl = (
  publicUrl: string,
  card: { workspaceId: string; spaceId: string; id: string },
): string => `${publicUrl}/w/${card.workspaceId}/s/${card.spaceId}/c/${card.id}`;

/** One notification, sent on its own ("instantly"); `text` is already in the recipient's language. */
export const notificationMail = (
  tr: Translator,
  input: {
    publicUrl: string;
    workspaceName: string | null;
    text: string;
    url: string;
    topic: MailTopic;
    unsubscribeUrl: string;
  },
): RenderedMail => {
  const topic = describeTopic(input.topic, tr);
  return compose({
    tr,
    subject: input.text,
    workspaceName: input.workspaceName,
    paragraphs: [tr.t("mail.notification.sentence", { text: input.text })],
    action: { label: tr.t("mail.notification.action"), url: input.url },
    note: tr.t("mail.notification.note", { topic }),
    publicUrl: input.publicUrl,
    unsubscribe: { url: input.unsubscribeUrl, label: tr.t("mail.notification.stop", { topic }) },
  });
};

/** The daily digest: its sections are already chosen, non-empty and in the recipient's language. */
export const digestMail = (
  tr: Translator,
  input: {
    publicUrl: string;
    name: string;
    /** The person's day (YYYY-MM-DD). */
    day: string;
    sections: MailSection[];
    unsubscribeUrl: string;
  },
): RenderedMail => {
  const count = input.sections.reduce((n, s) => n + s.items.length, 0);
  return compose({
    tr,
    subject: tr.t("mail.digest.subject", {
      product: PRODUCT_NAME,
      date: tr.format.longDay(input.day),
      count,
    }),
    workspaceName: null,
    paragraphs: [tr.t("mail.digest.greeting", { name: input.name })],
    sections: input.sections,
    action: { label: tr.t("mail.digest.action"), url: `${input.publicUrl}/my-work` },
    note: tr.t("mail.digest.note"),
    publicUrl: input.publicUrl,
    unsubscribe: { url: input.unsubscribeUrl, label: tr.t("mail.digest.stop") },
  });
};
