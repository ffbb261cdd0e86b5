// @vitest-environment node
// The DOM comes from this package's jsdom: the one vitest resolves from the repository root
// (jsdom 31) needs Node 22, and this repository runs on Node 20.
import { JSDOM } from "jsdom";
import { describe, expect, it } from "vitest";
import { createMarkdownRenderer } from "./markdown";

const renderMarkdown = createMarkdownRenderer(new JSDOM("<!doctype html>").window);

describe("renderMarkdown", () => {
  it("renders Markdown to HTML", () => {
    const html = renderMarkdown("# Title\n\n- **bold** item");
    expect(html).toContain("<h1>Title</h1>");
    expect(html).toContain("<strong>bold</strong>");
  });

  it("drops a <script> element so a description cannot run code", () => {
    const html = renderMarkdown("hello <script>window.pwned = true</script> world");
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toContain("pwned");
  });

  it("drops event-handler attributes such as onerror", () => {
    const html = renderMarkdown(
      '<img src="x" onerror="alert(1)"> and <a href="#" onclick="alert(2)">link</a>',
    );
    expect(html).not.toMatch(/onerror/i);
    expect(html).not.toMatch(/onclick/i);
    expect(html).toContain("<img");
  });

  it("neutralises javascript: links written in Markdown", () => {
    const html = renderMarkdown("[click](javascript:alert(1))");
    expect(html).not.toMatch(/javascript:/i);
  });

  it("opens links in a new tab without an opener", () => {
    const html = renderMarkdown("[docs](https://example.com)");
    expect(html).toContain('rel="noopener noreferrer nofollow"');
  });
});
