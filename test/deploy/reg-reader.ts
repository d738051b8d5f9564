/** Reads back what regedit would import from a .reg file: key path → value name → typed value. */
export type RegValue = { type: 'REG_SZ'; value: string } | { type: 'REG_DWORD'; value: number } | { type: 'DELETE' };

export function readReg(bytes: Buffer): { header: string; keys: Map<string, Map<string, RegValue>>; deletedKeys: string[]; text: string } {
  if (bytes[0] !== 0xff || bytes[1] !== 0xfe) throw new Error('not UTF-16LE with a byte order mark');
  const text = bytes.subarray(2).toString('utf16le');
  const lines = text.split('\r\n');
  const keys = new Map<string, Map<string, RegValue>>();
  const deletedKeys: string[] = [];
  let current: Map<string, RegValue> | undefined;
  for (const line of lines.slice(1)) {
    if (line === '' || line.startsWith(';')) continue;
    const key = /^\[(-?)(.+)\]$/.exec(line);
    if (key) {
      if (key[1]) {
        deletedKeys.push(key[2]!);
        current = undefined;
      } else {
        current = keys.get(key[2]!) ?? new Map();
        keys.set(key[2]!, current);
      }
      continue;
    }
    const value = /^"((?:[^"\\]|\\.)*)"=(.*)$/.exec(line);
    if (!value || !current) throw new Error(`unexpected line: ${line}`);
    const [, name, data] = value as unknown as [string, string, string];
    if (data === '-') current.set(name, { type: 'DELETE' });
    else if (data.startsWith('dword:')) current.set(name, { type: 'REG_DWORD', value: parseInt(data.slice(6), 16) });
    else if (/^"((?:[^"\\]|\\.)*)"$/.test(data)) current.set(name, { type: 'REG_SZ', value: data.slice(1, -1).replace(/\\(.)/g, '$1') });
    else throw new Error(`unexpected value: ${data}`);
  }
  return { header: lines[0] ?? '', keys, deletedKeys, text };
}
