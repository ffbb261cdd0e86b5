import { describe, expect, it } from "vitest";
import { listenUrl } from "./listen-url.js";

describe("listenUrl", () => {
  it("names the configured host, so HOST=127.0.0.1 is what the log says", () => {
    expect(listenUrl("127.0.0.1", 3000)).toBe("http://127.0.0.1:3000");
    expect(listenUrl("lattice.internal", 8080)).toBe("http://lattice.internal:8080");
  });

  it("says localhost for a host that listens on every interface", () => {
    expect(listenUrl("0.0.0.0", 3000)).toBe("http://localhost:3000");
    expect(listenUrl("::", 3001)).toBe("http://localhost:3001");
  });

  it("brackets an IPv6 address", () => {
    expect(listenUrl("::1", 3000)).toBe("http://[::1]:3000");
  });
});
