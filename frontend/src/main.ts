// Entry point: builds the page inside #webio and starts the session.

import { Client } from "./client";
import { applyColorMode } from "./colormode";
import { readConfig } from "./config";
import { buildLayout } from "./layout";

function boot(): void {
  try {
    const config = readConfig(document);
    applyColorMode(document, config.theme);
    const layout = buildLayout(document);
    new Client(config, layout).start();
  } catch (err) {
    console.error("webio: start-up failed", err);
  }
}

if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", boot, { once: true });
} else {
  boot();
}
