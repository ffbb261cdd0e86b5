/**
 * Where an unsubscribe link from a message lands (`/unsubscribe#<token>`, after the server's redirect):
 * it says what the link stops and turns it off only when the person clicks, so a link scanner that
 * opens every link in a message unsubscribes no one. No sign-in needed.
 */
import type { UnsubscribeScope, UnsubscribeState } from "@lattice/domain";
import { useEffect, useState } from "react";
import { Link, useLocation } from "react-router";
import { ApiError, describeError } from "../../api/client";
import { mailApi } from "../../api/mail";
import { Button } from "../../ui/button";
import { AuthCard } from "../invitations/invite-page";

const scopeWords: Record<UnsubscribeScope, string> = {
  mentioned: "mentions of you",
  assigned: "being made responsible or a co-worker",
  reminder: "your reminders",
  blocked: "your cards being blocked or unblocked",
  commented: "comments on cards you follow",
  status_changed: "status changes of cards you follow",
  digest: "the daily digest",
};

const stopWhat = (scope: UnsubscribeScope) =>
  scope === "digest" ? "the daily digest" : `e-mails about ${scopeWords[scope]}`;

export const UnsubscribePage = () => {
  const location = useLocation();
  const token = decodeURIComponent(location.hash.replace(/^#/, ""));
  const [state, setState] = useState<UnsubscribeState | null>(null);
  const [linkError, setLinkError] = useState<string | null>(
    token ? null : "This link is incomplete. Copy the whole link from the message.",
  );
  const [isBusy, setIsBusy] = useState(false);

  useEffect(() => {
    if (!token) return;
    let isCurrent = true;
    mailApi
      .previewUnsubscribe(token)
      .then((s) => isCurrent && setState(s))
      .catch((error: unknown) => {
        if (isCurrent) setLinkError(error instanceof ApiError ? error.detail : describeError(error));
      });
    return () => {
      isCurrent = false;
    };
  }, [token]);

  const handleStop = async () => {
    setIsBusy(true);
    try {
      setState(await mailApi.unsubscribe(token));
    } catch (error) {
      setLinkError(error instanceof ApiError ? error.detail : describeError(error));
    } finally {
      setIsBusy(false);
    }
  };

  const settings = (
    <p className="auth-switch muted">
      <Link to="/account#notifications">Choose which messages you get</Link> (after signing in)
    </p>
  );
  if (linkError)
    return (
      <AuthCard title="This link does not work" subtitle={linkError}>
        {settings}
      </AuthCard>
    );
  if (!state) return <AuthCard title="Unsubscribe" subtitle="Reading the link…" />;
  if (state.isOff)
    return (
      <AuthCard
        title="You are unsubscribed"
        subtitle={`You will get no more ${stopWhat(state.scope)}. Notifications stay in the app.`}
      >
        {settings}
      </AuthCard>
    );
  return (
    <AuthCard
      title="Unsubscribe"
      subtitle={`Stop ${stopWhat(state.scope)}? You can turn it back on in your account.`}
    >
      <Button variant="primary" className="auth-submit" isBusy={isBusy} onClick={() => void handleStop()}>
        Stop {stopWhat(state.scope)}
      </Button>
      {settings}
    </AuthCard>
  );
};
