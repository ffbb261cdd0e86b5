/**
 * Parts of the app that load on first use (`import()`), and the ways they load before that: when the
 * browser is idle after the first screen, and when a link that opens one is hovered or focused.
 * Each part's module is fetched once; a failed fetch is tried again on the next use.
 * The boundaries and the first screen's size budget are described in docs/ARCHITECTURE.md (Loading).
 */
import {
  type ComponentType,
  type LazyExoticComponent,
  lazy,
  type ReactNode,
  Suspense,
  useState,
} from "react";
import { matchPath } from "react-router";
import { hasRequestsInFlight, whenRequestsSettle } from "../api/client";
import { appMessagesReady } from "./i18n/i18n";

type Load = () => Promise<unknown>;

export type OnDemand<P> = ComponentType<P> & { preload: Load };

const everyPart: Load[] = [];
const partsByPath: Array<{ pattern: string; preload: Load }> = [];

/**
 * A component whose module loads when it first renders (inside a Suspense boundary) or when
 * `preload()` is called, whichever comes first. Once the module is there, a new instance renders it
 * at once: React.lazy would suspend once more and React holds a revealed boundary back for up to
 * 300 ms, so a page whose code was fetched ahead would still wait.
 */
export const onDemand = <M, P extends object>(
  load: () => Promise<M>,
  pick: (module: M) => ComponentType<P>,
): OnDemand<P> => {
  let pending: Promise<M> | null = null;
  let loaded: ComponentType<P> | null = null;
  const preload = (): Promise<M> => {
    // The part's words load beside its code: it renders with the signed-in app's messages in.
    pending ??= Promise.all([load(), appMessagesReady()]).then(
      ([module]) => {
        loaded = pick(module);
        return module;
      },
      (error: unknown) => {
        pending = null;
        throw error;
      },
    );
    return pending;
  };
  everyPart.push(() => preload().catch(() => undefined));
  const Lazy: LazyExoticComponent<ComponentType<P>> = lazy(() =>
    preload().then((module) => ({ default: pick(module) })),
  );
  // biome-ignore lint/correctness/noComponentHookFactories: a factory run once per part at module level, like React.lazy
  const Part = (props: P) => {
    // Chosen once per instance: switching from the lazy wrapper to the module would remount it.
    const [Component] = useState<ComponentType<P>>(() => loaded ?? Lazy);
    return <Component {...props} />;
  };
  return Object.assign(Part, { preload });
};

/** Hovering or focusing a link to a path matching `pattern` (react-router syntax) preloads `part`. */
export const preloadOnLinkTo = (pattern: string, part: { preload: Load }) => {
  partsByPath.push({ pattern, preload: part.preload });
};

/** Preloads what a link to `href` opens, if that is a part loaded on demand. */
export const preloadForHref = (href: string) => {
  let pathname: string;
  try {
    const url = new URL(href, window.location.href);
    if (url.origin !== window.location.origin) return;
    pathname = url.pathname;
  } catch {
    return;
  }
  for (const { pattern, preload } of partsByPath) {
    if (matchPath({ path: pattern, end: true }, pathname)) void preload().catch(() => undefined);
  }
};

const linkIntent = (event: Event) => {
  const link = event.target instanceof Element ? event.target.closest("a[href]") : null;
  if (link) preloadForHref(link.getAttribute("href") ?? "");
};

type IdleWindow = Window & {
  requestIdleCallback?: (callback: () => void, options?: { timeout: number }) => number;
};

/** Preloads what a hovered or focused link opens. Returns a function that stops listening. */
export const startLinkPreloading = (): (() => void) => {
  document.addEventListener("pointerover", linkIntent, { passive: true });
  document.addEventListener("focusin", linkIntent);
  return () => {
    document.removeEventListener("pointerover", linkIntent);
    document.removeEventListener("focusin", linkIntent);
  };
};

/**
 * Once the page has loaded and its requests have been answered, fetches every part loaded on demand,
 * one per idle period of the browser, so that opening any of them later needs no round trip; a part
 * waits while requests are in flight, so that it never delays what the page is showing. Skipped for
 * data-saver users. Returns a function that stops it.
 */
export const preloadEveryPartWhenIdle = (): (() => void) => {
  const connection = (navigator as Navigator & { connection?: { saveData?: boolean } }).connection;
  if (connection?.saveData) return () => undefined;
  let isStopped = false;
  let cancelWait = () => {};
  // Idle, and no request in flight before or after the idle period: a page that has just rendered
  // may only now be asking for its data.
  const idle = (callback: () => void) => {
    cancelWait = whenRequestsSettle(() => {
      const whenIdle = () => (hasRequestsInFlight() ? idle(callback) : callback());
      const w = window as IdleWindow;
      if (w.requestIdleCallback) w.requestIdleCallback(whenIdle, { timeout: 5000 });
      else setTimeout(whenIdle, 200);
    });
  };
  const queue = [...everyPart];
  const next = () => {
    const load = queue.shift();
    if (isStopped || !load) return;
    void load().finally(() => idle(next));
  };
  const begin = () => idle(next);
  if (document.readyState === "complete") begin();
  else window.addEventListener("load", begin, { once: true });
  return () => {
    isStopped = true;
    cancelWait();
    window.removeEventListener("load", begin);
  };
};

/**
 * Renders `children` (something loaded on demand, such as a dialog) from the first time `isOpen` is
 * true, and keeps it mounted after that, so that it opens and closes as it would if loaded with the page.
 */
export const AfterFirstOpen = ({ isOpen, children }: { isOpen: boolean; children: ReactNode }) => {
  const [hasOpened, setHasOpened] = useState(isOpen);
  if (isOpen && !hasOpened) setHasOpened(true);
  return hasOpened || isOpen ? <Suspense fallback={null}>{children}</Suspense> : null;
};
