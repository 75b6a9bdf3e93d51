// `checkbox`: a check box per option; sends the list of ticked indices.

import { renderChoiceGroup } from "./choicegroup";
import type { FieldKind } from "./kind";

export const checkbox: FieldKind<"checkbox"> = {
  render: (spec, ctx) =>
    renderChoiceGroup(spec, { inputType: "checkbox", role: "group", requirable: false, value: (ticked) => ticked }, ctx),
};
