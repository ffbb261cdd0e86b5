/** How a folded statement's values are written into its text (see pg-transaction.ts). */
import { describe, expect, it } from "vitest";
import { inlineParameters } from "./pg-transaction.js";

describe("inlineParameters", () => {
  it("writes each $n as the literal of its value, as pg would send it as a parameter", () => {
    expect(
      inlineParameters("SELECT $1::uuid, $2, $3::int, $4, $5::uuid[], $6::timestamptz, $10", [
        "8b0e6c1e-7d5a-4f7e-9a43-2f7c7b1d2a10",
        null,
        42,
        true,
        ["a", 'b"c'],
        new Date("2026-01-02T03:04:05.000Z"),
        undefined,
        7,
        8,
        "tenth",
      ]),
    ).toBe(
      `SELECT '8b0e6c1e-7d5a-4f7e-9a43-2f7c7b1d2a10'::uuid, NULL, '42'::int, 'true',  E'{"a","b\\\\"c"}'::uuid[], '2026-01-02T03:04:05.000+00:00'::timestamptz, 'tenth'`,
    );
  });

  it("quotes what a value holds: quotes, backslashes, dollar signs, comment marks", () => {
    // pg's escapeLiteral writes a value with a backslash as an E'' string, the backslash doubled.
    expect(inlineParameters("SELECT $1", ["it's \\ $1 -- /* x"])).toBe(`SELECT  E'it''s \\\\ $1 -- /* x'`);
  });

  it("leaves $n alone inside quoted text, identifiers and comments of the statement", () => {
    expect(inlineParameters(`SELECT '$1', "a$1", x$1 -- $1\n, /* $1 */ $1`, ["v"])).toBe(
      `SELECT '$1', "a$1", x$1 -- $1\n, /* $1 */ 'v'`,
    );
  });

  it("refuses what it cannot write safely: binary values, dollar quotes, E strings, a missing value", () => {
    expect(inlineParameters("SELECT $1", [Buffer.from("x")])).toBeNull();
    expect(inlineParameters("SELECT $$x$$, $1", ["v"])).toBeNull();
    expect(inlineParameters("SELECT E'\\'', $1", ["v"])).toBeNull();
    expect(inlineParameters("SELECT $2", ["v"])).toBeNull();
  });

  it("sends a statement without values unchanged", () => {
    expect(inlineParameters("SELECT '$1'", [])).toBe("SELECT '$1'");
  });
});
