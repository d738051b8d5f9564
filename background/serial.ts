/** Runs storage read-modify-write steps one after another inside the worker, so none overwrites another. */
let tail: Promise<unknown> = Promise.resolve();

export function serially<T>(step: () => Promise<T>): Promise<T> {
  const run = tail.then(step, step);
  tail = run.catch(() => undefined);
  return run;
}
