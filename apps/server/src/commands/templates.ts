/**
 * Space templates (per workspace, plus the built-in ones) and card templates (per space).
 *
 * Security: a template of a workspace is answered like one that does not exist (404) to anyone who
 * is not a member of that workspace, and an id from another workspace is "not found" there too; a
 * card template follows its space (a private space's templates are its members' only). Renaming and
 * deleting belong to the workspace's (or space's) owners and to whoever made the template.
 *
 * A space made from a template is written in one transaction and announced like a space made by hand
 * (`space.created` on the workspace channel, `status.created` on its own), so sidebars update at once.
 */
import {
  type CardTemplateRow,
  cardTemplateById,
  cardTemplatesOf,
  deleteCardTemplateRow,
  deleteSpaceTemplateRow,
  type Executor,
  insertCardTemplateRow,
  insertSpaceTemplate,
  insertTemplateSpace,
  loadSpaceSnapshot,
  type MutationContext,
  type SpaceTemplateRow,
  siblingSpaces,
  spaceAccess,
  spaceIdOfCard,
  spaceLabelIdsAmong,
  spaceRoles,
  spaceTemplateById,
  spaceTemplatesOf,
  todoTextsOf,
  toSpace,
  toStatus,
  updateSpaceTemplateRow,
  workspaceAccess,
  workspaceMemberIds,
} from "@lattice/db";
import {
  Action,
  type BuiltInTemplate,
  builtInTemplateIn,
  builtInTemplates,
  type CardFromTemplate,
  type CardTemplate,
  type CreateCardFromTemplateBody,
  type CreateCardTemplateBody,
  type CreateSpaceFromTemplateBody,
  type CreateSpaceTemplateBody,
  can,
  createCardFromTemplateBody,
  createCardTemplateBody,
  createSpaceFromTemplateBody,
  createSpaceTemplateBody,
  createTranslator,
  DomainError,
  draft,
  ErrorCode,
  keepMembers,
  planTemplateCards,
  positionAmong,
  type Refusal,
  type SaveCardAsTemplateBody,
  type SaveSpaceAsTemplateBody,
  type ServerLocale,
  type SpaceTemplate,
  type SpaceTemplateContent,
  type SpaceTemplateDetail,
  saveSpaceAsTemplateBody,
  serverLocaleOf,
  spaceChannel,
  spaceTemplateContentSchema,
  type TemplateResult,
  templateFromSpace,
  type UpdateSpaceTemplateBody,
  type User,
  type WorkspaceRole,
  workspaceChannel,
} from "@lattice/domain";
import { authorize, invalidField } from "./authorize.js";
import { createCard, mustLoadCard, updateCard } from "./cards.js";
import { checkFolder } from "./spaces.js";
import { createTodo } from "./todos.js";

const templateNotFound = () =>
  new DomainError(ErrorCode.notFound, "Template not found", [], { key: "refusal.notFound.template" });

const forbidden = (message: string, refusal: Refusal) =>
  new DomainError(ErrorCode.forbidden, message, [], refusal);

type CheckedBuiltIn = BuiltInTemplate & { parsed: SpaceTemplateContent };

/**
 * Built-in templates in the reader's language (`users.locale`, else English), checked and filled in
 * by the schema once per language (built-in.test.ts and built-in-words.test.ts keep them valid).
 */
const builtInsChecked = new Map<ServerLocale, CheckedBuiltIn[]>();
const builtIns = (locale: string | null): CheckedBuiltIn[] => {
  const language = serverLocaleOf(locale);
  let checked = builtInsChecked.get(language);
  if (!checked) {
    checked = builtInTemplates.map((template) => {
      const said = builtInTemplateIn(template, language);
      return { ...said, parsed: spaceTemplateContentSchema.parse(said.content) };
    });
    builtInsChecked.set(language, checked);
  }
  return checked;
};

const summaryOf = (
  base: Omit<SpaceTemplate, "statusNames" | "cardCount">,
  content: SpaceTemplateContent,
): SpaceTemplate => ({
  ...base,
  statusNames: content.statuses.map((s) => s.name),
  cardCount: content.cards.length,
});

