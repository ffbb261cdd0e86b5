import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app";
import { preloadChartView } from "./features/charts/requests";
import { startPreferences } from "./ui/preferences";
import "./ui/theme.css";
import "./ui/components.css";
import "./app.css";

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");

// Before the first render: the colour scheme this browser last used.
startPreferences();
// Before the first render: a chart view opened by its address starts loading while the app starts.
preloadChartView(window.location);

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
