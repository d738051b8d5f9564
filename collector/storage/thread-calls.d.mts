interface Port {
  postMessage(message: unknown): void;
}

export interface ThreadCalls {
  call<T>(port: Port, request: object): Promise<T>;
  answer(message: { id: number; result?: unknown; error?: string; holding?: true }): void;
  failAll(error: Error): void;
}

export function threadCalls(onHold?: () => void): ThreadCalls;
export function answerTo(port: Port, id: number, work: () => unknown): Promise<void>;
