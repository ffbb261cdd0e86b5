import { useI18n, useTranslator } from "../lib/i18n/i18n";
export const Skeleton = ({ width = "100%", height = 14 }: { width?: number | string; height?: number }) => (
  <span className="skeleton" style={{ width, height }} aria-hidden="true" />
);

/** A board-shaped placeholder while the snapshot loads. */
export const BoardSkeleton = () => (
  <div
    className="board-columns"
    role="status"
    aria-busy="true"
    aria-label={useTranslator().t("common.loadingBoard")}
  >
    {[4, 2, 3].map((count, column) => (
      // biome-ignore lint/suspicious/noArrayIndexKey: static placeholder
      <div key={column} className="column column-skeleton">
        <div className="column-header">
          <Skeleton width="40%" height={16} />
        </div>
        <div className="column-cards">
          {Array.from({ length: count }, (_, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: static placeholder
            <div key={i} className="card-tile card-tile-skeleton">
              <Skeleton width={`${60 + ((i * 17) % 35)}%`} />
              <Skeleton width="35%" height={10} />
            </div>
          ))}
        </div>
      </div>
    ))}
  </div>
);

export const ListSkeleton = ({ rows = 4 }: { rows?: number }) => (
  <div className="list-skeleton" aria-busy="true">
    {Array.from({ length: rows }, (_, i) => (
      // biome-ignore lint/suspicious/noArrayIndexKey: static placeholder
      <Skeleton key={i} width={`${55 + ((i * 23) % 40)}%`} />
    ))}
  </div>
);

/**
 * A page's place while its code loads: the page's own padding, a title and a few rows, so that the
 * page replaces it without a jump. Invisible for the first moments (CSS), so a quick load shows no flash.
 */
export const PageSkeleton = () => (
  <main className="page page-loading" aria-busy="true" aria-label={useTranslator().t("common.loadingPage")}>
    <Skeleton width="30%" height={24} />
    <ListSkeleton rows={5} />
  </main>
);

/** A signed-out page's place (sign-in card shape) while its code loads. */
export const AuthSkeleton = () => (
  <main
    className="auth-page page-loading"
    aria-busy="true"
    aria-label={useTranslator().t("common.loadingPage")}
  >
    <div className="auth-card">
      <Skeleton width="50%" height={24} />
      <ListSkeleton rows={4} />
    </div>
  </main>
);

/** The card panel's place while its code loads: the panel itself, empty, where it will open. */
export const CardPanelSkeleton = () => (
  <aside
    className="card-panel page-loading"
    aria-busy="true"
    aria-label={useTranslator().t("common.loadingCard")}
  >
    <div className="card-panel-bar">
      <Skeleton width="35%" height={16} />
    </div>
    <div className="card-panel-loading-body">
      <Skeleton width="70%" height={24} />
      <ListSkeleton rows={6} />
    </div>
  </aside>
);

/** The app's mark, pulsing, while the session is checked or the signed-in frame loads. */
export const AppLoading = () => (
  <div className="app-loading" aria-busy="true">
    <span className="brand-mark brand-mark-pulse" aria-hidden="true" />
    {/* Shown while the first language loads, so it may have no words yet: English until then. */}
    <span className="visually-hidden">{useI18n((s) => s.translator)?.t("common.loading") ?? "Loading…"}</span>
  </div>
);

/** The board page's place while its code loads: the board's own loading skeleton, where it will be. */
export const BoardPageSkeleton = () => (
  <main className="board-page">
    <header className="board-header">
      <div className="board-heading">
        <Skeleton width={200} height={22} />
      </div>
    </header>
    <div className="board-scroll">
      <BoardSkeleton />
    </div>
  </main>
);
