/**
 * Long builds are written as generators that `yield` now and then, at points where other work may
 * run. The same build then runs straight through, or in slices that leave the event loop free to
 * answer requests meanwhile (a live corpus reload of 100,000 papers takes seconds).
 */
export type Steps<T> = Generator<void, T, void>;

export function runToEnd<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Runs `steps` in slices of about `sliceMs`, letting pending I/O and timers run between them. */
export async function runInSlices<T>(steps: Steps<T>, sliceMs = 10): Promise<T> {
  let until = performance.now() + sliceMs;
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() >= until) {
      await new Promise((resolve) => setImmediate(resolve));
      until = performance.now() + sliceMs;
    }
  }
}
