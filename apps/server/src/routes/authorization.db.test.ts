/**
 * Every API route against every kind of caller. A private workspace W has an owner, a member and a
 * visitor; an outsider is a user of the instance who is not in W; anonymous has no session.
 * Security: an outsider must get 404 (never 403) for anything in W, so W's existence does not leak.
 */
import { randomUUID } from "node:crypto";
import { tables } from "@lattice/db";
import type { Card, Folder, Space, Status, Workspace } from "@lattice/domain";
import { trelloBoardFixture } from "@lattice/domain/import/trello-fixture";
import { count, desc, eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureMailPreferences, unsubscribeToken } from "../mail/notification-mail.js";
import { Client, cookieFrom, factories, type Harness, startHarness } from "../test/harness.js";
import { multipartBody } from "../test/multipart.js";

const roles = ["owner", "member", "visitor", "outsider", "anonymous"] as const;
type Role = (typeof roles)[number];
type Method = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";

interface World {
  app: FastifyInstance;
  f: ReturnType<typeof factories>;
  clients: Record<Role, Client>;
  workspace: Workspace;
  folder: Folder;
  space: Space;
  status: Status;
  card: Card;
  /** A fresh private workspace with the same owner, member and visitor. */
  freshWorkspace(): Promise<Workspace>;
}

interface Row {
  method: Method;
  /** Tells apart rows of one route that need different roles. */
  note?: string;
  /** Path template as in the OpenAPI document, e.g. /api/cards/{id}. */
  path: string;
  /** Path parameters; called once per caller so destructive rows get fresh resources. */
  params?: (w: World, role: Role) => Promise<Record<string, string>>;
  body?: (w: World, role: Role) => Promise<unknown> | unknown;
  /** A multipart/form-data body instead of JSON (uploads). */
  multipart?: () => { payload: Buffer; headers: Record<string, string> };
  /** The caller to use instead of the shared one (e.g. a second session for logout). */
  as?: (w: World, role: Role) => Promise<Client>;
  /** Query string (without `?`) for routes that need one. */
  query?: string | ((w: World) => Promise<string>);
  expect: Record<Role, number>;
}

const publicRoute = (status: number) => ({
  owner: status,
  member: status,
  visitor: status,
  outsider: status,
  anonymous: status,
});
const anyUser = (status: number) => ({
  owner: status,
  member: status,
  visitor: status,
  outsider: status,
  anonymous: 401,
});
const read = { owner: 200, member: 200, visitor: 200, outsider: 404, anonymous: 401 };
/** Card changes and creating or renaming hierarchy: members too. */
const memberWrite = (status: number) => ({
  owner: status,
  member: status,
  visitor: 403,
  outsider: 404,
  anonymous: 401,
});
/** Members, statuses, settings, removing hierarchy: owners only. */
const ownerOnly = (status: number) => ({
  owner: status,
  member: 403,
  visitor: 403,
  outsider: 404,
  anonymous: 401,
});

const ws = async (w: World) => ({ id: w.workspace.id });
const fresh = {
  workspace: async (w: World) => ({ id: (await w.freshWorkspace()).id }),
  folder: async (w: World) => ({ id: (await w.f.folder(w.clients.owner, w.workspace.id)).id }),
  space: async (w: World) => ({ id: (await w.f.space(w.clients.owner, w.workspace.id)).id }),
  status: async (w: World) => {
    const res = await w.clients.owner.post(`/api/spaces/${w.space.id}/statuses`, { name: "Spare" });
    return { id: res.json<Status>().id };
  },
  card: async (w: World) => ({ id: (await w.f.card(w.clients.owner, w.space.id, { name: "Spare" })).id }),
  /** A card the owner deleted: in the trash, to be restored or purged. */
  trashedCard: async (w: World) => {
    const { id } = await fresh.card(w);
    await w.clients.owner.delete(`/api/cards/${id}`);
    return { id };
  },
  relation: async (w: World) => {
    const child = await w.f.card(w.clients.owner, w.space.id, { name: "Child" });
    const res = await w.clients.owner.post(`/api/cards/${w.card.id}/relations`, {
      type: "child",
      cardId: child.id,
    });
    return { id: res.json<{ id: string }>().id };
  },
  /** The owner is the instance's first user, so its administrator. */
  blockerType: async (w: World, kind: "global" | "on_demand"): Promise<string> => {
    const res = await w.clients.owner.post("/api/blocker-types", {
      kind,
      name: `Type ${randomUUID().slice(0, 6)}`,
    });
    return res.json<{ id: string }>().id;
  },
  blocking: async (w: World) => {
    const card = await w.f.card(w.clients.owner, w.space.id, { name: "Blocked" });
    const res = await w.clients.owner.post(`/api/cards/${card.id}/blockings`, {
      blockerTypeId: await fresh.blockerType(w, "global"),
      reason: "Waiting for the lab",
    });
    return { id: res.json<{ id: string }>().id };
  },
  /** A user added to W as visitor, to be changed or removed. */
  member: async (w: World) => {
    const spare = await w.f.user("Spare");
    await w.f.member(w.clients.owner, w.workspace.id, spare, "visitor");
    return { id: w.workspace.id, userId: spare.user.id };
  },
  /** A workspace member given a role on the shared space, to be changed or removed. */
  spaceMember: async (w: World) => {
    const { userId } = await fresh.member(w);
    await w.clients.owner.post(`/api/spaces/${w.space.id}/members`, { userId, role: "visitor" });
    return { id: w.space.id, userId };
  },
};

