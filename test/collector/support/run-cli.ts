import { vi } from 'vitest';
import { main } from '../../../collector/cli/main';

/** Runs the CLI in-process; returns exit code, printed lines and error lines. */
export async function cli(args: string[], stdin: string | null = null) {
  const lines: string[] = [];
  const errors: string[] = [];
  const spy = vi.spyOn(console, 'error').mockImplementation((line: string) => void errors.push(line));
  try {
    const code = await main(args, { out: (line) => lines.push(line), readStdin: async () => stdin });
    return { code, lines, errors };
  } finally {
    spy.mockRestore();
  }
}
