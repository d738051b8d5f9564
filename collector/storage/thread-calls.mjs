/**
 * Requests between the collector's threads, each answered by its id with `{ id, result }` or
 * `{ id, error }`; a `{ holding: true }` (crash tests: a fold's transaction held open) calls
 * `onHold`. Plain JavaScript: the main thread and the fold threads use it alike.
 */
export function threadCalls(onHold) {
  const waiting = new Map();
  let nextId = 0;
  return {
    call(port, request) {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        port.postMessage({ id, ...request });
      });
    },
    /** For the answering side's 'message' events. */
    answer(message) {
      if (message.holding) return onHold?.();
      const caller = waiting.get(message.id);
      waiting.delete(message.id);
      if (message.error === undefined) caller?.resolve(message.result);
      else caller?.reject(new Error(message.error));
    },
    /** The other side died: whatever waits for an answer fails. */
    failAll(error) {
      for (const caller of waiting.values()) caller.reject(error);
      waiting.clear();
    },
  };
}

/** Answers request `id` on `port` with what `work` returns, or with the message of what it throws. */
export async function answerTo(port, id, work) {
  try {
    port.postMessage({ id, result: await work() });
  } catch (error) {
    port.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
}