const canManage = (row: { createdBy: string | null }, actor: User, role: WorkspaceRole): boolean =>
  role === "owner" || (row.createdBy === actor.id && can(role, Action.createHierarchy));

const toSpaceTemplate = (row: SpaceTemplateRow, actor: User, role: WorkspaceRole): SpaceTemplate =>
  summaryOf(
    {
      id: row.id,
      workspaceId: row.workspaceId,
      name: row.name,
      description: row.description,
      isBuiltIn: false,
      createdBy: row.createdBy,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
      canManage: canManage(row, actor, role),
    },
    row.content,
  );

const builtInSummary = (t: CheckedBuiltIn): SpaceTemplate =>
  summaryOf(
    {
      id: t.id,
      workspaceId: null,
      name: t.name,
      description: t.description,
      isBuiltIn: true,
      createdBy: null,
      createdAt: null,
      updatedAt: null,
      canManage: false,
    },
    t.parsed,
  );

/** The built-in templates first, then the workspace's own by name. */
export const listSpaceTemplates = async (
  db: Executor,
  actor: User,
  workspaceId: string,
): Promise<SpaceTemplate[]> => {
  const { role } = authorize(await workspaceAccess(db, actor.id, workspaceId), "read", "Workspace");
  const rows = await spaceTemplatesOf(db, workspaceId);
  return [
    ...builtIns(actor.locale).map(builtInSummary),
    ...rows.map((row) => toSpaceTemplate(row, actor, role)),
  ];
};

/** A saved template with the caller's role in its workspace, or 404. */
const loadTemplate = async (db: Executor, actor: User, templateId: string) => {
  const row = await spaceTemplateById(db, templateId);
  const access = row ? await workspaceAccess(db, actor.id, row.workspaceId) : null;
  if (!row || !access) throw templateNotFound();
  return { row, role: access.role };
};

export const getSpaceTemplate = async (
  db: Executor,
  actor: User,
  templateId: string,
): Promise<SpaceTemplateDetail> => {
  const builtIn = builtIns(actor.locale).find((t) => t.id === templateId);
  if (builtIn) return { ...builtInSummary(builtIn), content: builtIn.parsed };
  if (templateId.startsWith("builtin:")) throw templateNotFound();
  const { row, role } = await loadTemplate(db, actor, templateId);
  return { ...toSpaceTemplate(row, actor, role), content: row.content };
};

const insertTemplate = async (
  { tx, emit }: MutationContext,
  actor: User,
  workspaceId: string,
  role: WorkspaceRole,
  values: { name: string; description: string; content: SpaceTemplateContent },
): Promise<SpaceTemplate> => {
  const row = await insertSpaceTemplate(tx, { workspaceId, ...values, createdBy: actor.id });
  emit(
    draft(workspaceChannel(workspaceId), "template.saved", {
      templateId: row.id,
      workspaceId,
      name: row.name,
    }),
  );
  return toSpaceTemplate(row, actor, role);
};

/** Saves a space's shape (and its cards, unless asked not to) as a template of its workspace. */
export const saveSpaceAsTemplate = async (
  ctx: MutationContext,
  actor: User,
  spaceId: string,
  input: SaveSpaceAsTemplateBody,
): Promise<SpaceTemplate> => {
  const body = saveSpaceAsTemplateBody.parse(input);
  const access = authorize(await spaceAccess(ctx.tx, actor.id, spaceId), "read", "Space");
  if (!can(access.workspaceRole, Action.createHierarchy))
    throw forbidden(`Your role (${access.workspaceRole}) does not allow saving templates`, {
      key: "refusal.template.roleCannotSave",
      values: { role: access.workspaceRole },
    });
  const snapshot = await loadSpaceSnapshot(ctx.tx, spaceId);
  const { content } = templateFromSpace(snapshot, {
    includeCards: body.includeCards,
    referenceDate: body.referenceDate,
  });
  return insertTemplate(ctx, actor, access.workspace.id, access.workspaceRole, {
    name: body.name,
    description: body.description ?? access.space.description,
    content: spaceTemplateContentSchema.parse(content),
  });
};

