// Entry point of webio-highlight.js: the highlight.js core, without languages (api.ts).

import hljs from "highlight.js/lib/core";
import { HIGHLIGHT_CORE_GLOBAL } from "./api";

window[HIGHLIGHT_CORE_GLOBAL] = hljs;
