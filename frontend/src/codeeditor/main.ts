// Entry point of webio-code.js: registers the code editor factory for webio.js (api.ts).

import { CODE_EDITOR_GLOBAL } from "./api";
import { createEditor } from "./editor";

window[CODE_EDITOR_GLOBAL] = createEditor;