/** A template written by hand (checked whole by the schema on the route). */
export const createSpaceTemplate = async (
  ctx: MutationContext,
  actor: User,
  workspaceId: string,
  input: CreateSpaceTemplateBody,
): Promise<SpaceTemplate> => {
  const body = createSpaceTemplateBody.parse(input);
  const { role } = authorize(
    await workspaceAccess(ctx.tx, actor.id, workspaceId),
    "create_hierarchy",
    "Workspace",
  );
  return insertTemplate(ctx, actor, workspaceId, role, {
    name: body.name,
    description: body.description ?? "",
    content: body.content,
  });
};

const loadManagedTemplate = async (tx: Executor, actor: User, templateId: string) => {
  const loaded = await loadTemplate(tx, actor, templateId);
  if (!canManage(loaded.row, actor, loaded.role))
    throw forbidden("Only the workspace's owners and whoever saved a template may change it", {
      key: "refusal.template.changeForbidden",
    });
  return loaded;
};

export const updateSpaceTemplate = async (
  { tx, emit }: MutationContext,
  actor: User,
  templateId: string,
  input: UpdateSpaceTemplateBody,
): Promise<SpaceTemplate> => {
  const { role } = await loadManagedTemplate(tx, actor, templateId);
  const row = await updateSpaceTemplateRow(tx, templateId, {
    updatedAt: new Date(),
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.description !== undefined ? { description: input.description } : {}),
  });
  if (!row) throw templateNotFound();
  emit(
    draft(workspaceChannel(row.workspaceId), "template.updated", {
      templateId,
      workspaceId: row.workspaceId,
      name: row.name,
    }),
  );
  return toSpaceTemplate(row, actor, role);
};

export const deleteSpaceTemplate = async ({ tx, emit }: MutationContext, actor: User, templateId: string) => {
  const { row } = await loadManagedTemplate(tx, actor, templateId);
  await deleteSpaceTemplateRow(tx, templateId);
  emit(
    draft(workspaceChannel(row.workspaceId), "template.deleted", {
      templateId,
      workspaceId: row.workspaceId,
    }),
  );
};

/**
 * The content of a template usable in this workspace: a built-in one (in the creator's language: the
 * new space keeps those names as its own) or one of its own, else 404.
 */
const contentFor = async (
  tx: Executor,
  actor: User,
  workspaceId: string,
  templateId: string,
): Promise<{ content: SpaceTemplateContent; description: string }> => {
  const builtIn = builtIns(actor.locale).find((t) => t.id === templateId);
  if (builtIn) return { content: builtIn.parsed, description: builtIn.description };
  if (templateId.startsWith("builtin:")) throw templateNotFound();
  const row = await spaceTemplateById(tx, templateId, workspaceId);
  if (!row) throw templateNotFound();
  return { content: row.content, description: row.description };
};

/** A new space from a template, its card days counted from `startDate`; one transaction. */
export const createSpaceFromTemplate = async (
  ctx: MutationContext,
  actor: User,
  workspaceId: string,
  input: CreateSpaceFromTemplateBody,
): Promise<TemplateResult> => {
  const body = createSpaceFromTemplateBody.parse(input);
  const { tx, emit, lock } = ctx;
  await lock(workspaceChannel(workspaceId));
  authorize(await workspaceAccess(tx, actor.id, workspaceId), "create_hierarchy", "Workspace");
  const { content, description } = await contentFor(tx, actor, workspaceId, body.templateId);
  const folderId = body.folderId ?? null;
  if (folderId) await checkFolder(tx, workspaceId, folderId);
  const placed = positionAmong(await siblingSpaces(tx, workspaceId, folderId), {});
  if (!("position" in placed)) throw new Error("a new space always has a place at the end");
  const plan = planTemplateCards(content, {
    startDate: body.startDate,
    members: await workspaceMemberIds(tx, workspaceId),
    includeCards: body.includeCards,
    translator: createTranslator(actor.locale),
  });
  const written = await insertTemplateSpace(tx, {
    workspaceId,
    folderId,
    name: body.name,
    description,
    position: placed.position,
    actorId: actor.id,
    content,
    plan,
    now: new Date(),
  });
  const space = toSpace(written.space);
  emit(draft(workspaceChannel(workspaceId), "space.created", { space }));
  for (const status of written.statuses)
    emit(draft(spaceChannel(space.id), "status.created", { status: toStatus(status) }));
  return { space, notes: plan.notes };
};

