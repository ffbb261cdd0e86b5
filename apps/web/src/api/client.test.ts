import { userSchema } from "@lattice/domain";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError, parseProblem, request, requestEmpty } from "./client";

const problem = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/problem+json" } });

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("parseProblem", () => {
  it("reads code, status, detail and field errors from problem+json", async () => {
    const error = await parseProblem(
      problem(400, {
        type: "/problems/validation-failed",
        title: "The request is not valid",
        status: 400,
        detail: "password: must be at least 8 characters",
        code: "validation_failed",
        errors: [
          { field: "body.password", message: "must be at least 8 characters" },
          { field: "body.email", message: "must be an email address" },
        ],
      }),
    );
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(400);
    expect(error.code).toBe("validation_failed");
    expect(error.detail).toBe("password: must be at least 8 characters");
    expect(error.fieldErrors()).toEqual({
      password: "must be at least 8 characters",
      email: "must be an email address",
    });
  });

  it("falls back to the title when there is no detail", async () => {
    const error = await parseProblem(
      problem(409, { title: "A workspace needs at least one owner", status: 409, code: "last_owner" }),
    );
    expect(error.code).toBe("last_owner");
    expect(error.message).toBe("A workspace needs at least one owner");
  });

  it("copes with a non-JSON error body (a proxy's HTML page)", async () => {
    const error = await parseProblem(new Response("<html>Bad gateway</html>", { status: 502 }));
    expect(error.status).toBe(502);
    expect(error.code).toBe("internal");
    expect(error.errors).toEqual([]);
  });
});

describe("request", () => {
  it("sends JSON with an Idempotency-Key on mutations and validates the reply", async () => {
    const user = {
      id: "5b8c3d0e-8a8f-4c1e-9a55-2f7f1c0c4b11",
      email: "a@example.com",
      name: "A",
      isAdmin: false,
      color: null,
      locale: "en",
      timeZone: null,
      theme: "system",
      createdAt: "2024-01-01T00:00:00.000Z",
    };
    const fetchMock = vi.fn(async () => new Response(JSON.stringify(user), { status: 201 }));
    vi.stubGlobal("fetch", fetchMock);
    const result = await request("POST", "/api/auth/signup", userSchema, {
      body: { email: "a@example.com" },
    });
    expect(result).toEqual(user);
    const [, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    const headers = init.headers as Record<string, string>;
    expect(headers["Idempotency-Key"]).toMatch(/^[0-9a-f-]{36}$/);
    expect(headers["Content-Type"]).toBe("application/json");
    expect(init.credentials).toBe("same-origin");
  });

  it("marks every mutation, even one without a body, with the X-Lattice-Client header", async () => {
    const fetchMock = vi.fn(async () => new Response(null, { status: 204 }));
    vi.stubGlobal("fetch", fetchMock);
    for (const method of ["POST", "PUT", "PATCH", "DELETE"] as const) await requestEmpty(method, "/api/x");
    await requestEmpty("GET", "/api/x");
    const sent = fetchMock.mock.calls.map(
      (call) =>
        ((call as unknown as [string, RequestInit])[1].headers as Record<string, string>)["X-Lattice-Client"],
    );
    expect(sent).toEqual(["web", "web", "web", "web", undefined]);
  });

  it("does not send an Idempotency-Key on reads", async () => {
    const fetchMock = vi.fn(async () => new Response(null, { status: 204 }));
    vi.stubGlobal("fetch", fetchMock);
    await requestEmpty("GET", "/api/x");
    const [, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect((init.headers as Record<string, string>)["Idempotency-Key"]).toBeUndefined();
  });

  it("turns a reply that breaks the contract into an ApiError", async () => {
    vi.stubGlobal("fetch", async () => new Response(JSON.stringify({ id: 1 }), { status: 200 }));
    await expect(request("GET", "/api/me", userSchema)).rejects.toMatchObject({ code: "bad_reply" });
  });

  it("turns a network failure into an ApiError a person can read", async () => {
    vi.stubGlobal("fetch", async () => {
      throw new TypeError("Failed to fetch");
    });
    await expect(requestEmpty("POST", "/api/auth/logout")).rejects.toMatchObject({
      code: "network",
      status: 0,
    });
  });
});
