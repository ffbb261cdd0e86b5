/**
 * Custom fields of a space and their values on cards. Rules, once: the space's owners define fields
 * (name, kind, options, order, shown on the card's front); whoever may write cards sets values. A
 * value must suit its field's kind: a finite number, a real day, options of that field, a person who
 * can read the space, an http(s) link. Removing an option takes it off every value that names it,
 * and deleting a field its values, in the same change, so a value never names what is gone.
 */
import { DomainError, type NotFoundNoun, type RefusalMessage } from "../errors.js";
import { draft, spaceChannel } from "../events.js";
import {
  type CreateFieldBody,
  type CustomField,
  type FieldOption,
  type FieldOptionInput,
  type FieldValue,
  isChoiceKind,
  type SetCardFieldBody,
  type UpdateFieldBody,
} from "../field-schemas.js";
import { positionAmong } from "../ordering.js";
import type { WorkspaceRole } from "../roles.js";
import { calendarDate } from "../schemas.js";
import {
  type Actor,
  invalidFieldError,
  type MutatorResult,
  refuseUnlessAllowed,
  writableCard,
} from "./types.js";

export interface FieldChanges {
  field: CustomField;
  /** Option ids the change removed (their values are taken off cards). */
  removedOptionIds: string[];
}

/** The field when the caller may see it and manage the space's settings, else the refusal. */
const ownedBy = <T>(role: WorkspaceRole | null, thing: T | null, what: NotFoundNoun): T | DomainError =>
  refuseUnlessAllowed(thing === null ? null : role, "manage_settings", what) ?? (thing as T);

const fieldPosition = (
  siblings: readonly CustomField[],
  placement: { afterId?: string | null | undefined; beforeId?: string | null | undefined },
  movingId?: string,
): string | DomainError => {
  const placed = positionAmong(siblings, placement, movingId);
  return "invalidField" in placed
    ? invalidFieldError(`body.${placed.invalidField}`, "is not a field of this space", {
        key: "refusal.field.notFieldOfSpace",
      })
    : placed.position;
};

/** The options a request ends with: kept ones by id, new ones with a fresh id; names are unique. */
const resolveOptions = (
  kind: CustomField["kind"],
  wanted: readonly FieldOptionInput[] | undefined,
  current: readonly FieldOption[],
  newId: () => string,
): FieldOption[] | DomainError => {
  if (!isChoiceKind(kind)) {
    return wanted && wanted.length > 0
      ? invalidFieldError("body.options", "are only for choice fields", {
          key: "refusal.field.optionsOnlyChoice",
        })
      : [];
  }
  if (wanted === undefined) return [...current];
  if (wanted.length === 0)
    return invalidFieldError("body.options", "must offer at least one choice", {
      key: "refusal.field.atLeastOneChoice",
    });
  const known = new Set(current.map((o) => o.id));
  const seenIds = new Set<string>();
  const seenNames = new Set<string>();
  const result: FieldOption[] = [];
  for (const option of wanted) {
    if (option.id !== undefined && (!known.has(option.id) || seenIds.has(option.id))) {
      return invalidFieldError(
        "body.options",
        `name an option id that is not one of this field's (${option.id})`,
        { key: "refusal.field.unknownOptionId", values: { id: option.id } },
      );
    }
    const nameKey = option.name.toLocaleLowerCase();
    if (seenNames.has(nameKey))
      return invalidFieldError("body.options", `repeat the name '${option.name}'`, {
        key: "refusal.field.optionNameTwice",
        values: { name: option.name },
      });
    seenNames.add(nameKey);
    const id = option.id ?? newId();
    seenIds.add(id);
    result.push({ id, name: option.name, color: option.color.toLowerCase() });
  }
  return result;
};

const duplicateName = (fields: readonly CustomField[], name: string, exceptId?: string): boolean =>
  fields.some((f) => f.id !== exceptId && f.name.toLocaleLowerCase() === name.toLocaleLowerCase());

