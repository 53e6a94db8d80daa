// CRC-32 (IEEE 802.3, the one zlib uses), as AWS event-stream framing requires:
// node:zlib's own (Node ≥ 20.15, see `engines` in package.json), over a range.
import { crc32 as zlibCrc32 } from "node:zlib";

export function crc32(bytes: Uint8Array, start = 0, end = bytes.length): number {
  return zlibCrc32(start === 0 && end === bytes.length ? bytes : bytes.subarray(start, end));
}
