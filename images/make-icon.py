# Draws images/icon.png (128x128): a padlock on a rounded dark-blue tile.
# Pure Python (zlib), so no image tool is needed.
# Run: python3 images/make-icon.py
import math
import os
import struct
import zlib

N = 128
SS = 4  # supersampling per axis for smooth edges
BG = (20, 54, 110)
LOCK = (246, 196, 62)
DARK = (20, 54, 110)
SHACKLE = (220, 226, 236)


def rounded_rect(x, y, x0, y0, x1, y1, r):
    cx = min(max(x, x0 + r), x1 - r)
    cy = min(max(y, y0 + r), y1 - r)
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r


def colour(x, y):
    """Colour at a point in 0..128 space, or None for transparent."""
    if not rounded_rect(x, y, 4, 4, 124, 124, 22):
        return None
    # Shackle: a thick arc above the body.
    d = math.hypot(x - 64, y - 56)
    if y <= 60 and 22 <= d <= 33:
        return SHACKLE
    if 60 < y <= 66 and (31 <= x <= 42 or 86 <= x <= 97):
        return SHACKLE
    if rounded_rect(x, y, 24, 62, 104, 112, 10):
        # Keyhole: a circle and a slot.
        if math.hypot(x - 64, y - 81) <= 8 or (60 <= x <= 68 and 81 <= y <= 100):
            return DARK
        return LOCK
    return BG


rows = []
for py in range(N):
    row = bytearray([0])
    for px in range(N):
        acc = [0, 0, 0, 0]
        for sy in range(SS):
            for sx in range(SS):
                c = colour(px + (sx + 0.5) / SS, py + (sy + 0.5) / SS)
                if c is not None:
                    acc[0] += c[0]
                    acc[1] += c[1]
                    acc[2] += c[2]
                    acc[3] += 255
        n = SS * SS
        a = acc[3] // n
        if a:
            cov = acc[3] / 255
            row += bytes([round(acc[0] / cov), round(acc[1] / cov), round(acc[2] / cov), a])
        else:
            row += bytes(4)
    rows.append(bytes(row))


def chunk(kind, data):
    return struct.pack('>I', len(data)) + kind + data + struct.pack('>I', zlib.crc32(kind + data) & 0xFFFFFFFF)


png = b'\x89PNG\r\n\x1a\n'
png += chunk(b'IHDR', struct.pack('>IIBBBBB', N, N, 8, 6, 0, 0, 0))
png += chunk(b'IDAT', zlib.compress(b''.join(rows), 9))
png += chunk(b'IEND', b'')
out = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'icon.png')
with open(out, 'wb') as f:
    f.write(png)
print(out, len(png), 'bytes')
