// `date`: the browser's date picker; its value is YYYY-MM-DD.

import { textLike } from "./textlike";

export const date = textLike<"date">({ htmlType: "date" });
