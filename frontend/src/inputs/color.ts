// `color`: the browser's colour picker, sized as Bootstrap's colour swatch; its value is #rrggbb.

import { textLike } from "./textlike";

export const color = textLike<"color">({ htmlType: "color", extraClass: "form-control-color" });