/** Templates: a workspace's space templates (the owner's, so members may not rename them) and a space's card templates. */
const templateContent = { statuses: [{ name: "Open", role: "not_started" }] };
const freshTemplate = {
  space: async (w: World) => {
    const res = await w.clients.owner.post(`/api/workspaces/${w.workspace.id}/space-templates`, {
      name: "Intake",
      content: templateContent,
    });
    return { id: res.json<{ id: string }>().id };
  },
  card: async (w: World) => {
    const res = await w.clients.owner.post(`/api/spaces/${w.space.id}/card-templates`, { name: "Admission" });
    return { id: res.json<{ template: { id: string } }>().template.id };
  },
};
const templateRows: Row[] = [
  { method: "GET", path: "/api/workspaces/{id}/space-templates", params: ws, expect: read },
  {
    method: "POST",
    path: "/api/workspaces/{id}/space-templates",
    params: ws,
    body: () => ({ name: "Written", content: templateContent }),
    expect: memberWrite(201),
  },
  { method: "GET", path: "/api/space-templates/{id}", params: freshTemplate.space, expect: read },
  {
    method: "PATCH",
    path: "/api/space-templates/{id}",
    params: freshTemplate.space,
    body: () => ({ name: "Renamed" }),
    expect: ownerOnly(200),
  },
  {
    method: "DELETE",
    path: "/api/space-templates/{id}",
    params: freshTemplate.space,
    expect: ownerOnly(204),
  },
  {
    method: "POST",
    path: "/api/spaces/{id}/save-as-template",
    params: async (w) => ({ id: w.space.id }),
    body: () => ({ name: "Saved" }),
    expect: memberWrite(201),
  },
  {
    method: "POST",
    path: "/api/workspaces/{id}/spaces/from-template",
    params: ws,
    body: () => ({
      templateId: "builtin:complaint-handling",
      name: "From a template",
      startDate: "2027-01-04",
    }),
    expect: memberWrite(201),
  },
  {
    method: "GET",
    path: "/api/spaces/{id}/card-templates",
    params: async (w) => ({ id: w.space.id }),
    expect: read,
  },
  {
    method: "POST",
    path: "/api/spaces/{id}/card-templates",
    params: async (w) => ({ id: w.space.id }),
    body: () => ({ name: "Scratch", todos: ["Check ID band"] }),
    expect: memberWrite(201),
  },
  {
    method: "POST",
    path: "/api/cards/{id}/save-as-template",
    params: async (w) => ({ id: w.card.id }),
    body: () => ({}),
    expect: memberWrite(201),
  },
  { method: "DELETE", path: "/api/card-templates/{id}", params: freshTemplate.card, expect: ownerOnly(204) },
  {
    method: "POST",
    path: "/api/card-templates/{id}/cards",
    params: freshTemplate.card,
    body: () => ({}),
    expect: memberWrite(201),
  },
];

/** A to-do, label or comment made fresh for each caller (destructive rows). */
/** A fresh saved view of the space: the caller's own (the owner's for those who cannot keep one), or shared. */
const savedView = async (w: World, role: Role, isShared: boolean): Promise<{ id: string }> => {
  const client = isShared || role === "outsider" || role === "anonymous" ? w.clients.owner : w.clients[role];
  const res = await client.post(`/api/spaces/${w.space.id}/saved-views`, {
    name: "Spare",
    kind: "board",
    isShared,
  });
  return { id: res.json<{ id: string }>().id };
};

const freshCollaboration = {
  todo: async (w: World) => {
    const res = await w.clients.owner.post(`/api/cards/${w.card.id}/todos`, { text: "Spare" });
    return { id: res.json<{ id: string }>().id };
  },
  label: async (w: World) => {
    const res = await w.clients.owner.post(`/api/spaces/${w.space.id}/labels`, {
      name: "Spare",
      color: "#123456",
    });
    return { id: res.json<{ id: string }>().id };
  },
  field: async (w: World) => {
    const res = await w.clients.owner.post(`/api/spaces/${w.space.id}/fields`, {
      name: `Spare ${randomUUID().slice(0, 6)}`,
      kind: "single_choice",
      options: [{ name: "Yes", color: "#2b8a3e" }],
    });
    return { id: res.json<{ id: string }>().id };
  },
  /** A comment by the caller themself (by the owner for those who cannot comment). */
  ownComment: async (w: World, role: Role) => {
    const author = role === "outsider" || role === "anonymous" ? w.clients.owner : w.clients[role];
    const res = await author.post(`/api/cards/${w.card.id}/comments`, { body: "Mine" });
    return { id: res.json<{ id: string }>().id };
  },
  /** A comment by someone other than the caller. */
  othersComment: async (w: World, role: Role) => {
    const author = role === "owner" ? w.clients.member : w.clients.owner;
    const res = await author.post(`/api/cards/${w.card.id}/comments`, { body: "Theirs" });
    return { id: res.json<{ id: string }>().id };
  },
};
/** A document on the shared card, attached by the owner. */
const freshAttachment = async (w: World) => {
  const { payload, headers } = multipartBody([{ filename: "spare.txt", data: "Spare" }]);
  const res = await w.clients.owner.request("POST", `/api/cards/${w.card.id}/attachments`, payload, headers);
  const [attachment] = res.json<Array<{ id: string }>>();
  if (!attachment) throw new Error(`no attachment: ${res.body}`);
  return { id: attachment.id };
};
/** Renaming or removing a document someone else attached: the owner may, a member may not. */
const notTheUploader = { owner: 200, member: 403, visitor: 403, outsider: 404, anonymous: 401 };
/** Any reader of the card, visitors too (comments, personal reminders). */
const anyReader = (status: number) => ({
  owner: status,
  member: status,
  visitor: status,
  outsider: 404,
  anonymous: 401,
});
/** Only the comment's author: everyone else who sees it gets 403. */
const notTheAuthor = { owner: 403, member: 403, visitor: 403, outsider: 404, anonymous: 401 };

/**
 * A pending invitation to a fresh workspace (so accepting it changes nothing in W) and its link's
 * token, read from the outbox (the harness has no SMTP).
 */
const freshInvitation = async (w: World): Promise<{ id: string; invitationId: string; token: string }> => {
  const workspace = await w.f.workspace(w.clients.owner, { name: "Invitations" });
  const res = await w.clients.owner.post(`/api/workspaces/${workspace.id}/invitations`, {
    email: `invited.${randomUUID()}@example.test`,
  });
  const invitation = res.json<{ id: string; email: string }>();
  const [message] = await w.app.db.db
    .select({ text: tables.mailMessages.textBody })
    .from(tables.mailMessages)
    .where(eq(tables.mailMessages.toAddress, invitation.email))
    .orderBy(desc(tables.mailMessages.createdAt))
    .limit(1);
  const token = /\/invite#([A-Za-z0-9_-]{43})/.exec(message?.text ?? "")?.[1] ?? "";
  return { id: workspace.id, invitationId: invitation.id, token };
};
/** An invitation to W itself, for the owners' rows. */
const invitationInW = async (w: World) => {
  const res = await w.clients.owner.post(`/api/workspaces/${w.workspace.id}/invitations`, {
    email: `invited.${randomUUID()}@example.test`,
  });
  return { id: w.workspace.id, invitationId: res.json<{ id: string }>().id };
};
/**
 * A fresh private space of W that W's member and visitor are in (as a member and a visitor of the
 * space), so its managers' rows tell 403 from 404.
 */
