// `download_start` and `download_chunk`: the browser saves a file whose content comes in
// chunks, through a Blob's object URL and an <a download> clicked once. The URL is revoked a
// little later: revoking it at once can cancel the download in some browsers.

import type { CommandHandlers } from "../dispatcher";
import { el } from "../dom";
import { DOWNLOAD_CHUNK_SIZE } from "../generated/protocol";
import { int, str } from "../read";

const REVOKE_AFTER_MS = 10_000;

/** The bytes of a base64 text, or null when it is not base64. */
function decodeBase64(text: string): Uint8Array<ArrayBuffer> | null {
  let binary: string;
  try {
    binary = atob(text);
  } catch {
    return null;
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

interface PendingDownload {
  name: string;
  size: number;
  received: number;
  parts: Uint8Array<ArrayBuffer>[];
}

function save(download: PendingDownload): void {
  // The browser cleans the name up (no path separators, no reserved names).
  const blob = new Blob(download.parts, { type: "application/octet-stream" });
  const url = URL.createObjectURL(blob);
  const link = el("a");
  link.href = url;
  link.download = download.name || "download";
  link.hidden = true;
  document.body.appendChild(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}

export function downloadCommands(): Pick<CommandHandlers, "download_start" | "download_chunk"> {
  // Downloads whose chunks are still coming, by task_id.
  const pending = new Map<string, PendingDownload>();

  const finishIfComplete = (taskId: string, download: PendingDownload): void => {
    if (download.received < download.size) return;
    pending.delete(taskId);
    save(download);
  };

  return {
    download_start: ({ task_id, spec }) => {
      const size = int(spec, "size", -1);
      if (size < 0) {
        console.error("webio: download_start without a valid size");
        return;
      }
      const download = { name: str(spec, "name"), size, received: 0, parts: [] };
      pending.set(task_id, download);
      finishIfComplete(task_id, download);
    },
    download_chunk: ({ task_id, spec }) => {
      const download = pending.get(task_id);
      if (!download) {
        console.error("webio: a chunk of an unknown download", task_id);
        return;
      }
      const bytes = decodeBase64(str(spec, "data"));
      const fits = bytes !== null && bytes.length <= DOWNLOAD_CHUNK_SIZE;
      if (!fits || download.received + bytes.length > download.size) {
        // The file could only be saved wrong: give it up.
        console.error("webio: a malformed chunk of download", task_id);
        pending.delete(task_id);
        return;
      }
      download.parts.push(bytes);
      download.received += bytes.length;
      finishIfComplete(task_id, download);
    },
  };
}
