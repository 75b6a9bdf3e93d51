// `radio`: a radio button per option; sends the chosen index, or null.

import { renderChoiceGroup } from "./choicegroup";
import type { FieldKind } from "./kind";

export const radio: FieldKind<"radio"> = {
  render: (spec, ctx) =>
    renderChoiceGroup(
      spec,
      { inputType: "radio", role: "radiogroup", requirable: true, value: (ticked) => (ticked.length ? ticked[0] : null) },
      ctx,
    ),
};
