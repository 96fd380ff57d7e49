/// ITU-T G.711 µ-law and A-law companding of 16-bit linear samples, bit-exact with the classic Sun Microsystems
/// `g711.c` (`linear2ulaw`, `ulaw2linear`, `linear2alaw`, `alaw2linear`) that most software takes as the reference.
///
/// Encoding keeps the top 14 (µ-law) or 13 (A-law) bits: `sample >> 2` / `sample >> 3`, an arithmetic shift.
/// Negative samples are therefore rounded toward minus infinity before taking the magnitude (µ-law:
/// `-(x >> 2)`; A-law: the one's complement `-(x >> 3) - 1`, as in ITU-T G.191). libsndfile and Asterisk instead
/// truncate the magnitude (`-x / 4`, `-x / 8`), so for some negative inputs on a quantisation boundary their
/// code is the neighbouring one (381 of 65,536 µ-law inputs, 127 A-law ones); decoding is identical everywhere.
public enum G711 {
    // MARK: µ-law

    /// µ-law code of one 16-bit sample (`linear2ulaw`).
    public static func encodeULaw(_ sample: Int16) -> UInt8 {
        var value = Int(sample) >> 2
        let mask: UInt8
        if value < 0 {
            value = -value
            mask = 0x7F
        } else {
            mask = 0xFF
        }
        value = min(value, 8159) + 33  // clip, then add the bias (0x84 >> 2)
        // Segment: value <= 0x3F << segment; value is at least 33 and at most 8192.
        let segment = max(0, (Int.bitWidth - value.leadingZeroBitCount) - 6)
        guard segment < 8 else { return 0x7F ^ mask }
        let code = UInt8(segment << 4) | UInt8((value >> (segment + 1)) & 0x0F)
        return code ^ mask
    }

    /// 16-bit sample a µ-law code stands for (`ulaw2linear`).
    public static func decodeULaw(_ code: UInt8) -> Int16 { ulawTable[Int(code)] }

    public static func encodeULaw(_ samples: [Int16]) -> [UInt8] { samples.map { encodeULaw($0) } }

    public static func decodeULaw(_ codes: [UInt8]) -> [Int16] {
        ulawTable.withUnsafeBufferPointer { table in codes.map { table[Int($0)] } }
    }

    // MARK: A-law

    /// A-law code of one 16-bit sample (`linear2alaw`).
    public static func encodeALaw(_ sample: Int16) -> UInt8 {
        var value = Int(sample) >> 3
        let mask: UInt8
        if value >= 0 {
            mask = 0xD5
        } else {
            mask = 0x55
            value = -value - 1
        }
        // Segment: value <= 0x1F << segment (0 and 1 share the 0…0x1F step size).
        let segment = max(0, (Int.bitWidth - value.leadingZeroBitCount) - 5)
        guard segment < 8 else { return 0x7F ^ mask }
        let shift = segment < 2 ? 1 : segment
        let code = UInt8(segment << 4) | UInt8((value >> shift) & 0x0F)
        return code ^ mask
    }

    /// 16-bit sample an A-law code stands for (`alaw2linear`).
    public static func decodeALaw(_ code: UInt8) -> Int16 { alawTable[Int(code)] }

    public static func encodeALaw(_ samples: [Int16]) -> [UInt8] { samples.map { encodeALaw($0) } }

    public static func decodeALaw(_ codes: [UInt8]) -> [Int16] {
        alawTable.withUnsafeBufferPointer { table in codes.map { table[Int($0)] } }
    }

    // MARK: Decoding tables

    private static let ulawTable: [Int16] = (0 ... 255).map { ulawToLinear(UInt8($0)) }
    private static let alawTable: [Int16] = (0 ... 255).map { alawToLinear(UInt8($0)) }

    private static func ulawToLinear(_ code: UInt8) -> Int16 {
        let inverted = ~code
        let segment = Int((inverted & 0x70) >> 4)
        let magnitude = ((Int(inverted & 0x0F) << 3) + 0x84) << segment
        return Int16(inverted & 0x80 != 0 ? 0x84 - magnitude : magnitude - 0x84)
    }

    private static func alawToLinear(_ code: UInt8) -> Int16 {
        let toggled = code ^ 0x55
        let segment = Int((toggled & 0x70) >> 4)
        var magnitude = Int(toggled & 0x0F) << 4
        switch segment {
        case 0: magnitude += 8
        case 1: magnitude += 0x108
        default: magnitude = (magnitude + 0x108) << (segment - 1)
        }
        return Int16(toggled & 0x80 != 0 ? magnitude : -magnitude)
    }
}
