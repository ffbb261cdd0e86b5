import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable } from "./unavailable.js";

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

describe("isDatabaseUnavailable", () => {
  it("recognises a lost or refused connection, however it is wrapped", () => {
    const refused = withCode("connect ECONNREFUSED 127.0.0.1:5432", "ECONNREFUSED");
    expect(isDatabaseUnavailable(refused)).toBe(true);
    // Node reports a refused localhost as an AggregateError of the IPv6 and IPv4 attempts.
    expect(isDatabaseUnavailable(new AggregateError([refused, refused], ""))).toBe(true);
    // drizzle wraps the driver's error as the cause of its own.
    const shutdown = withCode("terminating connection due to administrator command", "57P01");
    expect(isDatabaseUnavailable(new Error("Failed query: select 1", { cause: shutdown }))).toBe(true);
    expect(isDatabaseUnavailable(withCode("the database system is starting up", "57P03"))).toBe(true);
    expect(isDatabaseUnavailable(withCode("connection failure", "08006"))).toBe(true);
    expect(isDatabaseUnavailable(new Error("Connection terminated unexpectedly"))).toBe(true);
    expect(isDatabaseUnavailable(new Error("timeout exceeded when trying to connect"))).toBe(true);
  });

  it("leaves every other failure alone, so it stays a 4xx or a logged 500", () => {
    expect(isDatabaseUnavailable(withCode("duplicate key value violates unique constraint", "23505"))).toBe(
      false,
    );
    expect(isDatabaseUnavailable(withCode("deadlock detected", "40P01"))).toBe(false);
    expect(isDatabaseUnavailable(new TypeError("Cannot read properties of undefined"))).toBe(false);
    expect(isDatabaseUnavailable("ECONNREFUSED")).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
  });
});