// ---------- card templates ----------

const toCardTemplate = (row: CardTemplateRow, actor: User, role: WorkspaceRole): CardTemplate => ({
  id: row.id,
  workspaceId: row.workspaceId,
  spaceId: row.spaceId,
  name: row.name,
  description: row.content.description ?? "",
  todos: row.content.todos ?? [],
  labelIds: row.content.labelIds ?? [],
  responsibleId: row.content.responsibleId ?? null,
  coworkerIds: row.content.coworkerIds ?? [],
  createdBy: row.createdBy,
  createdAt: row.createdAt.toISOString(),
  canManage: role === "owner" || (row.createdBy === actor.id && can(role, Action.writeCards)),
});

export const listCardTemplates = async (
  db: Executor,
  actor: User,
  spaceId: string,
): Promise<CardTemplate[]> => {
  const { role } = authorize(await spaceAccess(db, actor.id, spaceId), "read", "Space");
  const rows = await cardTemplatesOf(db, spaceId);
  return rows.map((row) => toCardTemplate(row, actor, role));
};

/** Of `userIds`, those who may read the space. */
const spaceReaders = async (
  tx: Executor,
  spaceId: string,
  userIds: readonly string[],
): Promise<Set<string>> =>
  new Set(
    (await spaceRoles(tx, { userIds: [...new Set(userIds)], spaceIds: [spaceId] })).map((r) => r.userId),
  );

const insertCardTemplate = async (
  { tx, emit }: MutationContext,
  actor: User,
  access: { space: { id: string; workspaceId: string }; role: WorkspaceRole },
  values: {
    name: string;
    description: string;
    todos: string[];
    labelIds: string[];
    responsibleId: string | null;
    coworkerIds: string[];
  },
): Promise<{ template: CardTemplate; notes: string[] }> => {
  const spaceId = access.space.id;
  const people = keepMembers(
    values,
    await spaceReaders(tx, spaceId, [
      ...(values.responsibleId ? [values.responsibleId] : []),
      ...values.coworkerIds,
    ]),
    createTranslator(actor.locale),
  );
  const row = await insertCardTemplateRow(tx, {
    workspaceId: access.space.workspaceId,
    spaceId,
    name: values.name,
    content: {
      description: values.description,
      todos: values.todos,
      labelIds: [...new Set(values.labelIds)],
      responsibleId: people.responsibleId,
      coworkerIds: people.coworkerIds,
    },
    createdBy: actor.id,
  });
  emit(
    draft(spaceChannel(spaceId), "card_template.created", {
      templateId: row.id,
      spaceId,
      workspaceId: row.workspaceId,
      name: row.name,
    }),
  );
  return { template: toCardTemplate(row, actor, access.role), notes: people.notes };
};

/** A card template made from scratch; its labels must be the space's, people not in it are left out. */
export const createCardTemplate = async (
  ctx: MutationContext,
  actor: User,
  spaceId: string,
  input: CreateCardTemplateBody,
) => {
  const body = createCardTemplateBody.parse(input);
  const access = authorize(await spaceAccess(ctx.tx, actor.id, spaceId), "write_cards", "Space");
  const known = await spaceLabelIdsAmong(ctx.tx, spaceId, body.labelIds);
  body.labelIds.forEach((labelId, i) => {
    if (!known.has(labelId))
      throw invalidField(`body.labelIds.${i}`, "is not a label of this space", {
        key: "refusal.field.notLabelOfSpace",
      });
  });
  return insertCardTemplate(ctx, actor, access, body);
};

