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
import { translate, useTranslator } from "../../lib/i18n/i18n";
import { Button } from "../../ui/button";
import { AuthCard } from "../invitations/invite-page";

/** What the link stops: "the daily digest", "e-mails about mentions of you". */
const stopWhat = (scope: UnsubscribeScope) => translate("unsubscribe.scope", { scope });

export const UnsubscribePage = () => {
  const location = useLocation();
  const token = decodeURIComponent(location.hash.replace(/^#/, ""));
  const [state, setState] = useState<UnsubscribeState | null>(null);
  const { t } = useTranslator();
  const [linkError, setLinkError] = useState<string | null>(token ? null : t("auth.reset.incomplete"));
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
      <Link to="/account#notifications">{t("unsubscribe.chooseMessages")}</Link>{" "}
      {t("unsubscribe.afterSignIn")}
    </p>
  );
  if (linkError)
    return (
      <AuthCard title={t("auth.reset.brokenTitle")} subtitle={linkError}>
        {settings}
      </AuthCard>
    );
  if (!state) return <AuthCard title={t("unsubscribe.title")} subtitle={t("unsubscribe.reading")} />;
  if (state.isOff)
    return (
      <AuthCard
        title={t("unsubscribe.done")}
        subtitle={t("unsubscribe.doneSubtitle", { what: stopWhat(state.scope) })}
      >
        {settings}
      </AuthCard>
    );
  return (
    <AuthCard
      title={t("unsubscribe.title")}
      subtitle={t("unsubscribe.question", { what: stopWhat(state.scope) })}
    >
      <Button variant="primary" className="auth-submit" isBusy={isBusy} onClick={() => void handleStop()}>
        {t("unsubscribe.stop", { what: stopWhat(state.scope) })}
      </Button>
      {settings}
    </AuthCard>
  );
};
