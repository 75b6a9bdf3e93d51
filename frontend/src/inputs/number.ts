// `number`: an integer; the browser's number input with whole steps. Sent as typed, as text.

import { textLike } from "./textlike";

export const number = textLike<"number">({ htmlType: "number", step: "1" });
