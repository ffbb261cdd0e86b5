/**
 * A refusal in the reader's language: the sentence of a DomainError's message key and values, written
 * with the reader's translator. A refusal without a key (one not yet given a message) reads as its
 * English `message`.
 */
import type { FieldError, Refusal } from "../errors.js";
import type { MessageValues, Translator } from "./translator.js";

export interface RefusalLike {
  message: string;
  refusal?: Refusal | null;
}

export const refusalSentence = (error: RefusalLike, translator: Translator): string => {
  const refusal = error.refusal;
  if (!refusal) return error.message;
  const values: MessageValues = { ...refusal.values };
  for (const [name, list] of Object.entries(refusal.lists ?? {})) {
    values[name] = list.items.map((item) => translator.t(list.item, item)).join(translator.t(list.separator));
  }
  for (const [name, part] of Object.entries(refusal.parts ?? {}))
    values[name] = translator.t(part.key, part.values);
  return translator.t(refusal.key, values);
};

/** A refusal's field problems in the reader's language; a field without a message keeps its own. */
export const refusalFieldErrors = (
  error: RefusalLike & { errors: readonly FieldError[] },
  translator: Translator,
): FieldError[] =>
  error.errors.map((fieldError, i) => {
    const problem = error.refusal?.fields?.[i];
    return problem
      ? { field: fieldError.field, message: translator.t(problem.key, problem.values) }
      : fieldError;
  });
