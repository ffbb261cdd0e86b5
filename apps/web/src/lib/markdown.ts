/**
 * Card descriptions are Markdown written by other people, so rendered HTML is untrusted.
 * Security: sanitize after rendering (marked passes raw HTML through), never the other way round.
 */
import createDOMPurify, { type WindowLike } from "dompurify";
import { Marked } from "marked";

const marked = new Marked({ gfm: true, breaks: true });

/** Builds a renderer bound to a window (the page's in the app, a test DOM in tests). */
export const createMarkdownRenderer = (window: WindowLike) => {
  const purify = createDOMPurify(window);
  // Links open in a new tab without handing the opener to the target page.
  purify.addHook("afterSanitizeAttributes", (node) => {
    if (node.tagName === "A" && node.getAttribute("href")) {
      node.setAttribute("target", "_blank");
      node.setAttribute("rel", "noopener noreferrer nofollow");
    }
  });
  return (source: string): string =>
    purify.sanitize(marked.parse(source, { async: false }), {
      USE_PROFILES: { html: true },
      FORBID_TAGS: ["style", "form", "input", "button", "textarea", "select", "iframe", "object", "embed"],
      FORBID_ATTR: ["style"],
    });
};

let render: ((source: string) => string) | null = null;

export const renderMarkdown = (source: string): string => {
  render ??= createMarkdownRenderer(window);
  return render(source);
};
