/**
 * A promise-chain lock: the steps given to one queue run one after another, in the order given,
 * and a step that fails does not stop the next. Each shared resource gets a queue of its own, so
 * a step holding one queue may still wait on another.
 */
export function serialQueue(): <T>(step: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return (step) => {
    const run = tail.then(step, step);
    tail = run.catch(() => undefined);
    return run;
  };
}

/** Storage read-modify-write steps inside the worker, so none overwrites another. */
export const serially = serialQueue();
