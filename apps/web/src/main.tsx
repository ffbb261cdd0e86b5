import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App, preloadFirstScreen } from "./app";
import { startLanguage } from "./lib/i18n/start";
import { startPreferences } from "./ui/preferences";
import "./ui/theme.css";
import "./ui/components.css";
import "./app.css";

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");

// Before the first render: the colour scheme this browser last used.
startPreferences();
// Before the first render: the interface's messages start loading (the app waits for them).
startLanguage();
// Before the first render: the frame and the page the address opens start loading while the app
// starts, and so does a chart view's data (its request code kept out of the entry).
preloadFirstScreen(window.location);
if (/\/(forecast|time|flow)\/?$/.test(window.location.pathname)) {
  void import("./features/charts/requests")
    .then((charts) => charts.preloadChartView(window.location))
    .catch(() => undefined);
}

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
