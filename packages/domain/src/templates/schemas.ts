/**
 * Templates. A space template is the shape of a space (statuses with roles and WIP limits, labels,
 * local blocker types, custom fields) and optionally its cards, written as plain JSON that names
 * things by name or by a key of its own, never by the ids of the space it came from, so it can be
 * checked on its own and applied to any workspace. Card dates are whole days after the day the new
 * space starts (the template's reference day), so "due 14 days after the start" stays true whenever
 * the space is made. Built-in templates are data validated by this same schema.
 *
 * A card template belongs to one space and refers to that space's labels and people by id; what
 * no longer exists when it is used is left out and said so in the reply.
 */
import { z } from "zod";
import { labelColor, relationKinds } from "../coordination-schemas.js";
import { fieldKinds, fieldLimits, isChoiceKind } from "../field-schemas.js";
import { findCycle } from "../relations.js";
import { statusRoles } from "../roles.js";
import {
  calendarDate,
  cardSchema,
  id,
  isoTime,
  limits,
  plainText,
  requiredText,
  spaceSchema,
} from "../schemas.js";

export const templateLimits = {
  statusesMax: 50,
  labelsMax: 200,
  blockerTypesMax: 50,
  fieldsMax: 50,
  cardsMax: 2_000,
  relationsMax: 4_000,
  todosMax: 100,
  /** How far from the start a card's day may lie, either way (about ten years). */
  dayOffsetMax: 3_660,
} as const;

const dayOffset = z
  .number()
  .int("must be a whole number of days")
  .min(-templateLimits.dayOffsetMax)
  .max(templateLimits.dayOffsetMax);

export const templateStatusSchema = z
  .object({
    name: requiredText(limits.nameMax),
    role: z.enum(statusRoles),
    wipLimit: z.number().int().min(1).max(limits.wipLimitMax).nullable().default(null),
  })
  .strict();

export const templateLabelSchema = z.object({ name: requiredText(60), color: labelColor }).strict();

export const templateBlockerTypeSchema = z
  .object({ name: requiredText(120), description: plainText(2000).default("") })
  .strict();

export const templateFieldSchema = z
  .object({
    name: requiredText(fieldLimits.nameMax),
    kind: z.enum(fieldKinds),
    options: z
      .array(z.object({ name: requiredText(fieldLimits.nameMax), color: labelColor }).strict())
      .max(fieldLimits.optionsMax)
      .default([]),
    showOnCard: z.boolean().default(false),
  })
  .strict();

export const templateCardSchema = z
  .object({
    /** Names the card inside the template, for its relations. */
    key: requiredText(64),
    name: requiredText(limits.cardNameMax),
    description: plainText(limits.descriptionMax).default(""),
    /** The name of one of the template's statuses. */
    status: requiredText(limits.nameMax),
    /** Names of the template's labels. */
    labels: z.array(requiredText(60)).max(100).default([]),
    todos: z.array(requiredText(500)).max(templateLimits.todosMax).default([]),
    /** Days after the new space's start day (0: that day); null: no date. */
    startDay: dayOffset.nullable().default(null),
    dueDay: dayOffset.nullable().default(null),
    /** People of the workspace; whoever is not a member when the template is used is left out. */
    responsibleId: id.nullable().default(null),
    coworkerIds: z.array(id).max(100).default([]),
  })
  .strict();

export const templateRelationSchema = z
  .object({ kind: z.enum(relationKinds), from: requiredText(64), to: requiredText(64) })
  .strict();

const duplicates = (names: readonly string[]): string[] => {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const name of names) {
    const folded = name.toLocaleLowerCase();
    if (seen.has(folded)) twice.add(name);
    seen.add(folded);
  }
  return [...twice];
};

