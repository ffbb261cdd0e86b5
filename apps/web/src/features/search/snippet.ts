/** Splits a search snippet into plain and matched parts (`**word**`); rendered as text, never HTML. */
export interface SnippetPart {
  text: string;
  isMatch: boolean;
}

export const snippetParts = (snippet: string): SnippetPart[] => {
  const pieces = snippet.split("**");
  // An odd number of markers leaves the last one unpaired: show it as written.
  if (pieces.length % 2 === 0) {
    const last = pieces.pop() ?? "";
    pieces[pieces.length - 1] = `${pieces.at(-1) ?? ""}**${last}`;
  }
  return pieces
    .map((text, index) => ({ text, isMatch: index % 2 === 1 }))
    .filter((part) => part.text.length > 0);
};
