// `float`: a decimal number; the browser's number input with any step. Sent as typed, as text.

import { textLike } from "./textlike";

export const float = textLike<"float">({ htmlType: "number", step: "any" });
