import { describe, expect, it } from 'vitest';
import { gatedListener, type MessageGate } from './worker-gate.ts';

/** A gate the test opens and closes by hand. */
function handGate() {
  let held = false;
  let free: (() => void)[] = [];
  const gate: MessageGate = {
    held: () => held,
    whenFree: () => new Promise<void>((r) => free.push(r)),
  };
  return {
    gate,
    close: () => (held = true),
    open: () => {
      held = false;
      const f = free;
      free = [];
      f.forEach((r) => r());
    },
  };
}
const tick = () => new Promise<void>((r) => setTimeout(r, 0));

describe('gatedListener: worker messages wait for a pause', () => {
  it('hands a message over at once while the gate is open', () => {
    const got: number[] = [];
    const h = handGate();
    const l = gatedListener<number>(
      (e) => got.push(e),
      () => h.gate,
      tick,
    );
    l(1);
    l(2);
    expect(got).toEqual([1, 2]);
  });

  it('holds messages while the gate is held and hands them over in order, one per task, when it opens', async () => {
    const got: number[] = [];
    const h = handGate();
    let tasks = 0;
    const l = gatedListener<number>(
      (e) => got.push(e),
      () => h.gate,
      async () => {
        tasks++;
        await tick();
      },
    );
    h.close();
    l(1);
    l(2);
    await tick();
    await tick();
    expect(got).toEqual([]);
    h.open();
    // a message arriving while earlier ones still wait queues behind them
    l(3);
    expect(got).toEqual([]);
    for (let i = 0; i < 10 && got.length < 3; i++) await tick();
    expect(got).toEqual([1, 2, 3]);
    expect(tasks).toBeGreaterThanOrEqual(3);
    // and once drained, at once again
    l(4);
    expect(got).toEqual([1, 2, 3, 4]);
  });

  it('stops handing over when the gate closes again mid-queue', async () => {
    const got: number[] = [];
    const h = handGate();
    const l = gatedListener<number>(
      (e) => {
        got.push(e);
        if (e === 1) h.close();
      },
      () => h.gate,
      tick,
    );
    h.close();
    l(1);
    l(2);
    h.open();
    for (let i = 0; i < 5; i++) await tick();
    expect(got).toEqual([1]);
    h.open();
    for (let i = 0; i < 5 && got.length < 2; i++) await tick();
    expect(got).toEqual([1, 2]);
  });

  it('a gate that closes itself in delivered() hands over one message per opening', async () => {
    const got: number[] = [];
    let turn = false;
    let openings = 0;
    const gate: MessageGate = {
      held: () => !turn,
      whenFree: async () => {
        openings++;
        await tick();
        turn = true;
      },
      delivered: () => {
        turn = false;
      },
    };
    const l = gatedListener<number>(
      (e) => got.push(e),
      () => gate,
      tick,
    );
    l(1);
    l(2);
    l(3);
    expect(got).toEqual([]);
    for (let i = 0; i < 30 && got.length < 3; i++) await tick();
    expect(got).toEqual([1, 2, 3]);
    expect(openings).toBe(3);
    // delivered() is called for a message handed over at once too
    turn = true;
    l(4);
    expect(got).toEqual([1, 2, 3, 4]);
    expect(turn).toBe(false);
  });

  it('without a gate, everything at once', () => {
    const got: number[] = [];
    const l = gatedListener<number>(
      (e) => got.push(e),
      () => null,
      tick,
    );
    l(1);
    expect(got).toEqual([1]);
  });
});
