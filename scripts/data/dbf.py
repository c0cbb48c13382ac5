"""Minimal dBASE III (.dbf) reader, standard library only (Natural Earth shapefile attributes)."""
import struct

def read_dbf(data, encoding='utf-8'):
    n, hl, rl = struct.unpack('<IHH', data[4:12])
    fields, off = [], 32
    while data[off] != 0x0D:
        name = data[off:off + 11].split(b'\0')[0].decode('ascii')
        fields.append((name, chr(data[off + 11]), data[off + 16]))
        off += 32
    rows, pos = [], hl
    for _ in range(n):
        rec = data[pos:pos + rl]; pos += rl
        if rec[:1] == b'*':
            continue
        r, p = {}, 1
        for name, typ, ln in fields:
            raw = rec[p:p + ln]; p += ln
            r[name] = raw.rstrip(b'\x00 ').decode(encoding, errors='replace').strip()
        rows.append(r)
    return rows
