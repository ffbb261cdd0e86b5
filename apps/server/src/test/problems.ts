/** Assertions on problem+json answers, shared by the route suites. */
import type { Problem } from "@lattice/domain";
import type { LightMyRequestResponse } from "fastify";
import { expect } from "vitest";

/** Asserts a problem+json answer with this status and code (and, if given, these offending fields). */
export const expectProblem = (
  res: LightMyRequestResponse,
  status: number,
  code: string,
  fields?: string[],
): Problem => {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers["content-type"]).toMatch(/^application\/problem\+json/);
  const problem = res.json<Problem>();
  expect(problem).toMatchObject({ status, code });
  expect(typeof problem.detail).toBe("string");
  expect(problem.detail.length).toBeGreaterThan(0);
  expect(problem.type).toBe(`/problems/${code.replaceAll("_", "-")}`);
  if (fields) expect((problem.errors ?? []).map((e) => e.field).sort()).toEqual([...fields].sort());
  return problem;
};