const privateSpaceInW = async (w: World): Promise<{ id: string }> => {
  // The private-space pass below hands in a private space its member and visitor are not in.
  if (w.space.isPrivate) return { id: w.space.id };
  const space = await w.f.space(w.clients.owner, w.workspace.id, { name: "Private", isPrivate: true });
  for (const role of ["member", "visitor"] as const)
    await w.clients.owner.post(`/api/spaces/${space.id}/members`, {
      userId: w.clients[role].user.id,
      role,
    });
  return { id: space.id };
};
/** A pending invitation to such a space. */
const invitationInPrivateSpace = async (w: World) => {
  const { id } = await privateSpaceInW(w);
  const res = await w.clients.owner.post(`/api/spaces/${id}/invitations`, {
    email: `invited.${randomUUID()}@example.test`,
  });
  return { id, invitationId: res.json<{ id: string }>().id };
};
/** Only the instance administrator (W's owner, the first account). */
const adminOnly = (status: number) => ({
  owner: status,
  member: 403,
  visitor: 403,
  outsider: 403,
  anonymous: 401,
});

/** A genuine unsubscribe link of the member's (the link alone is the authority: no session needed). */
const unsubscribeLink = async (w: World): Promise<string> => {
  const { id } = w.clients.member.user;
  const key = (await ensureMailPreferences(w.app.db.db, [id])).get(id)?.unsubscribeKey ?? "";
  return unsubscribeToken(key, id, "commented");
};

