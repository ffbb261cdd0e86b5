/**
 * A translated sentence with one element inside it (a link, a button, <em>): the message gets a
 * marker as the element's value, and the text either side of it is rendered around the element, so
 * translators see the whole sentence and place the element where their language wants it.
 */

/** U+2063 INVISIBLE SEPARATOR: never typed into a message. */
export const elementMark = "\u2063";

/** The text before and after the element's place in `text` (all of it before when there is none). */
export const aroundElement = (text: string): [before: string, after: string] => {
  const at = text.indexOf(elementMark);
  return at < 0 ? [text, ""] : [text.slice(0, at), text.slice(at + elementMark.length)];
};
