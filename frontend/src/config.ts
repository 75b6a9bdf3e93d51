// The page configuration the server writes into the page (generated PageConfig).

import {
  CONFIG_ELEMENT_ID,
  DEFAULT_APP,
  PageConfig,
  PROTOCOL_VERSION,
  THEMES,
} from "./generated/protocol";
import { isObject, isOneOf } from "./read";

export type { PageConfig } from "./generated/protocol";
export type TransportKind = PageConfig["transport"];
export type Theme = PageConfig["theme"];

/** Reads the configuration; unknown or missing fields get safe defaults. */
export function readConfig(doc: Document): PageConfig {
  let raw: unknown = {};
  const node = doc.getElementById(CONFIG_ELEMENT_ID);
  if (node && node.textContent) {
    try {
      raw = JSON.parse(node.textContent);
    } catch (err) {
      console.error("webio: unreadable page configuration", err);
    }
  } else {
    console.error("webio: page configuration #" + CONFIG_ELEMENT_ID + " is missing");
  }
  const cfg = isObject(raw) ? raw : {};
  return {
    protocol: typeof cfg.protocol === "string" ? cfg.protocol : PROTOCOL_VERSION,
    transport: cfg.transport === "http" ? "http" : "websocket",
    app: typeof cfg.app === "string" && cfg.app !== "" ? cfg.app : DEFAULT_APP,
    static: typeof cfg.static === "string" ? cfg.static : "",
    theme: typeof cfg.theme === "string" && isOneOf(THEMES, cfg.theme) ? cfg.theme : "default",
    // 0: no limit known, so none applied here (the server still applies its own).
    max_payload:
      typeof cfg.max_payload === "number" && cfg.max_payload > 0 ? cfg.max_payload : 0,
  };
}
