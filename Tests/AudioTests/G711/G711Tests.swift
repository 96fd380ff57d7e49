import Foundation
import Testing
@testable import Audio

/// A table-free G.711 written from the standard's segment rules, independent of `G711`'s bit tricks.
///
/// µ-law works on a 14-bit magnitude plus a bias of 33: segment s (0…7) holds the biased magnitudes
/// [32·2^s, 64·2^s) in 16 equal steps of 2^(s+1); the code is the complement of sign·segment·step.
/// A-law works on a 13-bit magnitude: segment 0 holds [0, 32) in steps of 2, segment s ≥ 1 holds
/// [16·2^s, 32·2^s) in steps of 2^s; the code has its even bits inverted (XOR 0x55), sign bit set for positive.
/// Decoding gives the middle of the step, scaled back to 16 bits.
enum G711Reference {
    /// How a negative 16-bit sample becomes a magnitude.
    enum NegativeRounding {
        /// Sun g711.c: arithmetic shift first (toward minus infinity), then negate (A-law: one's complement).
        case sun
        /// libsndfile and Asterisk: magnitude `-x`, then integer division (toward zero).
        case truncate
    }

    static func ulaw(_ x: Int16, rounding: NegativeRounding = .sun) -> UInt8 {
        let value = Int(x)
        let negative = value < 0
        let magnitude: Int
        switch (negative, rounding) {
        case (false, _): magnitude = value / 4
        case (true, .sun): magnitude = -Int((Double(value) / 4).rounded(.down))
        case (true, .truncate): magnitude = -value / 4
        }
        let biased = min(magnitude, 8159) + 33
        var code = 0x7F  // beyond the last segment: the largest code
        for segment in 0 ..< 8 {
            let low = 32 << segment, high = 64 << segment
            if biased >= low && biased < high {
                code = segment * 16 + (biased - low) / (2 << segment)
                break
            }
        }
        return UInt8(~(code | (negative ? 0x80 : 0)) & 0xFF)
    }

    static func alaw(_ x: Int16, rounding: NegativeRounding = .sun) -> UInt8 {
        let value = Int(x)
        let negative = value < 0
        let magnitude: Int
        switch (negative, rounding) {
        case (false, _): magnitude = value / 8
        case (true, .sun): magnitude = -Int((Double(value) / 8).rounded(.down)) - 1
        case (true, .truncate): magnitude = -value / 8
        }
        var code = 0x7F
        if magnitude < 32 {
            code = magnitude / 2
        } else {
            for segment in 1 ..< 8 {
                let low = 16 << segment, high = 32 << segment
                if magnitude >= low && magnitude < high {
                    code = segment * 16 + (magnitude - low) / (1 << segment)
                    break
                }
            }
        }
        return UInt8((code | (negative ? 0 : 0x80)) ^ 0x55)
    }

    static func ulawDecode(_ code: UInt8) -> Int16 {
        let c = Int(~code & 0xFF)
        let segment = (c >> 4) & 7, step = c & 15
        // Middle of [32·2^s + step·2^(s+1), … + 2^(s+1)) minus the bias, in 16-bit units (× 4).
        let middle = (32 << segment) + step * (2 << segment) + (1 << segment)
        let magnitude = (middle - 33) * 4
        return Int16(c & 0x80 != 0 ? -magnitude : magnitude)
    }

    static func alawDecode(_ code: UInt8) -> Int16 {
        let c = Int(code ^ 0x55)
        let segment = (c >> 4) & 7, step = c & 15
        let middleTimesTwo = segment == 0 ? 4 * step + 2 : 2 * ((16 << segment) + step * (1 << segment)) + (1 << segment)
        let magnitude = middleTimesTwo * 4  // (middle × 8), middle may be a half
        return Int16(c & 0x80 != 0 ? magnitude : -magnitude)
    }
}

@Suite("G.711")
struct G711Tests {
    static let allSamples: [Int16] = (Int(Int16.min) ... Int(Int16.max)).map { Int16($0) }
    static let allCodes: [UInt8] = (0 ... 255).map { UInt8($0) }

    @Test func ulawEncodeMatchesTheReferenceForEverySample() {
        let mismatches = Self.allSamples.filter { G711.encodeULaw($0) != G711Reference.ulaw($0) }
        #expect(mismatches.isEmpty, "first mismatches: \(mismatches.prefix(5))")
        #expect(G711.encodeULaw(Self.allSamples) == Self.allSamples.map { G711Reference.ulaw($0) })
    }

    @Test func alawEncodeMatchesTheReferenceForEverySample() {
        let mismatches = Self.allSamples.filter { G711.encodeALaw($0) != G711Reference.alaw($0) }
        #expect(mismatches.isEmpty, "first mismatches: \(mismatches.prefix(5))")
        #expect(G711.encodeALaw(Self.allSamples) == Self.allSamples.map { G711Reference.alaw($0) })
    }

    @Test func decodeMatchesTheReferenceForEveryCode() {
        for code in Self.allCodes {
            #expect(G711.decodeULaw(code) == G711Reference.ulawDecode(code), "µ-law \(code)")
            #expect(G711.decodeALaw(code) == G711Reference.alawDecode(code), "A-law \(code)")
        }
        #expect(G711.decodeULaw(Self.allCodes) == Self.allCodes.map(G711Reference.ulawDecode))
        #expect(G711.decodeALaw(Self.allCodes) == Self.allCodes.map(G711Reference.alawDecode))
    }

