// The contract between the hosts of a field (a form in forms/, a pin in pins/) and the kinds
// of field. A host owns submission, events and registries; everything that depends on the
// field type lives behind these interfaces.

import type { Assets } from "../assets";
import type { EventData, FieldAttributes, FieldOf, FieldType } from "../generated/protocol";

/** One value of a from_submit event (and of input_event, pin_value...). */
export type FieldValue = NonNullable<EventData["from_submit"]>[string];

/** true: marked valid; false: marked invalid, with feedback text; null: no mark. */
export type FieldStatus = boolean | null;

/** What the host offers its fields. */
export interface FieldContext {
  /** The user changed the value (a `change` event): the host decides whom to tell. */
  changed(value: FieldValue): void;
  /**
   * The control lost focus to `next` (null: to nothing known): a form asks the server to
   * check the value when `onblur`.
   */
  blurred(value: FieldValue, next: EventTarget | null): void;
  /** Cancels the form (from_submit with null) from this button; nothing for a pin. */
  cancel(button: HTMLElement | null): void;
  /** Sends `callback` with this task id (an input's action button). */
  callback(callbackId: string): void;
  /**
   * No form around it (a pin): buttons of type submit set the field's value and count as a
   * change instead of submitting.
   */
  readonly standalone: boolean;
  readonly assets: Assets;
}

/** What an upload reads from a file field, and how it shows its progress there. */
export interface UploadSource {
  /** The files whose FileMeta the field last sent, in that order. */
  files(): readonly File[];
  /** Bytes per upload_chunk event. */
  chunkSize(): number;
  /** Shows how much of the field's files is on its way; total 0 means nothing to send. */
  progress(sentBytes: number, totalBytes: number): void;
  /** The upload is over (finished or stopped): hide the progress. */
  done(): void;
}

export interface FieldView {
  /** Goes into the form's fieldset (or the output area, for a pin), in the order of the spec. */
  readonly element: HTMLElement;
  /**
   * The field brings the buttons that submit the form: the form then shows no default
   * Submit/Reset/Cancel row, and is submitted only when one of these fields has a value.
   */
  readonly submitsForm?: boolean;
  /** Set by file fields: where `upload_files` reads the content. */
  readonly upload?: UploadSource;
  /** Its value in from_submit, or undefined when it sends none (e.g. no button of it pressed). */
  value(submitter: HTMLElement | null): FieldValue | undefined;
  /** update_input / pin_update: applies the keys this kind has and ignores the others. */
  update(attrs: FieldAttributes): void;
  /** The form is being reset; native controls go back to their defaults by themselves. */
  reset(): void;
  /** What gets the focus when the form opens and this is its first such field. */
  focusTarget(): HTMLElement | null;
  /** The form is busy (or usable again): for controls a disabled fieldset does not reach. */
  setBusy?(busy: boolean): void;
}

export interface FieldKind<K extends FieldType> {
  render(spec: FieldOf<K>, ctx: FieldContext): FieldView;
}
