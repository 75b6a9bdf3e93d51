// `time`: the browser's time picker; its value is HH:MM or HH:MM:SS.

import { textLike } from "./textlike";

export const time = textLike<"time">({ htmlType: "time" });
