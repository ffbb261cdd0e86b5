/**
 * Single sign-on through OpenID Connect: the authorization code flow with PKCE (openid-client).
 *
 * Start: a random state, nonce and PKCE verifier; the verifier and nonce stay in the database
 * (`sign_in_attempts`, keyed by a hash of the state), the state also goes into an httpOnly cookie
 * of this browser. Callback: the cookie's state must be the one the provider sends back (so a
 * callback started in another browser is refused), the attempt is deleted as it is read (single
 * use), and openid-client checks the state, the nonce and the ID token before the code is trusted.
 *
 * The person is found by the provider's stable subject; a first sign-in links the account that
 * has the same e-mail if the provider says it is verified, or creates one. With SIGNUP_MODE=invitation
 * a new account (past the administrator) needs a pending invitation to that verified address, and is
 * made together with accepting it, in one transaction. Every way out that is not a session changes
 * nothing but the spent attempt.
 */
import { createHash } from "node:crypto";
import { type Database, type MutationContext, runMutation, tables, toUser } from "@lattice/db";
import { type DomainEvent, limits, type SignupMode, type User } from "@lattice/domain";
import { and, count, eq, lte, sql } from "drizzle-orm";
import * as client from "openid-client";
import { acceptPendingInvitationsFor } from "../commands/invitations.js";
import type { OidcConfig } from "../config.js";

/** What a failed sign-in tells the login page; each has a sentence there. */
export const SsoFailure = {
  unavailable: "unavailable",
  state: "state",
  rejected: "rejected",
  denied: "denied",
  domain: "domain",
  unverified: "unverified",
  deactivated: "deactivated",
  invitation: "invitation",
} as const;
export type SsoFailure = (typeof SsoFailure)[keyof typeof SsoFailure];

export class SsoError extends Error {
  constructor(
    readonly failure: SsoFailure,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "SsoError";
  }
}

const ATTEMPT_TTL_MS = 10 * 60_000;
const PROVIDER_TIMEOUT_SECONDS = 10;

export const hashState = (state: string): string => createHash("sha256").update(state).digest("base64url");

/** A path of this site to land on; anything else (another site, a protocol-relative URL) is "/". */
export const safeReturnTo = (value: string | undefined): string => {
  if (!value || value.length > 500) return "/";
  if (!value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return "/";
  return value;
};

/** True when the failure is the provider not answering (network, timeout, its own 5xx). */
const isUnreachable = (error: unknown): boolean => {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 6; e = e.cause, depth++) {
    if (e.name === "AbortError" || e.name === "TimeoutError") return true;
    if (e instanceof TypeError && /fetch failed|network/i.test(e.message)) return true;
    const code = (e as { code?: unknown }).code;
    if (
      typeof code === "string" &&
      /^(ECONNREFUSED|ECONNRESET|ENOTFOUND|ETIMEDOUT|EAI_AGAIN|UND_ERR)/.test(code)
    )
      return true;
    const status = (e as { status?: unknown }).status;
    if (typeof status === "number" && status >= 500) return true;
  }
  return false;
};

export class OidcSignIn {
  /** The provider's metadata, fetched once it answers; a failed discovery is retried next time. */
  private configuration: Promise<client.Configuration> | null = null;

  constructor(
    private readonly db: Database,
    readonly config: OidcConfig,
    private readonly signupMode: SignupMode = "open",
  ) {}

  private discover(): Promise<client.Configuration> {
    if (!this.configuration) {
      const isHttp = new URL(this.config.issuer).protocol === "http:";
      this.configuration = client
        .discovery(
          new URL(this.config.issuer),
          this.config.clientId,
          undefined,
          this.config.clientSecret ? client.ClientSecretPost(this.config.clientSecret) : client.None(),
          {
            timeout: PROVIDER_TIMEOUT_SECONDS,
            // Plain http is accepted by the configuration only for a provider on this machine.
            ...(isHttp ? { execute: [client.allowInsecureRequests] } : {}),
          },
        )
        .catch((error: unknown) => {
          this.configuration = null;
          throw new SsoError(SsoFailure.unavailable, "The sign-on provider did not answer", { cause: error });
        });
    }
    return this.configuration;
  }

  /** Records an attempt and returns the provider's authorization URL and the state for the cookie. */
  async start(redirectUri: string, returnTo: string): Promise<{ url: URL; state: string }> {
    const configuration = await this.discover();
    const state = client.randomState();
    const nonce = client.randomNonce();
    const codeVerifier = client.randomPKCECodeVerifier();
    const codeChallenge = await client.calculatePKCECodeChallenge(codeVerifier);
    await this.db.transaction(async (tx) => {
      // Attempts nobody finished are forgotten here, so the table stays as small as the traffic.
      await tx.delete(tables.signInAttempts).where(lte(tables.signInAttempts.expiresAt, new Date()));
      await tx.insert(tables.signInAttempts).values({
        stateHash: hashState(state),
        codeVerifier,
        nonce,
        returnTo: safeReturnTo(returnTo),
        expiresAt: new Date(Date.now() + ATTEMPT_TTL_MS),
      });
    });
    const url = client.buildAuthorizationUrl(configuration, {
      redirect_uri: redirectUri,
      scope: "openid email profile",
      code_challenge: codeChallenge,
      code_challenge_method: "S256",
      state,
      nonce,
    });
    return { url, state };
  }

