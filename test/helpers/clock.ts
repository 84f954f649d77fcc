import type { Clock } from '../../src/daily/runner';

/** A clock that moves only when told, firing the timers it passes in order. */
export class FakeClock implements Clock {
  private time: number;
  private timers: { at: number; run: () => void; cancelled: boolean }[] = [];

  constructor(start: Date | string) {
    this.time = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.time);
  }

  setTimer(ms: number, run: () => void): { cancel(): void } {
    const timer = { at: this.time + Math.max(0, ms), run, cancelled: false };
    this.timers.push(timer);
    return { cancel: () => void (timer.cancelled = true) };
  }

  /** Timers still armed. */
  get pending(): number {
    return this.timers.filter((t) => !t.cancelled).length;
  }

  /**
   * Moves to `target`, firing each timer due on the way at its own time and waiting for `settle`
   * (the runner's idle) after each, so what a timer starts is finished before time moves on.
   */
  async advanceTo(target: Date | string, settle: () => Promise<void>): Promise<void> {
    const end = new Date(target).getTime();
    for (;;) {
      this.timers = this.timers.filter((t) => !t.cancelled);
      const next = this.timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at)[0];
      if (!next) break;
      this.time = Math.max(this.time, next.at);
      next.cancelled = true;
      next.run();
      await settle();
    }
    this.time = Math.max(this.time, end);
  }
}
