// What command handlers may use of the session around them.

import type { Assets } from "../assets";
import type { Layout } from "../layout";
import type { Send } from "../protocol";
import type { Transport } from "../transport/types";

export interface CommandContext {
  readonly layout: Layout;
  readonly transport: Pick<Transport, "setSession" | "setPullInterval">;
  readonly send: Send;
  /** Resolves true once the server acknowledged event `seq`, false if the session ends first. */
  acknowledged(seq: number): Promise<boolean>;
  /** Whether event `seq` was sent and the server has not acknowledged it yet. */
  unacknowledged(seq: number): boolean;
  /** Parts of the client loaded on first use. */
  readonly assets: Assets;
  /** The server speaks another major version: stop and say so. */
  refuse(serverVersion: string): void;
  /** The server ended the session. */
  close(): void;
}

/** Page settings written by set_env and read when outputs are inserted. */
export interface EnvState {
  autoScrollBottom: boolean;
  outputAnimation: boolean;
}
