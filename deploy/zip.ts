import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';

/**
 * A plain zip (deflate, no zip64) of a folder, files sorted for a stable result. For tests and
 * tools that package an already built extension folder without running the bundler again;
 * `replace` swaps a file's contents by its relative path.
 */
export function zipDirectory(directory: string, replace: Record<string, Buffer> = {}): Buffer {
  const files = listFiles(directory).sort();
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const file of files) {
    const relativeName = relative(directory, file).split(sep).join('/');
    const name = Buffer.from(relativeName, 'utf8');
    const data = replace[relativeName] ?? readFileSync(file);
    const compressed = deflateRawSync(data);
    const checksum = crc32(data);
    const common = Buffer.alloc(26);
    common.writeUInt16LE(20, 0); // version needed
    common.writeUInt16LE(0x0800, 2); // UTF-8 names
    common.writeUInt16LE(8, 4); // deflate
    common.writeUInt16LE(0, 6); // time
    common.writeUInt16LE(0x21, 8); // date 1980-01-01
    common.writeUInt32LE(checksum, 10);
    common.writeUInt32LE(compressed.length, 14);
    common.writeUInt32LE(data.length, 18);
    common.writeUInt16LE(name.length, 22);
    common.writeUInt16LE(0, 24); // extra length
    const local = Buffer.concat([uint32(0x04034b50), common, name, compressed]);
    const centralTail = Buffer.alloc(10); // comment length, disk, internal and external attributes
    centrals.push(Buffer.concat([uint32(0x02014b50), uint16(20), common, centralTail, uint32(offset), name]));
    locals.push(local);
    offset += local.length;
  }
  const central = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(central.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, central, end]);
}

function listFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    return entry.isDirectory() ? listFiles(path) : entry.isFile() ? [path] : [];
  });
}

function uint16(value: number): Buffer {
  const buffer = Buffer.alloc(2);
  buffer.writeUInt16LE(value);
  return buffer;
}

function uint32(value: number): Buffer {
  const buffer = Buffer.alloc(4);
  buffer.writeUInt32LE(value);
  return buffer;
}
