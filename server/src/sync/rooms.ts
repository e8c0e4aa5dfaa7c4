/**
 * The open rooms of this process. A room is loaded on first use (once, even under concurrent joins) and
 * released some time after its last connection leaves, after a compaction of its update log. Nothing here
 * is state that Postgres cannot rebuild: a room is a cache of its update log.
 */
import { defaultLimits, Room, type RoomLimits, type SyncSession, type UpdateLog } from './room.js';

export interface RoomsOptions {
  log: UpdateLog;
  /** Called in the background when a room goes idle or has grown its log: compacts it. */
  compact?: (docName: string) => Promise<void>;
  limits?: RoomLimits;
  /** The clock of the rooms (session expiry, rate windows): the services' clock. */
  now?: () => number;
  /** How long an empty room stays loaded. */
  idleMs?: number;
  /** Appended updates after which a room's log is compacted in the background. */
  compactEvery?: number;
}

export class Rooms {
  private readonly loading = new Map<string, Promise<Room>>();
  /** The rooms loaded so far (a cache of `loading`'s resolved values, readable synchronously). */
  private readonly open = new Map<string, Room>();
  private readonly idleTimers = new Map<string, NodeJS.Timeout>();

  constructor(private readonly options: RoomsOptions) {}

  /** The room of a document, loaded if needed. */
  get(docName: string): Promise<Room> {
    let room = this.loading.get(docName);
    if (!room) {
      room = Room.open(docName, this.options.log, {
        limits: this.options.limits ?? defaultLimits,
        ...(this.options.now ? { now: this.options.now } : {}),
        onAppend: (opened) => this.afterAppend(opened),
      });
      this.loading.set(docName, room);
      room.then(
        (loaded) => this.open.set(docName, loaded),
        () => this.loading.delete(docName),
      );
    }
    this.cancelIdle(docName);
    return room;
  }

  /** Closes, in every open room, the connections whose session matches (see `Room.disconnect`). */
  async disconnect(matches: (session: SyncSession) => boolean, reason: string): Promise<void> {
    const rooms = await Promise.allSettled(this.loading.values());
    for (const room of rooms) if (room.status === 'fulfilled') room.value.disconnect(matches, reason);
  }

  /** Makes the matching connections of every room check their session and rights before their next update. */
  recheck(matches: (session: SyncSession) => boolean): void {
    for (const room of this.open.values()) room.recheck(matches);
  }

  /** How many connections an account has open, in every room of this process. */
  connectionsOf(accountId: string): number {
    let count = 0;
    for (const room of this.open.values()) count += room.connectionsOf(accountId);
    return count;
  }

  /** Tells the registry a connection left; schedules the release of an empty room. */
  async released(room: Room): Promise<void> {
    if (room.size > 0) return;
    this.cancelIdle(room.name);
    const timer = setTimeout(() => {
      this.idleTimers.delete(room.name);
      if (room.size > 0) return;
      this.loading.delete(room.name);
      this.open.delete(room.name);
      room.destroy();
      void this.compact(room.name);
    }, this.options.idleMs ?? 30_000);
    timer.unref();
    this.idleTimers.set(room.name, timer);
  }

  /** Called after each accepted update: compacts in the background once the log has grown. */
  afterAppend(room: Room): void {
    const every = this.options.compactEvery ?? 200;
    if (room.appendedSinceOpen > 0 && room.appendedSinceOpen % every === 0) void this.compact(room.name);
  }

  /** Stops every timer (tests, shutdown). */
  close(): void {
    for (const timer of this.idleTimers.values()) clearTimeout(timer);
    this.idleTimers.clear();
  }

  private async compact(docName: string): Promise<void> {
    try {
      await this.options.compact?.(docName);
    } catch (error) {
      console.error(`compaction of ${docName} failed`, error);
    }
  }

  private cancelIdle(docName: string): void {
    const timer = this.idleTimers.get(docName);
    if (timer) clearTimeout(timer);
    this.idleTimers.delete(docName);
  }
}
