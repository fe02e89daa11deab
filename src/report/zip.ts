/**
 * Writing a zip package (.xlsx) as a stream: each entry is deflated piece by piece with Node's
 * zlib and written at once, with its CRC and sizes in a data descriptor after the data, so
 * neither a whole entry nor the whole package is held in memory. Each piece ends with a sync
 * flush, which makes the pieces one valid deflate stream; an empty final block closes it.
 * No Zip64: a package stays under 4 GiB (a workbook of registers is megabytes).
 */
import { writeSync } from "node:fs";
import { constants, crc32, deflateRawSync } from "node:zlib";

/** Flags: sizes in a data descriptor (bit 3), names in UTF-8 (bit 11). */
const FLAGS = 0x0808;
const DEFLATE = 8;
/** 1980-01-01 00:00, the earliest DOS date: entries carry no time, so equal content gives equal files. */
const DOS_DATE = 0x0021;

interface Entry {
  name: Buffer;
  crc: number;
  compressed: number;
  size: number;
  offset: number;
}

export class ZipWriter {
  private offset = 0;
  private readonly entries: Entry[] = [];

  /** `fd`: a file open for writing, at its start. */
  constructor(private readonly fd: number) {}

  /** Adds one entry from its text, given in pieces (UTF-8). */
  add(name: string, pieces: Iterable<string>): void {
    const entry: Entry = { name: Buffer.from(name, "utf8"), crc: 0, compressed: 0, size: 0, offset: this.offset };
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(FLAGS, 6);
    header.writeUInt16LE(DEFLATE, 8);
    header.writeUInt16LE(DOS_DATE, 12);
    header.writeUInt16LE(entry.name.length, 26);
    this.write(header);
    this.write(entry.name);
    const data = (bytes: Buffer) => {
      this.write(bytes);
      entry.compressed += bytes.length;
    };
    for (const piece of pieces) {
      const bytes = Buffer.from(piece, "utf8");
      if (bytes.length === 0) continue;
      entry.crc = crc32(bytes, entry.crc);
      entry.size += bytes.length;
      data(deflateRawSync(bytes, { finishFlush: constants.Z_SYNC_FLUSH }));
    }
    data(deflateRawSync(Buffer.alloc(0)));
    const descriptor = Buffer.alloc(16);
    descriptor.writeUInt32LE(0x08074b50, 0);
    descriptor.writeUInt32LE(entry.crc, 4);
    descriptor.writeUInt32LE(entry.compressed, 8);
    descriptor.writeUInt32LE(entry.size, 12);
    this.write(descriptor);
    this.entries.push(entry);
  }

  /** Writes the central directory; the package is complete. */
  end(): void {
    const start = this.offset;
    for (const e of this.entries) {
      const record = Buffer.alloc(46);
      record.writeUInt32LE(0x02014b50, 0);
      record.writeUInt16LE(20, 4);
      record.writeUInt16LE(20, 6);
      record.writeUInt16LE(FLAGS, 8);
      record.writeUInt16LE(DEFLATE, 10);
      record.writeUInt16LE(DOS_DATE, 14);
      record.writeUInt32LE(e.crc, 16);
      record.writeUInt32LE(e.compressed, 20);
      record.writeUInt32LE(e.size, 24);
      record.writeUInt16LE(e.name.length, 28);
      record.writeUInt32LE(e.offset, 42);
      this.write(record);
      this.write(e.name);
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.entries.length, 8);
    end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(this.offset - start, 12);
    end.writeUInt32LE(start, 16);
    this.write(end);
  }

  private write(bytes: Buffer): void {
    for (let done = 0; done < bytes.length; ) done += writeSync(this.fd, bytes, done);
    this.offset += bytes.length;
  }
}
