import type { ReactNode } from "react";
import { Navigate, useLocation } from "react-router";
import { useSession } from "../../store/session";
import { AppLoading } from "../../ui/skeleton";

/** Renders children for a logged-in user; sends everyone else to /login and back afterwards. */
export const RequireAuth = ({ children }: { children: ReactNode }) => {
  const status = useSession((s) => s.status);
  const location = useLocation();
  if (status === "unknown") {
    return <AppLoading />;
  }
  if (status === "anonymous") {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={next === "/" ? "/login" : `/login?next=${encodeURIComponent(next)}`} replace />;
  }
  return children;
};