  /**
   * Finishes the attempt named by the callback: returns the signed-in person, where to land and the
   * events of invitations accepted on the way (for the hub). Throws SsoError for every refusal.
   */
  async finish(
    callbackUrl: URL,
    cookieState: string | undefined,
    /** The language a new account starts in (the browser's, when shipped); null: English. */
    locale: string | null = null,
  ): Promise<{ user: User; returnTo: string; events: DomainEvent[] }> {
    const state = callbackUrl.searchParams.get("state") ?? "";
    if (!state || !cookieState || state !== cookieState)
      throw new SsoError(SsoFailure.state, "The sign-in did not start in this browser");
    // Single use: the attempt is gone whatever happens next.
    const [attempt] = await this.db
      .delete(tables.signInAttempts)
      .where(eq(tables.signInAttempts.stateHash, hashState(state)))
      .returning();
    if (!attempt || attempt.expiresAt.getTime() <= Date.now())
      throw new SsoError(SsoFailure.state, "The sign-in attempt is unknown, used or expired");
    const providerError = callbackUrl.searchParams.get("error");
    if (providerError)
      throw new SsoError(SsoFailure.denied, `The provider answered: ${providerError.slice(0, 100)}`);
    const configuration = await this.discover();
    let claims: { sub: string; email?: unknown; email_verified?: unknown; name?: unknown };
    try {
      const tokens = await client.authorizationCodeGrant(configuration, callbackUrl, {
        pkceCodeVerifier: attempt.codeVerifier,
        expectedState: state,
        expectedNonce: attempt.nonce,
        idTokenExpected: true,
      });
      const idClaims = tokens.claims();
      if (!idClaims) throw new Error("no ID token");
      claims = { ...idClaims };
      // Many providers put e-mail and name only in the userinfo answer when an access token is issued.
      if (claims.email === undefined) {
        const info = await client.fetchUserInfo(configuration, tokens.access_token, idClaims.sub);
        claims = { ...info, sub: idClaims.sub };
      }
    } catch (error) {
      if (isUnreachable(error))
        throw new SsoError(SsoFailure.unavailable, "The sign-on provider did not answer", { cause: error });
      throw new SsoError(SsoFailure.rejected, "The provider's answer did not check out", { cause: error });
    }
    const { result: user, events } = await runMutation(this.db, { actorId: null, mutationId: null }, (ctx) =>
      this.account(ctx, claims, locale),
    );
    return { user, returnTo: attempt.returnTo, events };
  }

  private async account(
    ctx: MutationContext,
    claims: {
      sub: string;
      email?: unknown;
      email_verified?: unknown;
      name?: unknown;
    },
    locale: string | null,
  ): Promise<User> {
    const email = typeof claims.email === "string" ? claims.email.trim().toLowerCase() : null;
    const domain = email?.split("@").pop() ?? null;
    if (this.config.allowedDomains.length > 0 && (!domain || !this.config.allowedDomains.includes(domain)))
      throw new SsoError(SsoFailure.domain, "This e-mail domain may not sign in here");
    const issuer = this.config.issuer;
    const { tx } = ctx;
    // The same lock as password signups: exactly one first account becomes the administrator.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('lattice:signup'))`);
    const [linked] = await tx
      .select({ user: tables.users })
      .from(tables.identities)
      .innerJoin(tables.users, eq(tables.users.id, tables.identities.userId))
      .where(and(eq(tables.identities.issuer, issuer), eq(tables.identities.subject, claims.sub)));
    let row = linked?.user;
    if (!row) {
      // Security: linking to an account by e-mail (or taking an address) needs the provider's word.
      if (!email || claims.email_verified !== true || email.length > limits.emailMax)
        throw new SsoError(SsoFailure.unverified, "The provider did not vouch for an e-mail address");
      const [existing] = await tx
        .select()
        .from(tables.users)
        .where(eq(sql`lower(${tables.users.email})`, email));
      if (existing) row = existing;
      else {
        const [{ value: userCount } = { value: 0 }] = await tx.select({ value: count() }).from(tables.users);
        const name =
          (typeof claims.name === "string" ? claims.name.replaceAll("\u0000", "").trim() : "") ||
          email.split("@")[0] ||
          email;
        const [created] = await tx
          .insert(tables.users)
          .values({
            email,
            name: name.slice(0, limits.nameMax),
            passwordHash: null,
            isAdmin: userCount === 0,
            ...(locale ? { locale } : {}),
          })
          .returning();
        row = created;
        // By invitation, past the administrator: a newcomer needs a pending invitation to this
        // verified address, and signing on accepts it (them) as following the link would.
        if (created && this.signupMode === "invitation" && userCount > 0) {
          const accepted = await acceptPendingInvitationsFor(ctx, toUser(created));
          if (accepted.length === 0)
            throw new SsoError(SsoFailure.invitation, "Nobody has invited this e-mail address");
        }
      }
      if (!row) throw new Error("insert returned no row");
      await tx.insert(tables.identities).values({ issuer, subject: claims.sub, userId: row.id });
    }
    if (row.deactivatedAt) throw new SsoError(SsoFailure.deactivated, "This account has been deactivated");
    return toUser(row);
  }
}
