/**
 * Runs the test OpenID provider (apps/server/src/test/oidc-provider.ts) as a process, for the browser
 * journeys: `OIDC_PROVIDER_PORT` and the app's callback `OIDC_REDIRECT` come from the environment.
 * Anyone may sign in at its page with any login name; their e-mail is `<login>@example.test`.
 */
import { startTestProvider } from "../apps/server/src/test/oidc-provider.js";

const port = Number(process.env.OIDC_PROVIDER_PORT ?? 4400);
const redirect = process.env.OIDC_REDIRECT ?? "http://localhost:3000/api/auth/oidc/callback";
const provider = await startTestProvider({ port, redirectUris: [redirect] });
console.log(`test OpenID provider at ${provider.issuer} for ${redirect}`);
const stop = () => {
  void provider.close().then(() => process.exit(0));
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
