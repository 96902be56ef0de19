/**
 * The time Tillit acts on. Real time, plus an offset that only the local channel's
 * "time travel" moves, so reminders and nudges can be seen without waiting a week.
 */
export interface Clock {
  now(): Date;
  advance(milliseconds: number): void;
}

export function createClock(start?: Date): Clock {
  let offset = start ? start.getTime() - Date.now() : 0;
  return {
    now: () => new Date(Date.now() + offset),
    advance: (milliseconds) => {
      offset += milliseconds;
    },
  };
}

/** How far the clock is from real time: what is saved so a restart keeps the travelled date. */
export const clockOffset = (clock: Clock): number => clock.now().getTime() - Date.now();

/** Moves the clock to a saved offset from real time. */
export function restoreClockOffset(clock: Clock, offsetMs: number): void {
  clock.advance(offsetMs - clockOffset(clock));
}
