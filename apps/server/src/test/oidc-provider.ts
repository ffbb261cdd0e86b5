/**
 * A real OpenID Connect provider for tests (the `oidc-provider` package) on a local port: its own
 * login page (the package's development pages: any login name, any password), one registered client,
 * and people whose e-mail the test chooses. Consent is taken as given, as a company's own provider
 * does for its own applications.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import Provider, { type KoaContextWithOIDC } from "oidc-provider";

export interface TestPerson {
  email: string;
  name: string;
  emailVerified?: boolean;
}

/**
 * Plays the person's browser at the provider: follows redirects from `authorizationUrl`, signs in
 * on its login page as `login`, and returns the URL the provider sends the browser back to.
 */
export const signInAtProvider = async (authorizationUrl: string, login: string): Promise<URL> => {
  const cookies = new Map<string, string>();
  let url = new URL(authorizationUrl);
  let init: RequestInit = {};
  const origin = url.origin;
  for (let hop = 0; hop < 20; hop++) {
    const res = await fetch(url, {
      ...init,
      redirect: "manual",
      headers: {
        ...(init.headers as Record<string, string> | undefined),
        cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join("; "),
      },
    });
    for (const line of res.headers.getSetCookie()) {
      const [pair = ""] = line.split(";");
      const eq = pair.indexOf("=");
      cookies.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
    init = {};
    const location = res.headers.get("location");
    if (res.status >= 300 && res.status < 400 && location) {
      const next = new URL(location, url);
      if (next.origin !== origin) return next;
      url = next;
      continue;
    }
    const html = await res.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    const prompt = /name="prompt" value="(\w+)"/.exec(html)?.[1];
    if (res.status !== 200 || !action || !prompt)
      throw new Error(`unexpected provider page ${res.status} at ${url.pathname}: ${html.slice(0, 200)}`);
    url = new URL(action, url);
    init = {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ prompt, login, password: "any" }).toString(),
    };
  }
  throw new Error("too many redirects at the provider");
};

export interface TestProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** People by login name; a login name not listed signs in as `<login>@example.test`, verified. */
  people: Map<string, TestPerson>;
  /** Stops answering (a provider that is down); `start` answers again on the same port. */
  stop(): Promise<void>;
  start(): Promise<void>;
  close(): Promise<void>;
}

export const startTestProvider = async (options: {
  redirectUris: string[];
  port?: number;
  clientId?: string;
  clientSecret?: string;
}): Promise<TestProvider> => {
  const clientId = options.clientId ?? "lattice";
  const clientSecret = options.clientSecret ?? "lattice-test-secret";
  const people = new Map<string, TestPerson>();
  let handler: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => res.end();
  const server = createServer((req, res) => handler(req, res));
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  const issuer = `http://127.0.0.1:${port}`;

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: options.redirectUris,
        token_endpoint_auth_method: "client_secret_post",
      },
    ],
    cookies: { keys: ["lattice-test-provider-cookie-key"] },
    claims: { email: ["email", "email_verified"], profile: ["name"] },
    pkce: { required: () => true },
    findAccount: (_ctx, id) => {
      const person = people.get(id) ?? { email: `${id}@example.test`, name: id };
      return {
        accountId: id,
        claims: () => ({
          sub: id,
          email: person.email,
          email_verified: person.emailVerified ?? true,
          name: person.name,
        }),
      };
    },
    // Consent is implied for this one client: no consent page after the login page.
    loadExistingGrant: async (ctx: KoaContextWithOIDC) => {
      const session = ctx.oidc.session;
      const client = ctx.oidc.client;
      if (!session?.accountId || !client) return undefined;
      const grant = new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId: session.accountId });
      grant.addOIDCScope("openid email profile");
      grant.addOIDCClaims(["email", "email_verified", "name"]);
      await grant.save();
      return grant;
    },
  });
  // Plain http on 127.0.0.1: no proxy in front, cookies without Secure.
  provider.proxy = false;
  const callback = provider.callback();

  const isStopped = { value: false };
  handler = (req, res) => {
    if (isStopped.value) {
      // A provider that is down: the connection is dropped without an answer.
      req.socket.destroy();
      return;
    }
    callback(req, res);
  };

  return {
    issuer,
    clientId,
    clientSecret,
    people,
    stop: async () => {
      isStopped.value = true;
      server.closeIdleConnections();
    },
    start: async () => {
      isStopped.value = false;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
};
