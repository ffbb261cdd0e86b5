/**
 * What an ICU message reads: its argument names, sorted, and each plural's option keys. The catalogs'
 * tests (the server's here, the web app's in apps/web) compare every translation's shape with the
 * English one's, and every plural's keys with the forms the language's rules use. Throws when the
 * message does not parse.
 */
import { IntlMessageFormat } from "intl-messageformat";

type Element = {
  type: number;
  value?: string;
  options?: Record<string, { value: Element[] }>;
  children?: Element[];
};

// The AST's element types (@formatjs/icu-messageformat-parser TYPE): argument, number, date, time,
// select, plural, tag.
const ARGUMENT_TYPES = new Set([1, 2, 3, 4, 5, 6]);
const PLURAL = 6;

export interface MessageShape {
  names: string[];
  plurals: Array<{ name: string; keys: string[] }>;
}

export const messageShape = (message: string, locale: string): MessageShape => {
  const names = new Set<string>();
  const plurals: MessageShape["plurals"] = [];
  const walk = (elements: Element[]) => {
    for (const element of elements) {
      if (ARGUMENT_TYPES.has(element.type) && element.value) names.add(element.value);
      if (element.type === PLURAL && element.value && element.options)
        plurals.push({ name: element.value, keys: Object.keys(element.options) });
      for (const option of Object.values(element.options ?? {})) walk(option.value);
      if (element.children) walk(element.children);
    }
  };
  walk(new IntlMessageFormat(message, locale).getAst() as Element[]);
  return { names: [...names].sort(), plurals };
};

/**
 * What is wrong with a translated catalog against its English source, one line per problem: a message
 * missing or empty, one that does not parse, or one that reads other arguments than the English.
 */
export const argumentProblems = (
  english: Readonly<Record<string, string>>,
  messages: Readonly<Record<string, string | undefined>>,
  locale: string,
): string[] => {
  const problems: string[] = [];
  for (const key of Object.keys(english).sort()) {
    const message = messages[key];
    if (typeof message !== "string" || message.trim() === "") {
      problems.push(`${key}: empty`);
      continue;
    }
    try {
      const shape = messageShape(message, locale);
      const source = messageShape(english[key] ?? "", "en");
      if (shape.names.join() !== source.names.join())
        problems.push(
          `${key}: reads {${shape.names.join(", ")}}, English reads {${source.names.join(", ")}}`,
        );
    } catch (error) {
      problems.push(`${key}: does not parse (${String(error)})`);
    }
  }
  return problems;
};

/** The plurals of a catalog that lack a form the language's rules use (Arabic has six), one line each. */
export const pluralProblems = (messages: Readonly<Record<string, string>>, locale: string): string[] => {
  const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
  const problems: string[] = [];
  for (const [key, message] of Object.entries(messages)) {
    for (const plural of messageShape(message, locale).plurals) {
      const lacking = categories.filter((category) => !plural.keys.includes(category));
      if (lacking.length > 0) problems.push(`${key} {${plural.name}}: no ${lacking.join(", ")}`);
    }
  }
  return problems;
};
