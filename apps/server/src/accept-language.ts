/**
 * The language a new account starts in when the person has not chosen one: the first shipped language
 * (`serverLocales`) of the request's `Accept-Language`, by its quality values (negotiator: "de-AT"
 * matches "de"), else null (the column's default, English).
 */
import { type ServerLocale, serverLocales } from "@lattice/domain";
import Negotiator from "negotiator";

export const acceptedLocale = (headers: {
  "accept-language"?: string | string[] | undefined;
}): ServerLocale | null => {
  const header = headers["accept-language"];
  if (!header) return null;
  const [best] = new Negotiator({
    headers: { "accept-language": Array.isArray(header) ? header.join(",") : header },
  }).languages([...serverLocales]);
  return (best as ServerLocale | undefined) ?? null;
};