    /// Values printed by the Sun g711.c routines.
    @Test func knownValues() {
        #expect(G711.encodeULaw(0) == 0xFF)
        #expect(G711.encodeULaw(-1) == 0x7E)
        #expect(G711.encodeULaw(32767) == 0x80)
        #expect(G711.encodeULaw(-32768) == 0x00)
        #expect(G711.encodeULaw(1000) == 0xCE)
        #expect(G711.decodeULaw(0x00) == -32124)
        #expect(G711.decodeULaw(0x80) == 32124)
        #expect(G711.decodeULaw(0xFF) == 0)
        #expect(G711.decodeULaw(0x7F) == 0)
        #expect(G711.encodeALaw(0) == 0xD5)
        #expect(G711.encodeALaw(-1) == 0x55)
        #expect(G711.encodeALaw(32767) == 0xAA)
        #expect(G711.encodeALaw(-32768) == 0x2A)
        #expect(G711.decodeALaw(0xD5) == 8)
        #expect(G711.decodeALaw(0x55) == -8)
        #expect(G711.decodeALaw(0xAA) == 32256)
        #expect(G711.decodeALaw(0x2A) == -32256)
    }

    @Test func encodingADecodedValueGivesItBack() {
        for code in Self.allCodes {
            let u = G711.decodeULaw(code)
            #expect(G711.decodeULaw(G711.encodeULaw(u)) == u)
            #expect(G711.encodeALaw(G711.decodeALaw(code)) == code, "A-law \(code)")
        }
        // Only µ-law's two zeros (0x7F "-0" and 0xFF "+0") share a value.
        #expect(Set(Self.allCodes.map(G711.decodeULaw)).count == 255)
        #expect(Set(Self.allCodes.map(G711.decodeALaw)).count == 256)
    }

    @Test func encodingIsMonotonic() {
        // Decoding the code of a larger sample never gives a smaller value.
        var previousU = Int16.min, previousA = Int16.min
        for sample in Self.allSamples {
            let u = G711.decodeULaw(G711.encodeULaw(sample)), a = G711.decodeALaw(G711.encodeALaw(sample))
            #expect(u >= previousU && a >= previousA)
            if u < previousU || a < previousA { break }
            previousU = u
            previousA = a
        }
    }

    /// libsndfile encodes with its own tables: this writes every 16-bit sample through libsndfile's µ-law and
    /// A-law WAV writers, reads the bytes back and compares. Positive samples agree with `G711` exactly;
    /// negative ones follow the truncating rounding (the model above), which differs from Sun's on some
    /// quantisation boundaries. Decoding agrees for every code.
    @Test("libsndfile's own G.711 conversion", arguments: [AudioEncoding.ulaw, .alaw])
    func libsndfileCrossCheck(encoding: AudioEncoding) throws {
        let directory = NSTemporaryDirectory() + "g711-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/libsndfile-\(encoding).wav"
        try AudioFile.write(interleaved: Self.allSamples, channels: 1, sampleRate: 8000, to: path,
                            encoding: encoding, libsndfileCodec: true)
        let written = try #require(FileManager.default.contents(atPath: path).map { [UInt8]($0) })
        let codes = try #require(AudioFileFixtures.dataChunk(of: written))
        try #require(codes.count == 65536)

        let ours = encoding == .ulaw ? G711.encodeULaw(Self.allSamples) : G711.encodeALaw(Self.allSamples)
        let truncating = Self.allSamples.map {
            encoding == .ulaw ? G711Reference.ulaw($0, rounding: .truncate) : G711Reference.alaw($0, rounding: .truncate)
        }
        #expect(codes == truncating, "libsndfile follows the truncating model")
        let positiveDifferences = (32768 ..< 65536).filter { codes[$0] != ours[$0] }
        #expect(positiveDifferences.isEmpty)
        let negativeDifferences = (0 ..< 32768).filter { codes[$0] != ours[$0] }
        #expect(negativeDifferences.count == (encoding == .ulaw ? 381 : 127))
        // Where they differ, the codes are neighbours: one quantisation step apart.
        for index in negativeDifferences {
            let delta = encoding == .ulaw ? Int(ours[index]) - Int(codes[index]) : Int(ours[index] ^ 0x55) - Int(codes[index] ^ 0x55)
            #expect(abs(delta) == 1, "sample \(Int(index) - 32768)")
        }

        // Decoding: a WAV holding every code, read through libsndfile, gives G711's values.
        let formatTag: UInt16 = encoding == .ulaw ? 7 : 6
        let table = directory + "/codes-\(encoding).wav"
        AudioFileFixtures.write(AudioFileFixtures.rawWAV(formatTag: formatTag, bitsPerSample: 8, payload: Self.allCodes), to: table)
        let decoded = try AudioFile.read(table).samples
        #expect(decoded == (encoding == .ulaw ? G711.decodeULaw(Self.allCodes) : G711.decodeALaw(Self.allCodes)))
    }
}
