/**
 * Bold values inside a translated sentence ("… invited **ana@example.org** to join **Clinic** …"):
 * the message is translated with each such value wrapped by `strong`, and `emphasize` turns the
 * wrapped parts into <strong>, wherever the language puts them.
 */
import type { ReactNode } from "react";

const open = "\uE000";
const close = "\uE001";

export const strong = (value: string) => `${open}${value}${close}`;

export const emphasize = (text: string): ReactNode =>
  text
    .split(/\uE000|\uE001/)
    // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one sentence, in order
    .map((part, index) => (index % 2 === 1 ? <strong key={index}>{part}</strong> : part));