/** What a space template holds; every reference inside it is checked (see `superRefine`). */
export const spaceTemplateContentSchema = z
  .object({
    statuses: z
      .array(templateStatusSchema)
      .min(1, "must have at least one status")
      .max(templateLimits.statusesMax),
    labels: z.array(templateLabelSchema).max(templateLimits.labelsMax).default([]),
    blockerTypes: z.array(templateBlockerTypeSchema).max(templateLimits.blockerTypesMax).default([]),
    fields: z.array(templateFieldSchema).max(templateLimits.fieldsMax).default([]),
    cards: z.array(templateCardSchema).max(templateLimits.cardsMax).default([]),
    relations: z.array(templateRelationSchema).max(templateLimits.relationsMax).default([]),
  })
  .strict()
  .superRefine((content, ctx) => {
    const issue = (path: Array<string | number>, message: string) =>
      ctx.addIssue({ code: "custom", path, message });
    for (const name of duplicates(content.statuses.map((s) => s.name)))
      issue(["statuses"], `has the status “${name}” twice`);
    for (const name of duplicates(content.labels.map((l) => l.name)))
      issue(["labels"], `has the label “${name}” twice`);
    for (const name of duplicates(content.cards.map((c) => c.key)))
      issue(["cards"], `has the card key “${name}” twice`);
    content.fields.forEach((field, i) => {
      if (!isChoiceKind(field.kind) && field.options.length > 0)
        issue(["fields", i, "options"], "are only for choice fields");
    });
    const statusNames = new Set(content.statuses.map((s) => s.name));
    const labelNames = new Set(content.labels.map((l) => l.name));
    const keys = new Set(content.cards.map((c) => c.key));
    content.cards.forEach((card, i) => {
      if (!statusNames.has(card.status)) issue(["cards", i, "status"], `is not a status of the template`);
      card.labels.forEach((label, j) => {
        if (!labelNames.has(label)) issue(["cards", i, "labels", j], "is not a label of the template");
      });
      if (card.startDay !== null && card.dueDay !== null && card.startDay > card.dueDay)
        issue(["cards", i, "dueDay"], "must not come before the start day");
    });
    const edges = {
      parent: [] as Array<{ from: string; to: string }>,
      next: [] as Array<{ from: string; to: string }>,
    };
    for (const [i, relation] of content.relations.entries()) {
      if (!keys.has(relation.from)) issue(["relations", i, "from"], "is not a card of the template");
      else if (!keys.has(relation.to)) issue(["relations", i, "to"], "is not a card of the template");
      else {
        const edge = { from: relation.from, to: relation.to };
        if (findCycle(edges[relation.kind], edge)) issue(["relations", i], "would close a cycle");
        else edges[relation.kind].push(edge);
      }
    }
  });
export type SpaceTemplateContent = z.output<typeof spaceTemplateContentSchema>;
export type SpaceTemplateContentInput = z.input<typeof spaceTemplateContentSchema>;

/** A built-in template's id: `builtin:` and its slug. */
export const builtInTemplateId = z.string().regex(/^builtin:[a-z0-9-]{1,60}$/, "must be a template id");
export const templateId = z.union([id, builtInTemplateId], { error: "must be a template id" });
export const templateParams = z.object({ id: templateId });

export const spaceTemplateSchema = z.object({
  id: z.string(),
  /** Null for a built-in template. */
  workspaceId: id.nullable(),
  name: z.string(),
  description: z.string(),
  isBuiltIn: z.boolean(),
  createdBy: id.nullable(),
  createdAt: isoTime.nullable(),
  updatedAt: isoTime.nullable(),
  statusNames: z.array(z.string()),
  cardCount: z.number().int(),
  /** Whether the caller may rename or delete it (workspace owners and whoever saved it). */
  canManage: z.boolean(),
});
export type SpaceTemplate = z.infer<typeof spaceTemplateSchema>;

export const spaceTemplateDetailSchema = spaceTemplateSchema.extend({ content: spaceTemplateContentSchema });
export type SpaceTemplateDetail = z.infer<typeof spaceTemplateDetailSchema>;

export const spaceTemplateListSchema = z.object({ items: z.array(spaceTemplateSchema) });

const templateName = requiredText(limits.nameMax);
const templateDescription = plainText(2000);

