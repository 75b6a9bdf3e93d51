// Bootstrap button classes, shared by the `buttons` output and the `actions` field.

const COLORS = new Set([
  "primary",
  "secondary",
  "success",
  "danger",
  "warning",
  "info",
  "light",
  "dark",
]);

/** A Bootstrap colour name, or `fallback` for anything else. */
export function bootstrapColor(value: unknown, fallback = "primary"): string {
  return typeof value === "string" && COLORS.has(value) ? value : fallback;
}

export interface ButtonLook {
  color: string;
  outline?: boolean;
  link?: boolean;
  small?: boolean;
}

export function buttonClass(look: ButtonLook): string {
  const parts = ["btn"];
  if (look.link) parts.push("btn-link");
  else parts.push((look.outline ? "btn-outline-" : "btn-") + look.color);
  if (look.small) parts.push("btn-sm");
  return parts.join(" ");
}
