// `upload_files`: the content of picked files, sent as upload_chunk events of at most a
// field's chunk_size bytes, one slice of a file read at a time. At most UPLOAD_WINDOW chunks
// are on their way (sent, not yet acknowledged by the server), so a large file neither fills
// memory nor the server's buffers. An upload stops when its form goes away or is ready
// again, and when the session ends.

import { UPLOAD_WINDOW } from "./generated/protocol";
import type { UploadSource } from "./inputs/index";
import type { Send } from "./protocol";

export interface UploadHost {
  readonly send: Send;
  acknowledged(seq: number): Promise<boolean>;
  unacknowledged(seq: number): boolean;
}

/** One named field of the task, in the order the server asked for them. */
export interface UploadField {
  name: string;
  source: UploadSource;
}

export class Uploads {
  private readonly host: UploadHost;
  /** Running uploads, by task id. */
  private readonly running = new Map<string, AbortController>();

  constructor(host: UploadHost) {
    this.host = host;
  }

  /** Sends the files of `fields` for task `taskId`; an earlier upload of the task stops. */
  start(taskId: string, fields: UploadField[]): void {
    this.stop(taskId);
    const control = new AbortController();
    this.running.set(taskId, control);
    const run = new UploadRun(this.host, taskId, control.signal);
    run
      .send(fields)
      .catch((err) => console.error("webio: upload failed", err))
      .then(() => {
        // A newer upload of the task has the same fields, and shows its own progress.
        const newer = this.running.has(taskId) && this.running.get(taskId) !== control;
        if (!newer) fields.forEach((field) => field.source.done());
        if (this.running.get(taskId) === control) this.running.delete(taskId);
      });
  }

  stop(taskId: string): void {
    const control = this.running.get(taskId);
    if (!control) return;
    this.running.delete(taskId);
    control.abort();
  }
}

class UploadRun {
  /** Seqs of the chunk events sent and not yet acknowledged, oldest first. */
  private readonly inflight: number[] = [];
  private readonly stopped: Promise<false>;

  constructor(
    private readonly host: UploadHost,
    private readonly taskId: string,
    private readonly signal: AbortSignal,
  ) {
    this.stopped = new Promise((resolve) => signal.addEventListener("abort", () => resolve(false)));
  }

  async send(fields: UploadField[]): Promise<void> {
    for (const { name, source } of fields) {
      const files = source.files();
      const total = files.reduce((sum, file) => sum + file.size, 0);
      if (total === 0) continue;
      const chunkSize = source.chunkSize();
      let sent = 0;
      source.progress(0, total);
      for (let index = 0; index < files.length; index++) {
        const file = files[index];
        // An empty file needs no chunk: its FileMeta said it all.
        for await (const block of this.blocks(file, chunkSize)) {
          if (block === null) {
            // E.g. the file changed or went away since it was picked: the server ends the
            // upload and gives the form back with a message.
            this.host.send("upload_error", this.taskId, { name, file: index });
            return;
          }
          for (let at = 0; at < block.bytes.byteLength; at += chunkSize) {
            // No await while the window has room: the chunks that fit leave in the same turn,
            // which a transport that batches (HTTP) sends as one request.
            if (this.signal.aborted || !(this.hasRoom() || (await this.roomInWindow()))) return;
            const data = block.bytes.slice(at, at + chunkSize);
            const chunk = { name, file: index, offset: block.offset + at, size: data.byteLength };
            const seq = this.host.send("upload_chunk", this.taskId, chunk, data);
            if (seq === 0) return;
            this.inflight.push(seq);
            sent += data.byteLength;
            source.progress(sent, total);
          }
        }
        if (this.signal.aborted) return;
      }
    }
    // Over once the server has everything.
    while (this.inflight.length) {
      if (!(await this.acknowledged(this.inflight.shift() as number))) return;
    }
  }

  /**
   * The file in blocks of a window of chunks, the next block read while this one is sent:
   * one read per block rather than per chunk, overlapped with sending. A block is null when
   * the file cannot be read; the blocks stop when the upload is stopped.
   */
  private async *blocks(file: File, chunkSize: number): AsyncGenerator<Block | null> {
    const size = chunkSize * UPLOAD_WINDOW;
    const read = (offset: number): Promise<Block | null> =>
      file
        .slice(offset, offset + size)
        .arrayBuffer()
        .then(
          (bytes) => ({ offset, bytes }),
          (err) => {
            console.warn("webio: cannot read", file.name, err);
            return null;
          },
        );
    let next = file.size > 0 ? read(0) : null;
    while (next !== null && !this.signal.aborted) {
      const block = await next;
      const following = block === null ? file.size : block.offset + size;
      next = following < file.size ? read(following) : null;
      yield block;
      if (block === null) return;
    }
  }

  /**
   * Whether fewer than UPLOAD_WINDOW chunks are unacknowledged, after dropping every one the
   * server has acknowledged by now (one reply may acknowledge the whole window).
   */
  private hasRoom(): boolean {
    while (this.inflight.length && !this.host.unacknowledged(this.inflight[0])) {
      this.inflight.shift();
    }
    return this.inflight.length < UPLOAD_WINDOW;
  }

  /** Waits until the window has room; false: stop. */
  private async roomInWindow(): Promise<boolean> {
    while (!this.hasRoom()) {
      if (!(await this.acknowledged(this.inflight[0]))) return false;
    }
    return !this.signal.aborted;
  }

  private async acknowledged(seq: number): Promise<boolean> {
    if (this.signal.aborted) return false;
    const acked = await Promise.race([this.host.acknowledged(seq), this.stopped]);
    return acked && !this.signal.aborted;
  }
}

/** Bytes of a file from `offset`. */
interface Block {
  offset: number;
  bytes: ArrayBuffer;
}