/** POST /api/spaces/:id/save-as-template */
export const saveSpaceAsTemplateBody = z
  .object({
    name: templateName,
    description: templateDescription.optional(),
    /** Take the cards along (with to-dos, labels, people, relations and dates). */
    includeCards: z.boolean().default(true),
    /** The day card dates are counted from; default: the earliest start or due day among the cards. */
    referenceDate: calendarDate.optional(),
  })
  .strict();
export type SaveSpaceAsTemplateBody = z.input<typeof saveSpaceAsTemplateBody>;

/** POST /api/workspaces/:id/space-templates: a template written by hand (or from another instance). */
export const createSpaceTemplateBody = z
  .object({
    name: templateName,
    description: templateDescription.optional(),
    content: spaceTemplateContentSchema,
  })
  .strict();
export type CreateSpaceTemplateBody = z.input<typeof createSpaceTemplateBody>;

/** PATCH /api/space-templates/:id */
export const updateSpaceTemplateBody = z
  .object({ name: templateName.optional(), description: templateDescription.optional() })
  .strict();
export type UpdateSpaceTemplateBody = z.infer<typeof updateSpaceTemplateBody>;

/** POST /api/workspaces/:id/spaces/from-template */
export const createSpaceFromTemplateBody = z
  .object({
    templateId,
    name: requiredText(limits.nameMax),
    folderId: id.nullable().optional(),
    /** The day the space starts: card days count from it. */
    startDate: calendarDate,
    /** Make its cards too (default), or only the space's shape. */
    includeCards: z.boolean().default(true),
  })
  .strict();
export type CreateSpaceFromTemplateBody = z.input<typeof createSpaceFromTemplateBody>;

/** What a template became, and what it could not bring (people no longer members, dates out of range). */
export const templateResultSchema = z.object({ space: spaceSchema, notes: z.array(z.string()) });
export type TemplateResult = z.infer<typeof templateResultSchema>;

// ---------- card templates ----------

export const cardTemplateSchema = z.object({
  id,
  workspaceId: id,
  spaceId: id,
  name: z.string(),
  description: z.string(),
  todos: z.array(z.string()),
  labelIds: z.array(id),
  responsibleId: id.nullable(),
  coworkerIds: z.array(id),
  createdBy: id.nullable(),
  createdAt: isoTime,
  /** Whether the caller may delete it (the space's owners and whoever made it). */
  canManage: z.boolean(),
});
export type CardTemplate = z.infer<typeof cardTemplateSchema>;

export const cardTemplateListSchema = z.object({ items: z.array(cardTemplateSchema) });

/** POST /api/spaces/:id/card-templates: a card template made from scratch. */
export const createCardTemplateBody = z
  .object({
    name: requiredText(limits.cardNameMax),
    description: plainText(limits.descriptionMax).default(""),
    todos: z.array(requiredText(500)).max(templateLimits.todosMax).default([]),
    labelIds: z.array(id).max(100).default([]),
    responsibleId: id.nullable().default(null),
    coworkerIds: z.array(id).max(100).default([]),
  })
  .strict();
export type CreateCardTemplateBody = z.input<typeof createCardTemplateBody>;

/** POST /api/cards/:id/save-as-template */
export const saveCardAsTemplateBody = z
  .object({ name: requiredText(limits.cardNameMax).optional() })
  .strict();
export type SaveCardAsTemplateBody = z.infer<typeof saveCardAsTemplateBody>;

/** POST /api/card-templates/:id/cards */
export const createCardFromTemplateBody = z
  .object({
    /** Default: the template's name. */
    name: requiredText(limits.cardNameMax).optional(),
    /** Default: the space's first status. */
    statusId: id.optional(),
    at: z.enum(["top", "bottom"]).default("bottom"),
  })
  .strict();
export type CreateCardFromTemplateBody = z.input<typeof createCardFromTemplateBody>;

export const cardTemplateReplySchema = z.object({ template: cardTemplateSchema, notes: z.array(z.string()) });
export const cardFromTemplateSchema = z.object({ card: cardSchema, notes: z.array(z.string()) });
export type CardFromTemplate = z.infer<typeof cardFromTemplateSchema>;
