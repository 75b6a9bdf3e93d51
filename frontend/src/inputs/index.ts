// Field spec -> field view, by `type`. A new kind of field is one module plus its line in
// FIELD_KINDS, which tsc requires.

import { FIELD_TYPES, FieldOf, FieldSpec, FieldType } from "../generated/protocol";
import { isOneOf, str } from "../read";
import { actions } from "./actions";
import { checkbox } from "./checkbox";
import { color } from "./color";
import { date } from "./date";
import { datetimeLocal } from "./datetimelocal";
import { file } from "./file";
import { float } from "./float";
import type { FieldContext, FieldKind, FieldView } from "./kind";
import { number } from "./number";
import { password } from "./password";
import { radio } from "./radio";
import { select } from "./select";
import { slider } from "./slider";
import { text } from "./text";
import { textarea } from "./textarea";
import { time } from "./time";
import { url } from "./url";

export type { FieldContext, FieldStatus, FieldValue, FieldView, UploadSource } from "./kind";

const FIELD_KINDS: { readonly [K in FieldType]: FieldKind<K> } = {
  text,
  password,
  number,
  float,
  url,
  date,
  time,
  color,
  "datetime-local": datetimeLocal,
  textarea,
  select,
  checkbox,
  radio,
  slider,
  file,
  actions,
};

/** What an unknown field type is shown as, so that the form can still be filled in. */
const FALLBACK_TYPE: FieldType = "text";

function renderAs<K extends FieldType>(type: K, spec: FieldOf<K>, ctx: FieldContext): FieldView {
  return FIELD_KINDS[type].render(spec, ctx);
}

export function renderField(spec: FieldSpec, ctx: FieldContext): FieldView {
  const requested = str(spec, "type", FALLBACK_TYPE);
  let type: FieldType = FALLBACK_TYPE;
  if (isOneOf(FIELD_TYPES, requested)) type = requested;
  else console.warn("webio: unknown field type shown as " + FALLBACK_TYPE + ":", requested);
  // Either the spec's own type, or the fallback that reads any spec defensively.
  return renderAs(type, spec as FieldOf<FieldType>, ctx);
}
