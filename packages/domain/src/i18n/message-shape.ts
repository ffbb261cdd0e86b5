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
