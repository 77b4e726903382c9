import type { Duplex } from 'node:stream';
import type { WebSocket } from 'ws';
import type { WebSocketServerStats } from './stats.js';

const TEXT = { binary: false } as const;
const OPEN = 1;

/**
 * The write side of one connection, with its flow control: a frame goes to `ws` while its
 * `bufferedAmount` stays under `highWaterBytes`; the frame that reaches the mark is written
 * with a callback and everything after it waits (`waiting`) until the socket has taken it,
 * then `onDrain` resumes the caller. So `ws` never holds more than the mark plus one frame.
 */
export class FrameWriter {
  /** A frame filled the buffer and its write callback has not come back yet. */
  waiting = false;
  /** The buffer filled since the reader last caught up (coalescing is allowed meanwhile). */
  congested = false;
  private readonly ws: WebSocket;
  private readonly socket: Duplex;
  private readonly highWaterBytes: number;
  private readonly stats: WebSocketServerStats;
  // Node passes `null` (not undefined) on success; an error means the socket is gone.
  private readonly written: (error?: Error | null) => void;

  constructor(
    ws: WebSocket,
    socket: Duplex,
    highWaterBytes: number,
    stats: WebSocketServerStats,
    onDrain: () => void,
  ) {
    this.ws = ws;
    this.socket = socket;
    this.highWaterBytes = highWaterBytes;
    this.stats = stats;
    this.written = (error) => {
      this.waiting = false;
      if (!error) onDrain();
    };
  }

  /** Bytes `ws` holds for this socket, not yet taken by the kernel. */
  get buffered(): number {
    return this.ws.bufferedAmount;
  }

  /** Whether the socket is open for writing. */
  get open(): boolean {
    return this.ws.readyState === OPEN;
  }

  /** Writes one event frame (a shared, pre-encoded Buffer; never copied per socket). */
  write(data: Buffer): void {
    const ws = this.ws;
    if (ws.bufferedAmount + data.length < this.highWaterBytes) {
      ws.send(data, TEXT);
      return;
    }
    this.waiting = true;
    this.congested = true;
    ws.send(data, TEXT, this.written);
    const buffered = ws.bufferedAmount;
    if (buffered > this.stats.peakConnectionBufferedBytes) this.stats.peakConnectionBufferedBytes = buffered;
  }

  /**
   * Writes a small control frame outside the flow control. Returns false, writing nothing,
   * when the peer has left twice the mark unread: it is not reading at all.
   */
  control(frame: object): boolean {
    if (!this.open) return true;
    if (this.ws.bufferedAmount > 2 * this.highWaterBytes) return false;
    this.ws.send(JSON.stringify(frame));
    return true;
  }

  /** Runs `writes` with the socket corked: every frame they write leaves in one `writev`. */
  batch(writes: () => void): void {
    this.socket.cork();
    try {
      writes();
    } finally {
      this.socket.uncork();
    }
  }
}
