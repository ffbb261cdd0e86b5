import { type ReactNode, Suspense, useEffect } from "react";
import { BrowserRouter, matchPath, Navigate, Route, Routes } from "react-router";
import { fetchAhead } from "./api/client";
import { LoginPage, SignupPage } from "./features/auth/auth-pages";
import { RequireAuth } from "./features/auth/require-auth";
import { CardPanelOnDemand } from "./features/card-detail/lazy-card-panel";
import { useI18n } from "./lib/i18n/i18n";
import {
  type OnDemand,
  onDemand,
  preloadEveryPartWhenIdle,
  preloadForHref,
  preloadOnLinkTo,
  startLinkPreloading,
} from "./lib/on-demand";
import { useSession } from "./store/session";
import { AppLoading, AuthSkeleton, BoardPageSkeleton, PageSkeleton } from "./ui/skeleton";
import { Toaster } from "./ui/toast";

// The entry holds React, the router, the session and sign-in. The signed-in frame (sidebar, top bar)
// and the board start loading as soon as the app starts (see `preloadFirstScreen`), beside the
// session check; every other page loads when first opened, or before that when the browser is idle or
// a link to it is hovered (docs/ARCHITECTURE.md, Loading).
const AppShell = onDemand(
  () => import("./app-shell"),
  (m) => m.AppShell,
);
const BoardPage = onDemand(
  () => import("./features/board/board-page"),
  (m) => m.BoardPage,
);
const InvitePage = onDemand(
  () => import("./features/invitations/invite-page"),
  (m) => m.InvitePage,
);
const UnsubscribePage = onDemand(
  () => import("./features/account/unsubscribe-page"),
  (m) => m.UnsubscribePage,
);
const ForgotPasswordPage = onDemand(
  () => import("./features/auth/password-reset-pages"),
  (m) => m.ForgotPasswordPage,
);
const ResetPasswordPage = onDemand(
  () => import("./features/auth/password-reset-pages"),
  (m) => m.ResetPasswordPage,
);
const HomePage = onDemand(
  () => import("./features/home/home-page"),
  (m) => m.HomePage,
);
const WorkspaceHomePage = onDemand(
  () => import("./features/home/home-page"),
  (m) => m.WorkspaceHomePage,
);
const MyWorkPage = onDemand(
  () => import("./features/my-work/my-work-page"),
  (m) => m.MyWorkPage,
);
const AccountPage = onDemand(
  () => import("./features/account/account-page"),
  (m) => m.AccountPage,
);
const AccountsPage = onDemand(
  () => import("./features/people/accounts-page"),
  (m) => m.AccountsPage,
);
const PublicWorkspacesPage = onDemand(
  () => import("./features/people/public-workspaces-page"),
  (m) => m.PublicWorkspacesPage,
);
const OutboxPage = onDemand(
  () => import("./features/admin/outbox-page"),
  (m) => m.OutboxPage,
);
const SettingsPage = onDemand(
  () => import("./features/workspace-settings/settings-page"),
  (m) => m.SettingsPage,
);
const ListPage = onDemand(
  () => import("./features/list/list-page"),
  (m) => m.ListPage,
);
const CalendarPage = onDemand(
  () => import("./features/calendar/calendar-page"),
  (m) => m.CalendarPage,
);
const GanttPage = onDemand(
  () => import("./features/gantt/gantt-page"),
  (m) => m.GanttPage,
);
const ForecastPage = onDemand(
  () => import("./features/charts/forecast-page"),
  (m) => m.ForecastPage,
);
const TimePage = onDemand(
  () => import("./features/charts/time-page"),
  (m) => m.TimePage,
);
const WorkloadPage = onDemand(
  () => import("./features/workload/workload-page"),
  (m) => m.WorkloadPage,
);
const FlowPage = onDemand(
  () => import("./features/charts/flow-page"),
  (m) => m.FlowPage,
);
const AgingPage = onDemand(
  () => import("./features/charts/aging-page"),
  (m) => m.AgingPage,
);

/** Pages inside the shell loaded on demand, by path (a card's address opens its panel over the view). */
const shellPages: Array<{ paths: string[]; page: OnDemand<object> }> = [
  { paths: [""], page: HomePage },
  // My space and My blockers share the personal pages' part (no bytes of their own on the first screen).
  { paths: ["my-work", "my-space", "my-blockers"], page: MyWorkPage },
  { paths: ["account"], page: AccountPage },
  { paths: ["accounts"], page: AccountsPage },
  { paths: ["public-workspaces"], page: PublicWorkspacesPage },
  { paths: ["admin/outbox"], page: OutboxPage },
  { paths: ["w/:workspaceId"], page: WorkspaceHomePage },
  { paths: ["w/:workspaceId/settings"], page: SettingsPage },
  { paths: ["w/:workspaceId/s/:spaceId/list", "w/:workspaceId/s/:spaceId/list/c/:cardId"], page: ListPage },
  {
    paths: ["w/:workspaceId/s/:spaceId/calendar", "w/:workspaceId/s/:spaceId/calendar/c/:cardId"],
    page: CalendarPage,
  },
  {
    paths: ["w/:workspaceId/s/:spaceId/gantt", "w/:workspaceId/s/:spaceId/gantt/c/:cardId"],
    page: GanttPage,
  },
  { paths: ["w/:workspaceId/s/:spaceId/forecast"], page: ForecastPage },
  { paths: ["w/:workspaceId/s/:spaceId/time"], page: TimePage },
  { paths: ["w/:workspaceId/s/:spaceId/flow"], page: FlowPage },
  { paths: ["w/:workspaceId/s/:spaceId/aging"], page: AgingPage },
  {
    paths: [
      "w/:workspaceId/workload",
      "w/:workspaceId/f/:folderId/workload",
      "w/:workspaceId/s/:spaceId/workload",
    ],
    page: WorkloadPage,
  },
];
const signedOutPages: Array<{ path: string; page: OnDemand<object> }> = [
  { path: "/invite", page: InvitePage },
  { path: "/forgot-password", page: ForgotPasswordPage },
  { path: "/reset-password", page: ResetPasswordPage },
  { path: "/unsubscribe", page: UnsubscribePage },
];

