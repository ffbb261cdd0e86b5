import { lazy, Suspense, useEffect } from "react";
import { BrowserRouter, Navigate, Route, Routes } from "react-router";
import { AppShell } from "./app-shell";
import { AccountPage } from "./features/account/account-page";
import { UnsubscribePage } from "./features/account/unsubscribe-page";
import { OutboxPage } from "./features/admin/outbox-page";
import { LoginPage, SignupPage } from "./features/auth/auth-pages";
import { ForgotPasswordPage, ResetPasswordPage } from "./features/auth/password-reset-pages";
import { RequireAuth } from "./features/auth/require-auth";
import { BoardPage } from "./features/board/board-page";
import { CalendarPage } from "./features/calendar/calendar-page";
import { HomePage, WorkspaceHomePage } from "./features/home/home-page";
import { InvitePage } from "./features/invitations/invite-page";
import { ListPage } from "./features/list/list-page";
import { MyWorkPage } from "./features/my-work/my-work-page";
import { AccountsPage } from "./features/people/accounts-page";
import { PublicWorkspacesPage } from "./features/people/public-workspaces-page";
import { SettingsPage } from "./features/workspace-settings/settings-page";
import { useSession } from "./store/session";
import { Toaster } from "./ui/toast";

// The chart views (and uPlot) load on first use, keeping them out of the main bundle.
const ForecastPage = lazy(() =>
  import("./features/charts/forecast-page").then((m) => ({ default: m.ForecastPage })),
);
const TimePage = lazy(() => import("./features/charts/time-page").then((m) => ({ default: m.TimePage })));
const FlowPage = lazy(() => import("./features/charts/flow-page").then((m) => ({ default: m.FlowPage })));
// frappe-gantt too.
const GanttPage = lazy(() => import("./features/gantt/gantt-page").then((m) => ({ default: m.GanttPage })));

export const App = () => {
  const load = useSession((s) => s.load);
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <BrowserRouter>
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route path="/signup" element={<SignupPage />} />
        <Route path="/invite" element={<InvitePage />} />
        <Route path="/forgot-password" element={<ForgotPasswordPage />} />
        <Route path="/reset-password" element={<ResetPasswordPage />} />
        <Route path="/unsubscribe" element={<UnsubscribePage />} />
        <Route
          element={
            <RequireAuth>
              <AppShell />
            </RequireAuth>
          }
        >
          <Route index element={<HomePage />} />
          <Route path="my-work" element={<MyWorkPage />} />
          <Route path="account" element={<AccountPage />} />
          <Route path="accounts" element={<AccountsPage />} />
          <Route path="public-workspaces" element={<PublicWorkspacesPage />} />
          <Route path="admin/outbox" element={<OutboxPage />} />
          <Route path="w/:workspaceId" element={<WorkspaceHomePage />} />
          <Route path="w/:workspaceId/settings" element={<SettingsPage />} />
          <Route path="w/:workspaceId/s/:spaceId" element={<BoardPage />} />
          <Route path="w/:workspaceId/s/:spaceId/c/:cardId" element={<BoardPage />} />
          <Route path="w/:workspaceId/s/:spaceId/list" element={<ListPage />} />
          <Route path="w/:workspaceId/s/:spaceId/list/c/:cardId" element={<ListPage />} />
          <Route path="w/:workspaceId/s/:spaceId/calendar" element={<CalendarPage />} />
          <Route path="w/:workspaceId/s/:spaceId/calendar/c/:cardId" element={<CalendarPage />} />
          {["gantt", "gantt/c/:cardId"].map((path) => (
            <Route
              key={path}
              path={`w/:workspaceId/s/:spaceId/${path}`}
              element={
                <Suspense fallback={null}>
                  <GanttPage />
                </Suspense>
              }
            />
          ))}
          <Route
            path="w/:workspaceId/s/:spaceId/forecast"
            element={
              <Suspense fallback={null}>
                <ForecastPage />
              </Suspense>
            }
          />
          <Route
            path="w/:workspaceId/s/:spaceId/time"
            element={
              <Suspense fallback={null}>
                <TimePage />
              </Suspense>
            }
          />
          <Route
            path="w/:workspaceId/s/:spaceId/flow"
            element={
              <Suspense fallback={null}>
                <FlowPage />
              </Suspense>
            }
          />
        </Route>
        <Route path="*" element={<Navigate to="/" replace />} />
      </Routes>
      <Toaster />
    </BrowserRouter>
  );
};
