// `datetime-local`: the browser's date and time picker; its value is YYYY-MM-DDTHH:MM.

import { textLike } from "./textlike";

export const datetimeLocal = textLike<"datetime-local">({ htmlType: "datetime-local" });