export interface CreateFieldContext {
  role: WorkspaceRole | null;
  space: { id: string; workspaceId: string } | null;
  /** The space's fields in order. */
  fields: readonly CustomField[];
  fieldId: string;
  newId: () => string;
}

export const createField = (
  context: CreateFieldContext,
  args: CreateFieldBody,
  _actor: Actor,
  _now: Date,
): MutatorResult<FieldChanges> => {
  const space = ownedBy(context.role, context.space, "Space");
  if (space instanceof DomainError) return space;
  if (duplicateName(context.fields, args.name)) {
    return invalidFieldError("body.name", "is already the name of a field of this space", {
      key: "refusal.field.fieldNameTaken",
    });
  }
  const options = resolveOptions(args.kind, args.options ?? [], [], context.newId);
  if (options instanceof DomainError) return options;
  const position = fieldPosition(context.fields, args);
  if (position instanceof DomainError) return position;
  const field: CustomField = {
    id: context.fieldId,
    workspaceId: space.workspaceId,
    spaceId: space.id,
    name: args.name,
    kind: args.kind,
    options,
    showOnCard: args.showOnCard ?? false,
    position,
  };
  return {
    changes: { field, removedOptionIds: [] },
    events: [draft(spaceChannel(space.id), "field.created", { field })],
  };
};

export interface UpdateFieldContext {
  role: WorkspaceRole | null;
  field: CustomField | null;
  /** The space's fields in order, this one included. */
  fields: readonly CustomField[];
  newId: () => string;
}

export const updateField = (
  context: UpdateFieldContext,
  args: UpdateFieldBody,
  _actor: Actor,
  _now: Date,
): MutatorResult<FieldChanges> => {
  const current = ownedBy(context.role, context.field, "Field");
  if (current instanceof DomainError) return current;
  const field: CustomField = { ...current };
  if (args.name !== undefined) {
    if (duplicateName(context.fields, args.name, current.id)) {
      return invalidFieldError("body.name", "is already the name of a field of this space", {
        key: "refusal.field.fieldNameTaken",
      });
    }
    field.name = args.name;
  }
  const options = resolveOptions(current.kind, args.options, current.options, context.newId);
  if (options instanceof DomainError) return options;
  field.options = options;
  if (args.showOnCard !== undefined) field.showOnCard = args.showOnCard;
  if (args.afterId !== undefined || args.beforeId !== undefined) {
    const position = fieldPosition(context.fields, args, current.id);
    if (position instanceof DomainError) return position;
    field.position = position;
  }
  const kept = new Set(options.map((o) => o.id));
  return {
    changes: { field, removedOptionIds: current.options.map((o) => o.id).filter((id) => !kept.has(id)) },
    events: [draft(spaceChannel(field.spaceId), "field.updated", { field })],
  };
};

export interface DeleteFieldContext {
  role: WorkspaceRole | null;
  field: CustomField | null;
}

export const deleteField = (
  context: DeleteFieldContext,
  _args: Record<string, never>,
  _actor: Actor,
  _now: Date,
): MutatorResult<{ field: CustomField }> => {
  const field = ownedBy(context.role, context.field, "Field");
  if (field instanceof DomainError) return field;
  return {
    changes: { field },
    events: [
      draft(spaceChannel(field.spaceId), "field.deleted", { fieldId: field.id, spaceId: field.spaceId }),
    ],
  };
};

