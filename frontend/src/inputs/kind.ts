// The contract between the form view (forms.ts) and the kinds of form field. The form owns
// the card, the default buttons, submission and events; everything that depends on the field
// type lives behind these interfaces.

import type { EventData, FieldOf, FieldType } from "../generated/protocol";

/** One value of a from_submit event. */
export type FieldValue = NonNullable<EventData["from_submit"]>[string];

/** true: marked valid; false: marked invalid, with feedback text; null: no mark. */
export type FieldStatus = boolean | null;

/** What the form offers its fields. */
export interface FieldContext {
  /** Asks the server to check this text as the field's value (an input_event). */
  validate(value: string): void;
  /** Cancels the form (from_submit with null). */
  cancel(): void;
}

export interface FieldView {
  /** Goes into the form's fieldset, in the order of the spec. */
  readonly element: HTMLElement;
  /**
   * The field brings the buttons that submit the form: the form then shows no default
   * Submit/Reset/Cancel row, and is submitted only when one of these fields has a value.
   */
  readonly submitsForm?: boolean;
  /** Its value in from_submit, or undefined when it sends none (e.g. no button of it pressed). */
  value(submitter: HTMLElement | null): FieldValue | undefined;
  showStatus(status: FieldStatus, feedback: string): void;
  /** Changes the feedback text and leaves the mark as it is. */
  showFeedback(text: string): void;
  /** update_input's `value`, as the server sent it. */
  setValue(value: unknown): void;
  /** The form is being reset; native controls go back to their defaults by themselves. */
  reset(): void;
  /** What gets the focus when the form opens and this is its first such field. */
  focusTarget(): HTMLElement | null;
}

export interface FieldKind<K extends FieldType> {
  render(spec: FieldOf<K>, ctx: FieldContext): FieldView;
}