const table: Row[] = [
  { method: "GET", path: "/api/health", expect: publicRoute(200) },
  { method: "GET", path: "/api/auth/signup-mode", expect: publicRoute(200) },
  {
    method: "POST",
    path: "/api/auth/password/forgot",
    body: (w) => ({ email: w.clients.owner.user.email }),
    expect: publicRoute(202),
  },
  {
    method: "POST",
    path: "/api/auth/password/reset",
    note: "a link that does not exist",
    body: () => ({ token: "C".repeat(43), password: "a new and longer secret" }),
    expect: publicRoute(400),
  },
  { method: "GET", path: "/api/admin/outbox", expect: adminOnly(200) },
  {
    method: "POST",
    path: "/api/workspaces/{id}/invitations",
    params: ws,
    body: () => ({ email: `invited.${randomUUID()}@example.test`, role: "member" }),
    expect: ownerOnly(201),
  },
  { method: "GET", path: "/api/workspaces/{id}/invitations", params: ws, expect: ownerOnly(200) },
  {
    method: "POST",
    path: "/api/workspaces/{id}/invitations/{invitationId}/resend",
    params: invitationInW,
    expect: ownerOnly(200),
  },
  {
    method: "DELETE",
    path: "/api/workspaces/{id}/invitations/{invitationId}",
    params: invitationInW,
    expect: ownerOnly(204),
  },
  {
    method: "POST",
    path: "/api/spaces/{id}/invitations",
    params: privateSpaceInW,
    body: () => ({ email: `invited.${randomUUID()}@example.test`, role: "member" }),
    expect: ownerOnly(201),
  },
  { method: "GET", path: "/api/spaces/{id}/invitations", params: privateSpaceInW, expect: ownerOnly(200) },
  {
    method: "POST",
    path: "/api/spaces/{id}/invitations/{invitationId}/resend",
    params: invitationInPrivateSpace,
    expect: ownerOnly(200),
  },
  {
    method: "DELETE",
    path: "/api/spaces/{id}/invitations/{invitationId}",
    params: invitationInPrivateSpace,
    expect: ownerOnly(204),
  },
  {
    method: "POST",
    path: "/api/invitations/preview",
    body: async (w) => ({ token: (await freshInvitation(w)).token }),
    expect: publicRoute(200),
  },
  {
    method: "POST",
    path: "/api/invitations/accept",
    body: async (w) => ({ token: (await freshInvitation(w)).token }),
    expect: anyUser(200),
  },
  {
    method: "POST",
    path: "/api/invitations/accept-new",
    body: async (w) => ({
      token: (await freshInvitation(w)).token,
      name: "Invited",
      password: "correct horse battery",
    }),
    expect: publicRoute(201),
  },
  {
    method: "POST",
    path: "/api/auth/signup",
    body: () => ({
      email: `new.${randomUUID()}@example.test`,
      name: "New",
      password: "correct horse battery",
    }),
    expect: publicRoute(201),
  },
  {
    method: "POST",
    path: "/api/auth/login",
    body: (w) => ({ email: w.clients.owner.user.email, password: w.clients.owner.session?.password }),
    expect: publicRoute(200),
  },
  {
    method: "POST",
    path: "/api/auth/logout",
    // A second session of the same user, so the shared one survives.
    as: async (w, role) => {
      const shared = w.clients[role];
      if (!shared.session) return shared;
      const res = await w.f.anonymous.post("/api/auth/login", {
        email: shared.user.email,
        password: shared.session.password,
      });
      return new Client(w.app, { ...shared.session, cookie: cookieFrom(res) });
    },
    expect: publicRoute(204),
  },
  { method: "GET", path: "/api/auth/methods", expect: publicRoute(200) },
  // Single sign-on is not configured here: the routes exist and say so (sso.db.test.ts runs them for real).
  { method: "GET", path: "/api/auth/oidc/start", expect: publicRoute(404) },
  { method: "GET", path: "/api/auth/oidc/callback", query: "code=x&state=y", expect: publicRoute(404) },
  { method: "GET", path: "/api/me", expect: anyUser(200) },
  { method: "GET", path: "/api/me/sessions", expect: anyUser(200) },
  // Password and session changes end other sessions: each caller acts as a person of their own.
  {
    method: "POST",
    path: "/api/me/password",
    as: async (w, role) => (role === "anonymous" ? w.clients.anonymous : w.f.user("Changer")),
    body: (w, role) => ({
      currentPassword: w.clients[role].session?.password ?? "correct horse battery",
      newPassword: "a new and longer secret",
    }),
    expect: anyUser(204),
  },
  {
    method: "POST",
    path: "/api/me/sessions/sign-out-others",
    as: async (w, role) => (role === "anonymous" ? w.clients.anonymous : w.f.user("Leaver")),
    expect: anyUser(200),
  },
  {
    method: "DELETE",
    path: "/api/me/sessions/{id}",
    // A second session of the caller's, ended from the shared one.
    params: async (w, role) => {
      const shared = w.clients[role];
      if (!shared.session) return { id: randomUUID() };
      const res = await w.f.anonymous.post("/api/auth/login", {
        email: shared.user.email,
        password: shared.session.password,
      });
      const second = new Client(w.app, { ...shared.session, cookie: cookieFrom(res) });
      const sessions = (await second.get("/api/me/sessions")).json<Array<{ id: string; current: boolean }>>();
      return { id: sessions.find((s) => s.current)?.id ?? "" };
    },
    expect: anyUser(204),
  },
  { method: "GET", path: "/api/workspaces", expect: anyUser(200) },
  { method: "GET", path: "/api/public-workspaces", expect: anyUser(200) },
  {
    method: "POST",
    path: "/api/workspaces/{id}/join",
    note: "public",
    // A public workspace of W's owner: everyone else may join it, the owner already belongs.
    params: async (w) => ({ id: (await w.f.workspace(w.clients.owner, { visibility: "public" })).id }),
    expect: { owner: 409, member: 200, visitor: 200, outsider: 200, anonymous: 401 },
  },
  {
    method: "POST",
    path: "/api/workspaces/{id}/join",
    note: "private",
    params: ws,
    expect: { owner: 404, member: 404, visitor: 404, outsider: 404, anonymous: 401 },
  },
  { method: "PATCH", path: "/api/me/settings", body: () => ({ theme: "dark" }), expect: anyUser(200) },
  /** W's owner is the instance's first account, so its administrator. */
  {
    method: "GET",
    path: "/api/admin/users",
    expect: { owner: 200, member: 403, visitor: 403, outsider: 403, anonymous: 401 },
  },
  {
    method: "PATCH",
    path: "/api/admin/users/{id}",
    params: async (w) => ({ id: (await w.f.user("Managed")).user.id }),
    body: () => ({ active: true }),
    expect: { owner: 200, member: 403, visitor: 403, outsider: 403, anonymous: 401 },
  },
  { method: "POST", path: "/api/workspaces", body: () => ({ name: "Mine" }), expect: anyUser(201) },
  { method: "GET", path: "/api/workspaces/{id}", params: ws, expect: read },
  {
    method: "PATCH",
    path: "/api/workspaces/{id}",
    params: ws,
    note: "rename",
    body: () => ({ name: "Renamed" }),
    expect: memberWrite(200),
  },
  {
    method: "PATCH",
    path: "/api/workspaces/{id}",
    params: ws,
    note: "settings",
    body: () => ({ description: "Settings" }),
    expect: ownerOnly(200),
  },
  { method: "DELETE", path: "/api/workspaces/{id}", params: fresh.workspace, expect: ownerOnly(204) },
  { method: "GET", path: "/api/workspaces/{id}/tree", params: ws, expect: read },
  { method: "GET", path: "/api/workspaces/{id}/overview", params: ws, expect: read },
  { method: "GET", path: "/api/workspaces/{id}/dashboard", params: ws, expect: read },
  { method: "GET", path: "/api/workspaces/{id}/members", params: ws, expect: read },
  {
    method: "POST",
    path: "/api/workspaces/{id}/members",
    params: ws,
    // Someone the owner already shares another workspace with (anyone else is invited by e-mail).
    body: async (w) => {
      const invitee = await w.f.user("Invitee");
      await w.f.member(w.clients.owner, (await w.f.workspace(w.clients.owner)).id, invitee, "visitor");
      return { email: invitee.user.email, role: "member" };
    },
    expect: ownerOnly(201),
  },
  {
    method: "PATCH",
    path: "/api/workspaces/{id}/members/{userId}",
    params: fresh.member,
    body: () => ({ role: "member" }),
    expect: ownerOnly(200),
  },
  {
    method: "DELETE",
    path: "/api/workspaces/{id}/members/{userId}",
    params: fresh.member,
    expect: ownerOnly(204),
  },
  {
    method: "POST",
    path: "/api/workspaces/{id}/folders",
    params: ws,
    body: () => ({ name: "F" }),
    expect: memberWrite(201),
  },
  {
    method: "PATCH",
    path: "/api/folders/{id}",
    params: async (w) => ({ id: w.folder.id }),
    body: () => ({ name: "Renamed" }),
    expect: memberWrite(200),
  },
  { method: "DELETE", path: "/api/folders/{id}", params: fresh.folder, expect: ownerOnly(204) },
  {
    method: "POST",
    path: "/api/workspaces/{id}/spaces",
    params: ws,
    body: () => ({ name: "S" }),
    expect: memberWrite(201),
  },
  {
    method: "POST",
    path: "/api/workspaces/{id}/imports/trello/preview",
    params: ws,
    body: () => ({ board: trelloBoardFixture({ cards: 2 }) }),
    expect: memberWrite(200),
  },
  {
    method: "POST",
    path: "/api/workspaces/{id}/imports/trello",
    params: ws,
    body: () => ({ board: trelloBoardFixture({ cards: 2 }) }),
    expect: memberWrite(201),
  },
  {
    method: "POST",
    path: "/api/workspaces/{id}/imports/csv/preview",
    params: ws,
    body: () => ({ csv: "Name,Status\nCall the ward,To do\n" }),
    expect: memberWrite(200),
  },
  {
    method: "POST",
    path: "/api/workspaces/{id}/imports/csv",
    params: ws,
    body: () => ({
      csv: "Name,Status\nCall the ward,To do\n",
      mapping: { name: 0, status: 1 },
      name: "Imported",
    }),
    expect: memberWrite(201),
  },
  ...templateRows,
  { method: "GET", path: "/api/spaces/{id}", params: async (w) => ({ id: w.space.id }), expect: read },
  {
    method: "PATCH",
    path: "/api/spaces/{id}",
    params: async (w) => ({ id: w.space.id }),
    body: () => ({ name: "Renamed" }),
    expect: memberWrite(200),
  },
  { method: "DELETE", path: "/api/spaces/{id}", params: fresh.space, expect: ownerOnly(204) },
  {
    method: "GET",
    path: "/api/spaces/{id}/members",
    params: async (w) => ({ id: w.space.id }),
    expect: read,
  },
  {
    method: "POST",
    path: "/api/spaces/{id}/members",
    params: async (w) => ({ id: w.space.id }),
    body: async (w) => ({ userId: (await fresh.member(w)).userId, role: "member" }),
    expect: ownerOnly(201),
  },
  {
    method: "PATCH",
    path: "/api/spaces/{id}/members/{userId}",
    params: fresh.spaceMember,
    body: () => ({ role: "member" }),
    expect: ownerOnly(200),
  },
  {
    method: "DELETE",
    path: "/api/spaces/{id}/members/{userId}",
    params: fresh.spaceMember,
    expect: ownerOnly(204),
  },
  { method: "GET", path: "/api/spaces/{id}/board", params: async (w) => ({ id: w.space.id }), expect: read },
  {
    method: "GET",
    path: "/api/spaces/{id}/archived-cards",
    params: async (w) => ({ id: w.space.id }),
    expect: read,
  },
  {
    method: "GET",
    path: "/api/spaces/{id}/archive",
    params: async (w) => ({ id: w.space.id }),
    expect: read,
  },
  { method: "GET", path: "/api/spaces/{id}/trash", params: async (w) => ({ id: w.space.id }), expect: read },
  { method: "GET", path: "/api/workspaces/{id}/archive", params: ws, expect: read },
  { method: "GET", path: "/api/workspaces/{id}/trash", params: ws, expect: read },
  { method: "POST", path: "/api/trash/{id}/restore", params: fresh.trashedCard, expect: ownerOnly(200) },
  { method: "DELETE", path: "/api/trash/{id}", params: fresh.trashedCard, expect: ownerOnly(204) },
  {
    method: "POST",
    path: "/api/spaces/{id}/statuses",
    params: async (w) => ({ id: w.space.id }),
    body: () => ({ name: "Review" }),
    expect: ownerOnly(201),
  },
  {
    method: "PATCH",
    path: "/api/statuses/{id}",
    params: async (w) => ({ id: w.status.id }),
    body: () => ({ wipLimit: 5 }),
    expect: ownerOnly(200),
  },
  { method: "DELETE", path: "/api/statuses/{id}", params: fresh.status, expect: ownerOnly(204) },
  {
    method: "POST",
    path: "/api/spaces/{id}/cards",
    params: async (w) => ({ id: w.space.id }),
    body: () => ({ name: "New card" }),
    expect: memberWrite(201),
  },
  { method: "GET", path: "/api/cards/{id}", params: async (w) => ({ id: w.card.id }), expect: read },
  {
    method: "PATCH",
    path: "/api/cards/{id}",
    params: async (w) => ({ id: w.card.id }),
    body: () => ({ description: "Edited" }),
    expect: memberWrite(200),
  },
  { method: "DELETE", path: "/api/cards/{id}", params: fresh.card, expect: memberWrite(204) },
  {
    method: "POST",
    path: "/api/cards/{id}/move",
    params: async (w) => ({ id: w.card.id }),
    body: (w) => ({ statusId: w.status.id, afterId: null }),
    expect: memberWrite(200),
  },
  {
    method: "POST",
    path: "/api/cards/{id}/move-to-space",
    params: async (w) => ({ id: (await w.f.card(w.clients.owner, w.space.id)).id }),
    body: async (w) => ({ spaceId: (await w.f.space(w.clients.owner, w.workspace.id)).id }),
    expect: memberWrite(200),
  },
  {
    method: "POST",
    path: "/api/cards/{id}/copy",
    params: async (w) => ({ id: w.card.id }),
    body: () => ({}),
    expect: memberWrite(201),
  },
  {
    method: "PUT",
    path: "/api/cards/{id}/repeat",
    params: async (w) => {
      const card = await w.f.card(w.clients.owner, w.space.id, { name: "Weekly" });
      await w.clients.owner.patch(`/api/cards/${card.id}`, { startDate: "2027-01-04" });
      return { id: card.id };
    },
    body: () => ({ rule: "FREQ=WEEKLY;BYDAY=MO" }),
    expect: memberWrite(200),
  },
  {
    method: "DELETE",
    path: "/api/cards/{id}/repeat",
    params: async (w) => ({ id: w.card.id }),
    expect: memberWrite(200),
  },
  // ---------- relations, blockers, my work ----------
  {
    method: "GET",
    path: "/api/cards/{id}/relations",
    params: async (w) => ({ id: w.card.id }),
    expect: read,
  },
  {
    method: "POST",
    path: "/api/cards/{id}/relations",
    params: async (w) => ({ id: w.card.id }),
    body: async (w) => ({ type: "child", cardId: (await fresh.card(w)).id }),
    expect: memberWrite(201),
  },
  { method: "DELETE", path: "/api/relations/{id}", params: fresh.relation, expect: memberWrite(204) },
  { method: "GET", path: "/api/blocker-types", expect: anyUser(200) },
  {
    method: "POST",
    note: "the owner here is the instance administrator",
    path: "/api/blocker-types",
    body: () => ({ kind: "global", name: "Waiting for supplier" }),
    expect: { owner: 201, member: 403, visitor: 403, outsider: 403, anonymous: 401 },
  },
  {
    method: "GET",
    path: "/api/spaces/{id}/blocker-types",
    params: async (w) => ({ id: w.space.id }),
    expect: read,
  },
  {
    method: "POST",
    path: "/api/spaces/{id}/blocker-types",
    params: async (w) => ({ id: w.space.id }),
    body: () => ({ name: "Waiting for the ward" }),
    expect: ownerOnly(201),
  },
  {
    method: "PUT",
    path: "/api/spaces/{id}/blocker-types/{typeId}/enabled",
    params: async (w) => ({ id: w.space.id, typeId: await fresh.blockerType(w, "on_demand") }),
    body: () => ({ enabled: true }),
    expect: ownerOnly(200),
  },
  {
    method: "GET",
    path: "/api/cards/{id}/blockings",
    params: async (w) => ({ id: w.card.id }),
    expect: read,
  },
  {
    method: "POST",
    path: "/api/cards/{id}/blockings",
    params: fresh.card,
    body: async (w) => ({ blockerTypeId: await fresh.blockerType(w, "global"), reason: "No beds free" }),
    expect: memberWrite(201),
  },
  { method: "POST", path: "/api/blockings/{id}/clear", params: fresh.blocking, expect: memberWrite(200) },
  { method: "GET", path: "/api/me/cards", expect: anyUser(200) },
  { method: "GET", path: "/api/me/blockers", expect: anyUser(200) },
  // ---------- charts ----------
  {
    method: "GET",
    path: "/api/spaces/{id}/charts/time",
    params: async (w) => ({ id: w.space.id }),
    expect: read,
  },
  {
    method: "GET",
    path: "/api/spaces/{id}/charts/forecast",
    params: async (w) => ({ id: w.space.id }),
    expect: read,
  },
  {
    method: "GET",
    path: "/api/spaces/{id}/charts/cumulative-flow",
    params: async (w) => ({ id: w.space.id }),
    expect: read,
  },
  {
    method: "GET",
    path: "/api/spaces/{id}/charts/aging",
    params: async (w) => ({ id: w.space.id }),
    expect: read,
  },
  {
    method: "GET",
    path: "/api/folders/{id}/charts/forecast",
    params: async (w) => ({ id: w.folder.id }),
    expect: read,
  },
  { method: "GET", path: "/api/workspaces/{id}/charts/forecast", params: ws, expect: read },
  // ---------- workload ----------
  {
    method: "GET",
    path: "/api/spaces/{id}/workload",
    params: async (w) => ({ id: w.space.id }),
    query: "from=2030-03-04&to=2030-03-31",
    expect: read,
  },
  {
    method: "GET",
    path: "/api/folders/{id}/workload",
    params: async (w) => ({ id: w.folder.id }),
    query: "from=2030-03-04&to=2030-03-31",
    expect: read,
  },
  {
    method: "GET",
    path: "/api/workspaces/{id}/workload",
    params: ws,
    query: "from=2030-03-04&to=2030-03-31",
    expect: read,
  },
  // ---------- calendar feeds ----------
  { method: "GET", path: "/api/me/calendar-feed", expect: anyUser(200) },
  { method: "POST", path: "/api/me/calendar-feed", expect: anyUser(201) },
  { method: "DELETE", path: "/api/me/calendar-feed", expect: anyUser(204) },
  {
    method: "GET",
    path: "/api/spaces/{id}/calendar-feed",
    params: async (w) => ({ id: w.space.id }),
    expect: read,
  },
  {
    method: "POST",
    path: "/api/spaces/{id}/calendar-feed",
    params: async (w) => ({ id: w.space.id }),
    expect: { ...read, owner: 201, member: 201, visitor: 201 },
  },
  {
    method: "DELETE",
    path: "/api/spaces/{id}/calendar-feed",
    params: async (w) => ({ id: w.space.id }),
    expect: { ...read, owner: 204, member: 204, visitor: 204 },
  },
  {
    method: "GET",
    note: "a well-formed but unknown secret",
    path: "/api/calendar/{file}",
    params: async () => ({ file: `${"x".repeat(43)}.ics` }),
    expect: publicRoute(404),
  },
  // ---------- to-dos, labels, comments, reminders, activity, notifications, search ----------
  { method: "GET", path: "/api/cards/{id}/todos", params: async (w) => ({ id: w.card.id }), expect: read },
  {
    method: "POST",
    path: "/api/cards/{id}/todos",
    params: async (w) => ({ id: w.card.id }),
    body: () => ({ text: "Call the ward" }),
    expect: memberWrite(201),
  },
  {
    method: "PATCH",
    path: "/api/todos/{id}",
    params: freshCollaboration.todo,
    body: () => ({ isDone: true }),
    expect: memberWrite(200),
  },
  { method: "DELETE", path: "/api/todos/{id}", params: freshCollaboration.todo, expect: memberWrite(204) },
  { method: "GET", path: "/api/spaces/{id}/labels", params: async (w) => ({ id: w.space.id }), expect: read },
  {
    method: "POST",
    path: "/api/spaces/{id}/labels",
    params: async (w) => ({ id: w.space.id }),
    body: () => ({ name: "Urgent", color: "#d9480f" }),
    expect: memberWrite(201),
  },
  {
    method: "PATCH",
    path: "/api/labels/{id}",
    params: freshCollaboration.label,
    body: () => ({ name: "Renamed" }),
    expect: memberWrite(200),
  },
  { method: "DELETE", path: "/api/labels/{id}", params: freshCollaboration.label, expect: memberWrite(204) },
  { method: "GET", path: "/api/spaces/{id}/fields", params: async (w) => ({ id: w.space.id }), expect: read },
  {
    method: "POST",
    path: "/api/spaces/{id}/fields",
    params: async (w) => ({ id: w.space.id }),
    body: () => ({ name: `Ward ${randomUUID().slice(0, 6)}`, kind: "text" }),
    expect: ownerOnly(201),
  },
  {
    method: "PATCH",
    path: "/api/fields/{id}",
    params: freshCollaboration.field,
    body: () => ({ showOnCard: true }),
    expect: ownerOnly(200),
  },
  { method: "DELETE", path: "/api/fields/{id}", params: freshCollaboration.field, expect: ownerOnly(204) },
  {
    method: "PUT",
    path: "/api/cards/{id}/fields/{fieldId}",
    params: async (w) => ({ id: w.card.id, fieldId: (await freshCollaboration.field(w)).id }),
    body: () => ({ value: null }),
    expect: memberWrite(200),
  },
  { method: "GET", path: "/api/cards/{id}/comments", params: async (w) => ({ id: w.card.id }), expect: read },
  {
    method: "POST",
    path: "/api/cards/{id}/comments",
    params: async (w) => ({ id: w.card.id }),
    body: () => ({ body: "Looks good" }),
    expect: anyReader(201),
  },
  {
    method: "PATCH",
    note: "own comment",
    path: "/api/comments/{id}",
    params: freshCollaboration.ownComment,
    body: () => ({ body: "Edited" }),
    expect: anyReader(200),
  },
  {
    method: "PATCH",
    note: "someone else's comment",
    path: "/api/comments/{id}",
    params: freshCollaboration.othersComment,
    body: () => ({ body: "Edited" }),
    expect: notTheAuthor,
  },
  {
    method: "DELETE",
    note: "own comment",
    path: "/api/comments/{id}",
    params: freshCollaboration.ownComment,
    expect: anyReader(204),
  },
  {
    method: "DELETE",
    note: "someone else's comment",
    path: "/api/comments/{id}",
    params: freshCollaboration.othersComment,
    expect: notTheAuthor,
  },
  {
    method: "GET",
    path: "/api/cards/{id}/attachments",
    params: async (w) => ({ id: w.card.id }),
    expect: read,
  },
  {
    method: "POST",
    path: "/api/cards/{id}/attachments",
    params: async (w) => ({ id: w.card.id }),
    multipart: () => multipartBody([{ filename: "rota.txt", data: "Night shifts" }]),
    expect: memberWrite(201),
  },
  { method: "GET", path: "/api/attachments/{id}", params: freshAttachment, expect: read },
  {
    method: "PATCH",
    path: "/api/attachments/{id}",
    params: freshAttachment,
    body: () => ({ name: "renamed.txt" }),
    expect: notTheUploader,
  },
  {
    method: "DELETE",
    path: "/api/attachments/{id}",
    params: freshAttachment,
    expect: { ...notTheUploader, owner: 204 },
  },
  { method: "GET", path: "/api/cards/{id}/reminder", params: async (w) => ({ id: w.card.id }), expect: read },
  {
    method: "PUT",
    path: "/api/cards/{id}/reminder",
    params: async (w) => ({ id: w.card.id }),
    body: () => ({ remindAt: new Date(Date.now() + 86_400_000).toISOString() }),
    expect: anyReader(200),
  },
  {
    method: "DELETE",
    path: "/api/cards/{id}/reminder",
    params: async (w) => ({ id: w.card.id }),
    expect: anyReader(204),
  },
  // ---------- my space (personal: any user has one; a card names the caller's access to it) ----------
  { method: "GET", path: "/api/me/space", expect: anyUser(200) },
  { method: "POST", path: "/api/me/space/columns", body: () => ({ name: "Later" }), expect: anyUser(201) },
  {
    method: "PATCH",
    path: "/api/me/space/columns/{id}",
    params: async (w, role) => ({ id: await myColumn(w, role) }),
    body: () => ({ name: "Renamed" }),
    expect: anyUser(200),
  },
  {
    method: "DELETE",
    path: "/api/me/space/columns/{id}",
    params: async (w, role) => ({ id: await myColumn(w, role, "Spare") }),
    expect: anyUser(204),
  },
  {
    method: "GET",
    path: "/api/cards/{id}/my-space",
    params: async (w) => ({ id: w.card.id }),
    expect: anyReader(200),
  },
  {
    method: "PUT",
    path: "/api/cards/{id}/my-space",
    params: async (w) => ({ id: w.card.id }),
    body: async (w, role) => ({ columnId: await myColumn(w, role) }),
    expect: anyReader(200),
  },
  {
    method: "DELETE",
    path: "/api/cards/{id}/my-space",
    params: async (w) => ({ id: w.card.id }),
    expect: anyReader(204),
  },
  {
    method: "GET",
    path: "/api/spaces/{id}/saved-views",
    params: async (w) => ({ id: w.space.id }),
    expect: read,
  },
  {
    method: "POST",
    note: "personal",
    path: "/api/spaces/{id}/saved-views",
    params: async (w) => ({ id: w.space.id }),
    body: () => ({ name: "Mine", kind: "list", query: "q=ward" }),
    expect: anyReader(201),
  },
  {
    method: "POST",
    note: "shared",
    path: "/api/spaces/{id}/saved-views",
    params: async (w) => ({ id: w.space.id }),
    body: () => ({ name: "Ours", kind: "board", isShared: true }),
    expect: memberWrite(201),
  },
  {
    method: "PUT",
    path: "/api/spaces/{id}/default-view",
    params: async (w) => ({ id: w.space.id }),
    body: async (w) => ({ viewId: (await savedView(w, "owner", true)).id }),
    expect: ownerOnly(200),
  },
  {
    method: "PATCH",
    note: "own personal view",
    path: "/api/saved-views/{id}",
    params: async (w, role) => savedView(w, role, false),
    body: () => ({ name: "Renamed" }),
    expect: anyReader(200),
  },
  {
    method: "PATCH",
    note: "the owner's personal view",
    path: "/api/saved-views/{id}",
    params: async (w) => savedView(w, "owner", false),
    body: () => ({ name: "Renamed" }),
    expect: { owner: 200, member: 404, visitor: 404, outsider: 404, anonymous: 401 },
  },
  {
    method: "PATCH",
    note: "shared view",
    path: "/api/saved-views/{id}",
    params: async (w) => savedView(w, "owner", true),
    body: () => ({ query: "q=beds" }),
    expect: memberWrite(200),
  },
  {
    method: "DELETE",
    note: "own personal view",
    path: "/api/saved-views/{id}",
    params: async (w, role) => savedView(w, role, false),
    expect: anyReader(204),
  },
  {
    method: "DELETE",
    note: "the owner's personal view",
    path: "/api/saved-views/{id}",
    params: async (w) => savedView(w, "owner", false),
    expect: { owner: 204, member: 404, visitor: 404, outsider: 404, anonymous: 401 },
  },
  {
    method: "DELETE",
    note: "shared view",
    path: "/api/saved-views/{id}",
    params: async (w) => savedView(w, "owner", true),
    expect: memberWrite(204),
  },
  { method: "GET", path: "/api/cards/{id}/activity", params: async (w) => ({ id: w.card.id }), expect: read },
  {
    method: "GET",
    path: "/api/spaces/{id}/activity",
    params: async (w) => ({ id: w.space.id }),
    expect: read,
  },
  { method: "GET", path: "/api/me/activity", expect: anyUser(200) },
  { method: "GET", path: "/api/notifications", expect: anyUser(200) },
  { method: "POST", path: "/api/notifications/read", body: () => ({ all: true }), expect: anyUser(200) },
  { method: "GET", path: "/api/search", query: "q=triage", expect: anyUser(200) },
  { method: "GET", path: "/api/me/mail-preferences", expect: anyUser(200) },
  {
    method: "PATCH",
    path: "/api/me/mail-preferences",
    body: () => ({ topics: { blocked: "never" } }),
    expect: anyUser(200),
  },
  {
    method: "GET",
    path: "/api/mail/unsubscribe",
    query: async (w) => `token=${encodeURIComponent(await unsubscribeLink(w))}`,
    expect: publicRoute(303),
  },
  {
    method: "POST",
    path: "/api/mail/unsubscribe",
    query: async (w) => `token=${encodeURIComponent(await unsubscribeLink(w))}`,
    expect: publicRoute(200),
  },
  {
    method: "POST",
    path: "/api/mail/unsubscribe/preview",
    body: async (w) => ({ token: await unsubscribeLink(w) }),
    expect: publicRoute(200),
  },
];

