// `download`: the browser saves the content as a file, through a Blob's object URL and an
// <a download> clicked once. The URL is revoked a little later: revoking it at once can cancel
// the download in some browsers.

import type { CommandHandlers } from "../dispatcher";
import { el } from "../dom";
import { str } from "../read";

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

export function downloadCommands(): Pick<CommandHandlers, "download"> {
  return {
    download: ({ spec }) => {
      const bytes = decodeBase64(str(spec, "content"));
      if (bytes === null) {
        console.error("webio: download content is not base64");
        return;
      }
      // The browser cleans the name up (no path separators, no reserved names).
      const name = str(spec, "name") || "download";
      const url = URL.createObjectURL(new Blob([bytes], { type: "application/octet-stream" }));
      const link = el("a");
      link.href = url;
      link.download = name;
      link.hidden = true;
      document.body.appendChild(link);
      link.click();
      link.remove();
      window.setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
    },
  };
}
