import { describe, expect, it } from "vitest";
import { renderMarkdown } from "../../lib/markdown";
import {
  draftToMarkup,
  insertMentionToken,
  isoToLocalInput,
  localInputToIso,
  markupToDraft,
  matchPeople,
  mentionQueryAt,
  mentionRanges,
  mentionsToHtml,
  mentionsToText,
  progressPercent,
  removeTokenBefore,
  urgencyClass,
} from "./coordination-helpers";

const ana = { userId: "0b6c2a4e-8f1d-4c4a-9a3e-1f2b3c4d5e6f", name: "Ana Lima", email: "ana@example.com" };
const bo = { userId: "1b6c2a4e-8f1d-4c4a-9a3e-1f2b3c4d5e6f", name: "Bo Chen", email: "bo@example.com" };

describe("mention autocomplete", () => {
  it("finds the @query before the caret", () => {
    expect(mentionQueryAt("Hello @an", 9)).toEqual({ start: 6, query: "an" });
    expect(mentionQueryAt("@", 1)).toEqual({ start: 0, query: "" });
    expect(mentionQueryAt("mail me@home", 12)).toBeNull();
    expect(mentionQueryAt("@ana done", 9)).toBeNull();
  });

  it("shows a picked person as @Name, puts the caret after it, and stores @[Name](id)", () => {
    const out = insertMentionToken({ text: "Hi @an please", refs: [] }, 3, 6, ana);
    expect(out.draft.text).toBe("Hi @Ana Lima please");
    expect(out.caret).toBe("Hi @Ana Lima ".length);
    expect(draftToMarkup(out.draft)).toBe(`Hi @[Ana Lima](${ana.userId}) please`);
  });

  it("reads stored markup back as tokens, and writes the same markup again", () => {
    const body = `@[Bo Chen](${bo.userId}) and @[Ana Lima](${ana.userId}): see @[Ana Lima](${ana.userId})`;
    const draft = markupToDraft(body);
    expect(draft.text).toBe("@Bo Chen and @Ana Lima: see @Ana Lima");
    expect(draftToMarkup(draft)).toBe(body);
    expect(mentionRanges(draft.text, draft.refs).map((r) => draft.text.slice(r.start, r.end))).toEqual([
      "@Bo Chen",
      "@Ana Lima",
      "@Ana Lima",
    ]);
  });

  it("stops being a mention once the name is edited or glued to other letters", () => {
    const refs = [{ name: "Ana Lima", userId: ana.userId }];
    expect(draftToMarkup({ text: "@Ana Lma hi", refs })).toBe("@Ana Lma hi");
    expect(draftToMarkup({ text: "@Ana Limas", refs })).toBe("@Ana Limas");
    expect(draftToMarkup({ text: "me@Ana Lima", refs })).toBe("me@Ana Lima");
  });

  it("prefers the longest name when one name starts another", () => {
    const refs = [
      { name: "Ana", userId: bo.userId },
      { name: "Ana Lima", userId: ana.userId },
    ];
    expect(draftToMarkup({ text: "@Ana Lima and @Ana", refs })).toBe(
      `@[Ana Lima](${ana.userId}) and @[Ana](${bo.userId})`,
    );
  });

  it("removes a whole token with one Backspace right after it", () => {
    const draft = { text: "Hi @Ana Lima", refs: [{ name: "Ana Lima", userId: ana.userId }] };
    expect(removeTokenBefore(draft, draft.text.length)).toEqual({
      draft: { text: "Hi ", refs: draft.refs },
      caret: 3,
    });
    expect(removeTokenBefore(draft, 5)).toBeNull();
  });

  it("matches people by name start first, then any word, then e-mail", () => {
    expect(matchPeople([bo, ana], "ch").map((p) => p.name)).toEqual(["Bo Chen"]);
    expect(matchPeople([bo, ana], "").map((p) => p.name)).toEqual(["Bo Chen", "Ana Lima"]);
    expect(matchPeople([bo, ana], "ana@").map((p) => p.name)).toEqual(["Ana Lima"]);
  });
});

describe("mention rendering", () => {
  it("renders a mention as a highlighted @Name, not a link", () => {
    const html = renderMarkdown(mentionsToHtml(`ping @[Ana Lima](${ana.userId}) **now**`));
    expect(html).toContain(`<span class="mention" data-user-id="${ana.userId}">@Ana Lima</span>`);
    expect(html).toContain("<strong>now</strong>");
    expect(html).not.toContain("<a");
  });

  it("marks my own mentions and escapes names", () => {
    const html = mentionsToHtml(`@[<img src=x onerror=alert(1)>](${ana.userId})`, ana.userId);
    expect(html).toContain("mention mention-me");
    expect(html).not.toContain("<img");
    expect(renderMarkdown(html)).not.toContain('onerror="');
  });

  it("reads as plain @Name in previews", () => {
    expect(mentionsToText(`hi @[Bo Chen](${bo.userId})`)).toBe("hi @Bo Chen");
  });
});

describe("urgency classes", () => {
  it("maps each urgency to its colour class", () => {
    expect(urgencyClass("due_soon")).toBe("due due-due-soon");
    expect(urgencyClass("overdue")).toBe("due due-overdue");
    expect(urgencyClass("done")).toBe("due due-done");
    expect(urgencyClass("none")).toBe("due");
  });
});

describe("progress display", () => {
  it("rounds without claiming 0 % or 100 % too early", () => {
    expect(progressPercent(0)).toBe(0);
    expect(progressPercent(0.004)).toBe(1);
    expect(progressPercent(0.5)).toBe(50);
    expect(progressPercent(0.999)).toBe(99);
    expect(progressPercent(1)).toBe(100);
    expect(progressPercent(Number.NaN)).toBe(0);
  });
});

describe("reminder times", () => {
  it("round-trips a local date-time through an ISO string with offset", () => {
    const iso = localInputToIso("2030-05-04T09:30");
    expect(iso).toMatch(/^2030-05-04T09:30:00[+-]\d\d:\d\d$/);
    expect(isoToLocalInput(iso as string)).toBe("2030-05-04T09:30");
    expect(localInputToIso("")).toBeNull();
  });
});
