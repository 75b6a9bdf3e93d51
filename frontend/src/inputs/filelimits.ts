// The client's courtesy check of a file field's size limits, with sizes written for people.
// The server checks every limit again; this only spares the user a pointless upload.

import type { FileMeta } from "../generated/protocol";

const UNITS = ["KB", "MB", "GB", "TB"];

/** 12.3 MB, 5 MB, 800 bytes: binary multiples, one decimal at most. */
export function humanSize(bytes: number): string {
  if (bytes < 1024) return bytes === 1 ? "1 byte" : bytes + " bytes";
  let value = bytes;
  let unit = -1;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const rounded = value >= 100 ? Math.round(value) : Math.round(value * 10) / 10;
  return rounded + " " + UNITS[unit];
}

/** What is wrong with these files for these limits (0: no limit), or null. */
export function limitProblem(files: readonly File[], maxSize: number, maxTotal: number): string | null {
  if (maxSize > 0) {
    const big = files.find((file) => file.size > maxSize);
    if (big) return big.name + " is " + humanSize(big.size) + "; the limit is " + humanSize(maxSize) + ".";
  }
  if (maxTotal > 0) {
    const total = files.reduce((sum, file) => sum + file.size, 0);
    if (total > maxTotal) {
      return "The files come to " + humanSize(total) + "; the limit is " + humanSize(maxTotal) + " in all.";
    }
  }
  return null;
}

/** What the server is told of a file before it asks for the content. */
export function fileMeta(file: File): FileMeta {
  return {
    filename: file.name,
    size: file.size,
    mime_type: file.type,
    // The protocol counts seconds, File counts milliseconds.
    last_modified: Math.max(0, file.lastModified / 1000),
  };
}