for (const { paths, page } of shellPages) {
  for (const path of paths) preloadOnLinkTo(`/${path}`, page);
}
for (const { path, page } of signedOutPages) preloadOnLinkTo(path, page);
preloadOnLinkTo("/w/:workspaceId/s/:spaceId", BoardPage);
preloadOnLinkTo("/w/:workspaceId/s/:spaceId/c/:cardId", BoardPage);
preloadOnLinkTo("/w/:workspaceId/s/:spaceId/c/:cardId", CardPanelOnDemand);
for (const view of ["list", "calendar", "gantt"]) {
  preloadOnLinkTo(`/w/:workspaceId/s/:spaceId/${view}/c/:cardId`, CardPanelOnDemand);
}

const signedOutPaths = ["/login", "/signup", ...signedOutPages.map((p) => p.path)];

/**
 * Called before the first render: a signed-in address starts fetching the frame and, for a board,
 * the board, while React starts and the session is checked, so they are not a round trip behind.
 */
export const preloadFirstScreen = (location: { pathname: string }) => {
  if (signedOutPaths.includes(location.pathname)) return;
  void AppShell.preload().catch(() => undefined);
  preloadForHref(location.pathname);
  // The board snapshot (read by the board, list, calendar and Gantt) is the slowest reply of the
  // first screen: it is asked for now too, and read into the board store as soon as it and the
  // store's code are in (checking and indexing thousands of cards then overlaps the session check
  // and the frame's first render instead of following them).
  const space = matchPath({ path: "/w/:workspaceId/s/:spaceId/*" }, location.pathname);
  const view = space?.params["*"]?.split("/")[0] ?? "";
  const spaceId = space?.params.spaceId;
  if (spaceId && ["", "c", "list", "calendar", "gantt"].includes(view)) {
    fetchAhead(`/api/spaces/${spaceId}/board`);
    void import("./store/board")
      .then(({ useBoard }) => useBoard.getState().loadAhead(spaceId))
      .catch(() => undefined);
  }
};

const Loading = ({ fallback, children }: { fallback: ReactNode; children: ReactNode }) => (
  <Suspense fallback={fallback}>{children}</Suspense>
);

export const App = () => {
  const load = useSession((s) => s.load);
  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => startLinkPreloading(), []);
  // The rest of the app is fetched in idle time once someone is signed in (not for a visitor at sign-in).
  const isSignedIn = useSession((s) => s.status === "authenticated");
  useEffect(() => (isSignedIn ? preloadEveryPartWhenIdle() : undefined), [isSignedIn]);
  // Every screen speaks the person's language: nothing renders before its messages are in.
  const hasMessages = useI18n((s) => s.translator !== null);
  if (!hasMessages) return <AppLoading />;

  return (
    <BrowserRouter>
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route path="/signup" element={<SignupPage />} />
        {signedOutPages.map(({ path, page: Page }) => (
          <Route
            key={path}
            path={path}
            element={
              <Loading fallback={<AuthSkeleton />}>
                <Page />
              </Loading>
            }
          />
        ))}
        <Route
          element={
            <RequireAuth>
              <Loading fallback={<AppLoading />}>
                <AppShell />
              </Loading>
            </RequireAuth>
          }
        >
          {["w/:workspaceId/s/:spaceId", "w/:workspaceId/s/:spaceId/c/:cardId"].map((path) => (
            <Route
              key={path}
              path={path}
              element={
                <Loading fallback={<BoardPageSkeleton />}>
                  <BoardPage />
                </Loading>
              }
            />
          ))}
          {shellPages.flatMap(({ paths, page: Page }) =>
            paths.map((path) => (
              <Route
                key={path}
                {...(path === "" ? { index: true } : { path })}
                element={
                  <Loading fallback={<PageSkeleton />}>
                    <Page />
                  </Loading>
                }
              />
            )),
          )}
        </Route>
        <Route path="*" element={<Navigate to="/" replace />} />
      </Routes>
      <Toaster />
    </BrowserRouter>
  );
};