const bodyOf = async (
  row: Row,
  w: World,
  role: Role,
): Promise<{ body: unknown; headers: Record<string, string> }> => {
  if (row.multipart) {
    const { payload, headers } = row.multipart();
    return { body: payload, headers };
  }
  return { body: row.body ? await row.body(w, role) : undefined, headers: {} };
};

/** A column of the caller's own My space (a made-up id for anonymous); `made` adds a fresh one. */
const myColumn = async (w: World, role: Role, made?: string): Promise<string> => {
  const client = w.clients[role];
  if (!client.session) return randomUUID();
  if (made) return (await client.post("/api/me/space/columns", { name: made })).json<{ id: string }>().id;
  const space = (await client.get("/api/me/space")).json<{ columns: Array<{ id: string }> }>();
  return space.columns[0]?.id ?? randomUUID();
};

const fill = (template: string, params: Record<string, string>): string =>
  template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (!value) throw new Error(`no value for {${name}} in ${template}`);
    return value;
  });

describe("authorization matrix", () => {
  let h: Harness;
  let w: World;
  beforeAll(async () => {
    h = await startHarness();
    const f = factories(h.app);
    const owner = await f.user("Owner");
    const member = await f.user("Member");
    const visitor = await f.user("Visitor");
    const outsider = await f.user("Outsider");
    const freshWorkspace = async () => {
      const workspace = await f.workspace(owner, { name: "Private plans" });
      await f.member(owner, workspace.id, member, "member");
      await f.member(owner, workspace.id, visitor, "visitor");
      return workspace;
    };
    const workspace = await freshWorkspace();
    const folder = await f.folder(owner, workspace.id);
    const space = await f.space(owner, workspace.id, { folderId: folder.id });
    const [status] = (await f.statuses(owner, space.id)) as [Status];
    const card = await f.card(owner, space.id);
    w = {
      app: h.app,
      f,
      clients: { owner, member, visitor, outsider, anonymous: f.anonymous },
      workspace,
      folder,
      space,
      status,
      card,
      freshWorkspace,
    };
  });
  afterAll(async () => h?.close());

  it("lists every route of the API", async () => {
    const spec = (await w.clients.owner.get("/api/docs/json")).json<{
      paths: Record<string, Record<string, unknown>>;
    }>();
    const documented = Object.entries(spec.paths)
      .flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`))
      .sort();
    const covered = [...new Set(table.map((r) => `${r.method} ${r.path}`))].sort();
    expect(covered).toEqual(documented);
  });

  for (const row of table) {
    const label = `${row.method} ${row.path}${row.note ? ` (${row.note})` : ""}`;
    it(`answers ${roles.map((r) => `${r} ${row.expect[r]}`).join(", ")}: ${label}`, async () => {
      const answers: Record<string, number> = {};
      for (const role of roles) {
        const client = row.as ? await row.as(w, role) : w.clients[role];
        const url =
          fill(row.path, row.params ? await row.params(w, role) : {}) +
          (row.query ? `?${typeof row.query === "string" ? row.query : await row.query(w)}` : "");
        const { body, headers } = await bodyOf(row, w, role);
        const res = await client.request(row.method, url, body, headers);
        answers[role] = res.statusCode;
        if (res.statusCode >= 400)
          expect(res.headers["content-type"], `${role}: ${res.body}`).toMatch(/problem\+json/);
      }
      expect(answers).toEqual(row.expect);
    });
  }

  it("hides the private workspace from an outsider's list but shows it to everyone in it", async () => {
    const ids = async (role: Role) =>
      (await w.clients[role].get("/api/workspaces")).json<Workspace[]>().map((x) => x.id);
    expect(await ids("outsider")).not.toContain(w.workspace.id);
    for (const role of ["owner", "member", "visitor"] as const)
      expect(await ids(role)).toContain(w.workspace.id);
  });

  it("answers 404 for a private space to workspace members outside it, on every route that names it", async () => {
    // The same rows against a private space, card and status that the workspace's member and visitor
    // are not in: they must be answered as outsiders are. The workspace's owner keeps their answer.
    const privateSpace = await w.f.space(w.clients.owner, w.workspace.id, {
      name: "Private",
      isPrivate: true,
    });
    const [status] = (await w.f.statuses(w.clients.owner, privateSpace.id)) as [Status];
    const card = await w.f.card(w.clients.owner, privateSpace.id, { name: "Private card" });
    const hidden: World = { ...w, space: privateSpace, status, card };
    const namesSpace = /^\/api\/(spaces|cards|statuses)\/\{id\}/;
    const rows = table.filter((r) => namesSpace.test(r.path) && r.params !== fresh.space);
    expect(rows.length).toBeGreaterThan(30);
    for (const row of rows) {
      for (const role of ["owner", "member", "visitor"] as const) {
        // Rows that build with the caller's own hand (their own comment) start from the owner's.
        const params = row.params ? await row.params(hidden, role === "owner" ? "owner" : "outsider") : {};
        const url = fill(row.path, params) + (row.query ? `?${row.query}` : "");
        const { body, headers } = await bodyOf(row, hidden, role);
        const client = row.as ? await row.as(hidden, role) : w.clients[role];
        const res = await client.request(row.method, url, body, headers);
        const expected = role === "owner" ? row.expect.owner : 404;
        expect(res.statusCode, `${role} ${row.method} ${row.path}: ${res.body}`).toBe(expected);
      }
    }
  });

  it("answers an outsider exactly as for an id that does not exist", async () => {
    const real = await w.clients.outsider.get(`/api/spaces/${w.space.id}/board`);
    const madeUp = await w.clients.outsider.get(`/api/spaces/${randomUUID()}/board`);
    expect(real.statusCode).toBe(404);
    expect(real.json().code).toBe(madeUp.json().code);
    expect(real.json().title).toBe(madeUp.json().title);
  });

  it("appends no event for a visitor's refused change", async () => {
    const events = async () =>
      (await h.db.handle.db.select({ value: count() }).from(tables.events))[0]?.value;
    const before = await events();
    const visitor = w.clients.visitor;
    const refused = [
      await visitor.patch(`/api/workspaces/${w.workspace.id}`, { name: "Mine now" }),
      await visitor.post(`/api/workspaces/${w.workspace.id}/folders`, { name: "F" }),
      await visitor.post(`/api/workspaces/${w.workspace.id}/spaces`, { name: "S" }),
      await visitor.post(`/api/spaces/${w.space.id}/cards`, { name: "C" }),
      await visitor.patch(`/api/cards/${w.card.id}`, { name: "C" }),
      await visitor.post(`/api/cards/${w.card.id}/move`, { statusId: w.status.id }),
      await visitor.delete(`/api/cards/${w.card.id}`),
      await visitor.post(`/api/cards/${w.card.id}/todos`, { text: "T" }),
      await visitor.post(`/api/spaces/${w.space.id}/labels`, { name: "L", color: "#123456" }),
      await visitor.patch(`/api/statuses/${w.status.id}`, { name: "S" }),
    ];
    for (const res of refused) expect(res.statusCode, res.body).toBe(403);
    expect(await events()).toBe(before);
  });
});