/** "Save as card template": the card's name, description, to-dos, labels and people. */
export const saveCardAsTemplate = async (
  ctx: MutationContext,
  actor: User,
  cardId: string,
  input: SaveCardAsTemplateBody,
) => {
  const { tx } = ctx;
  const cardSpaceId = await spaceIdOfCard(tx, cardId);
  const access = authorize(
    cardSpaceId ? await spaceAccess(tx, actor.id, cardSpaceId) : null,
    "write_cards",
    "Card",
  );
  if (!cardSpaceId)
    throw new DomainError(ErrorCode.notFound, "Card not found", [], { key: "refusal.notFound.card" });
  const card = await mustLoadCard(tx, cardId);
  const todos = await todoTextsOf(tx, cardId);
  return insertCardTemplate(ctx, actor, access, {
    name: input.name ?? card.name,
    description: card.description,
    todos: todos.slice(0, 100),
    labelIds: card.labelIds,
    responsibleId: card.responsibleId,
    coworkerIds: card.coworkerIds,
  });
};

const loadCardTemplate = async (tx: Executor, actor: User, templateId: string) => {
  const row = await cardTemplateById(tx, templateId);
  const access = row ? await spaceAccess(tx, actor.id, row.spaceId) : null;
  if (!row || !access) throw templateNotFound();
  return { row, access };
};

export const deleteCardTemplate = async ({ tx, emit }: MutationContext, actor: User, templateId: string) => {
  const { row, access } = await loadCardTemplate(tx, actor, templateId);
  if (!toCardTemplate(row, actor, access.role).canManage)
    throw forbidden("Only the space's owners and whoever made a card template may delete it", {
      key: "refusal.template.deleteForbidden",
    });
  await deleteCardTemplateRow(tx, templateId);
  emit(
    draft(spaceChannel(row.spaceId), "card_template.deleted", {
      templateId,
      spaceId: row.spaceId,
      workspaceId: row.workspaceId,
    }),
  );
};

/**
 * A card from a card template: the card is created as by hand (`card.created`), then given the
 * template's people and labels (`card.updated`) and to-dos (`todo.created`), all in one transaction.
 * Labels deleted since and people no longer in the space are left out, with a note.
 */
export const createCardFromTemplate = async (
  context: MutationContext,
  actor: User,
  templateId: string,
  input: CreateCardFromTemplateBody,
): Promise<CardFromTemplate> => {
  const body = createCardFromTemplateBody.parse(input);
  // The card is read back and built on below, so its insert cannot wait for the event append.
  const { writeWithEvents: _deferred, ...ctx } = context;
  const { row, access } = await loadCardTemplate(ctx.tx, actor, templateId);
  const spaceId = row.spaceId;
  const template = toCardTemplate(row, actor, access.role);
  const created = await createCard(ctx, actor, spaceId, {
    name: body.name ?? template.name,
    description: template.description,
    at: body.at,
    ...(body.statusId ? { statusId: body.statusId } : {}),
  });
  const translator = createTranslator(actor.locale);
  const people = keepMembers(
    template,
    await spaceReaders(ctx.tx, spaceId, [
      ...(template.responsibleId ? [template.responsibleId] : []),
      ...template.coworkerIds,
    ]),
    translator,
  );
  const labels = await spaceLabelIdsAmong(ctx.tx, spaceId, template.labelIds);
  const notes = [...people.notes];
  const missingLabels = template.labelIds.filter((labelId) => !labels.has(labelId)).length;
  if (missingLabels > 0) notes.push(translator.t("note.template.labelsGone", { count: missingLabels }));
  if (people.responsibleId || people.coworkerIds.length > 0 || labels.size > 0)
    await updateCard(ctx, actor, created.id, {
      ...(people.responsibleId ? { responsibleId: people.responsibleId } : {}),
      ...(people.coworkerIds.length > 0 ? { coworkerIds: people.coworkerIds } : {}),
      ...(labels.size > 0 ? { labelIds: template.labelIds.filter((labelId) => labels.has(labelId)) } : {}),
    });
  for (const text of template.todos) await createTodo(ctx, actor, created.id, { text });
  return { card: await mustLoadCard(ctx.tx, created.id), notes };
};
