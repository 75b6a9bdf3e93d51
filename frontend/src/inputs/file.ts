// `file`: a file picker. The native input lies, transparent, over a box that shows the
// placeholder or the picked files' names, so the whole box opens the picker and keyboard,
// validation and test tools deal with a real file input. Sends the picked files' FileMeta;
// their content goes later, in upload_chunk events (uploads.ts reads it through `upload`).

import { el } from "../dom";
import { UPLOAD_CHUNK_SIZE } from "../generated/protocol";
import { bool, get, has, int, str } from "../read";
import { applyHtmlAttrs } from "./attrs";
import { reportControl } from "./events";
import { fileMeta, limitProblem } from "./filelimits";
import { FieldFrame } from "./frame";
import type { FieldKind, UploadSource } from "./kind";
import { UploadProgress } from "./uploadprogress";

const DEFAULT_PLACEHOLDER = "Choose a file";

export const file: FieldKind<"file"> = {
  render(spec, ctx) {
    const frame = new FieldFrame(spec, "control");
    const input = el("input", "webio-file-input");
    input.type = "file";
    input.id = frame.id;
    input.multiple = bool(spec, "multiple");
    input.required = bool(spec, "required");
    const accept = str(spec, "accept");
    if (accept !== "") input.accept = accept;
    applyHtmlAttrs(input, spec);
    const names = el("div", "form-control webio-file-names");
    // The input itself tells assistive technology what it holds.
    names.setAttribute("aria-hidden", "true");
    let placeholder = str(spec, "placeholder") || DEFAULT_PLACEHOLDER;
    const maxSize = int(spec, "max_size", 0);
    const maxTotal = int(spec, "max_total_size", 0);
    const chunkSize = Math.min(UPLOAD_CHUNK_SIZE, Math.max(1, int(spec, "chunk_size", UPLOAD_CHUNK_SIZE)));
    const picker = el("div", "webio-file-picker");
    picker.append(input, names);
    frame.add(picker);
    const progress = new UploadProgress(frame);
    frame.bind({ described: [input], marked: [names] });

    const current = (): File[] => Array.from(input.files ?? []);
    /** The files whose FileMeta went out last: what an upload must send. */
    let described: File[] | null = null;
    /** The mark on the field is the client's own (a limit), not the server's. */
    let ownMark = false;
    const refresh = () => {
      const files = current();
      names.textContent = files.length ? files.map((f) => f.name).join(", ") : placeholder;
      names.classList.toggle("webio-file-empty", files.length === 0);
      const problem = limitProblem(files, maxSize, maxTotal);
      // Keeps the form from being submitted, with the browser's own message too.
      input.setCustomValidity(problem ?? "");
      if (problem !== null) {
        frame.mark(false, problem);
        ownMark = true;
      } else if (ownMark) {
        frame.clearMark();
        ownMark = false;
      }
    };
    // Before reportControl's listener: the host hears of a change the field has taken in.
    input.addEventListener("change", refresh);
    const read = () => {
      described = current();
      return described.map(fileMeta);
    };
    reportControl(input, ctx, read);
    refresh();

    const upload: UploadSource = {
      files: () => described ?? current(),
      chunkSize: () => chunkSize,
      progress: (sent, total) => progress.show(sent, total),
      done: () => progress.hide(),
    };

    return {
      element: frame.element,
      upload,
      value: read,
      update(attrs) {
        frame.update(attrs);
        if (has(attrs, "accept")) {
          const text = str(attrs, "accept");
          if (text !== "") input.accept = text;
          else input.removeAttribute("accept");
        }
        if (has(attrs, "required")) input.required = bool(attrs, "required");
        if (has(attrs, "placeholder")) placeholder = str(attrs, "placeholder") || DEFAULT_PLACEHOLDER;
        if (has(attrs, "value")) {
          // A page cannot pick files for the user: a value can only empty the field.
          const value = get(attrs, "value");
          if (value === null || (Array.isArray(value) && value.length === 0)) input.value = "";
          else console.warn("webio: a file field's value can only be emptied");
        }
        refresh();
      },
      reset() {
        frame.clearMark();
        ownMark = false;
        // The reset event comes before the browser empties the input.
        window.setTimeout(refresh, 0);
      },
      focusTarget: () => (input.disabled ? null : input),
    };
  },
};
