// `password`: a line of text shown masked.

import { textLike } from "./textlike";

export const password = textLike<"password">({ htmlType: "password" });