/** http(s) with a host and no white space (the domain has no URL parser: no DOM, no Node). */
const webLink = /^https?:\/\/[^\s/?#]+(?:[/?#]\S*)?$/i;
const isWebLink = (text: string): boolean => webLink.test(text);

/**
 * The value as stored for the field's kind (trimmed text, options in the field's order, one copy of
 * each), null for a value that clears (empty text or no options), or the refusal naming why.
 */
export const normalizeFieldValue = (
  field: CustomField,
  value: FieldValue | null,
  readerIds: readonly string[],
): FieldValue | null | DomainError => {
  if (value === null) return null;
  const wrong = (message: string, problem: RefusalMessage) =>
    invalidFieldError("body.value", message, problem);
  switch (field.kind) {
    case "text": {
      if (typeof value !== "string")
        return wrong("must be text for a text field", { key: "refusal.field.valueText" });
      const text = value.trim();
      return text === "" ? null : text;
    }
    case "number":
      if (typeof value !== "number" || !Number.isFinite(value))
        return wrong("must be a finite number", { key: "refusal.field.valueNumber" });
      return value;
    case "date":
      if (typeof value !== "string" || !calendarDate.safeParse(value).success) {
        return wrong("must be a day (YYYY-MM-DD)", { key: "refusal.field.valueDay" });
      }
      return value;
    case "single_choice":
      if (typeof value !== "string")
        return wrong("must be one option id for a single-choice field", {
          key: "refusal.field.valueSingleChoice",
        });
      if (!field.options.some((o) => o.id === value))
        return wrong("is not an option of this field", { key: "refusal.field.notOption" });
      return value;
    case "multi_choice": {
      if (!Array.isArray(value))
        return wrong("must be a list of option ids for a multiple-choice field", {
          key: "refusal.field.valueMultiChoice",
        });
      const wanted = new Set(value);
      if ([...wanted].some((id) => !field.options.some((o) => o.id === id))) {
        return wrong("must all be options of this field", { key: "refusal.field.allOptions" });
      }
      const ordered = field.options.filter((o) => wanted.has(o.id)).map((o) => o.id);
      return ordered.length > 0 ? ordered : null;
    }
    case "person":
      if (typeof value !== "string")
        return wrong("must be a user id for a person field", { key: "refusal.field.valuePerson" });
      if (!readerIds.includes(value))
        return wrong("is not a user of this space", { key: "refusal.field.notSpaceUser" });
      return value;
    case "link": {
      if (typeof value !== "string")
        return wrong("must be a link for a link field", { key: "refusal.field.valueLink" });
      const link = value.trim();
      if (link === "") return null;
      if (!isWebLink(link))
        return wrong("must be an http:// or https:// link", { key: "refusal.field.valueHttpLink" });
      return link;
    }
    default:
      return wrong("does not suit this field", { key: "refusal.field.valueUnsuited" });
  }
};

export interface SetCardFieldContext {
  role: WorkspaceRole | null;
  card: { id: string; spaceId: string } | null;
  /** The field, when it is a field of the card's space. */
  field: CustomField | null;
  /** Of the person the request names (person fields), who may read the card's space. */
  readerIds: readonly string[];
  /** The card's value of the field before the change. */
  previous: FieldValue | null;
}

export interface SetCardFieldChanges {
  cardId: string;
  fieldId: string;
  /** The new value; null: the card no longer has one. */
  value: FieldValue | null;
}

export const setCardField = (
  context: SetCardFieldContext,
  args: SetCardFieldBody,
  _actor: Actor,
  _now: Date,
): MutatorResult<SetCardFieldChanges> => {
  const card = writableCard(context.role, context.card);
  if (card instanceof DomainError) return card;
  const field = context.field;
  if (field === null || field.spaceId !== card.spaceId) {
    return invalidFieldError("params.fieldId", "is not a field of this card's space", {
      key: "refusal.field.notFieldOfCardSpace",
    });
  }
  const value = normalizeFieldValue(field, args.value, context.readerIds);
  if (value instanceof DomainError) return value;
  return {
    changes: { cardId: card.id, fieldId: field.id, value },
    events: [
      draft(spaceChannel(card.spaceId), "card.field_set", {
        cardId: card.id,
        spaceId: card.spaceId,
        field,
        value,
        previous: context.previous,
      }),
    ],
  };
};
