// `url`: a URL, checked by the browser as one. Sent as typed.

import { textLike } from "./textlike";

export const url = textLike<"url">({ htmlType: "url" });
