/**
 * A domain refusal (an optimistic mutator's DomainError) in the interface's language. The sentences
 * live in the domain's catalogs, which load on demand the first time a refusal is said in a language
 * other than English; English is the refusal's own message, said at once.
 */
import type { DomainError } from "@lattice/domain";
import { useI18n } from "../lib/i18n/i18n";

/** Calls `say` with the refusal's sentence: at once in English, else once the catalogs are loaded. */
export const sayRefusal = (refusal: DomainError, say: (sentence: string) => void): void => {
  const translator = useI18n.getState().translator;
  const locale = translator?.locale ?? "en";
  if (locale === "en" || !refusal.refusal) {
    say(refusal.message);
    return;
  }
  import("@lattice/domain/refusals")
    .then(({ createTranslator, refusalSentence }) =>
      say(refusalSentence(refusal, createTranslator(locale, translator?.timeZone))),
    )
    .catch(() => say(refusal.message));
};
