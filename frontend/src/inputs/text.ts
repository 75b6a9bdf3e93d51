// `text`: a line of text.

import { textLike } from "./textlike";

export const text = textLike<"text">({ htmlType: "text" });
