#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

#if arch(x86_64) || arch(i386)
/// The number type of `$[...]`: C `long double`, the 80-bit x87 format on this architecture.
typealias ExpressionReal = Float80
#else
/// The number type of `$[...]`: `Double` where Swift has no `long double` equivalent.
typealias ExpressionReal = Double
#endif

/// The C library calls behind expression numbers: `strtold` and `snprintf("%.18Lg")`.
enum ExpressionCLibrary {
    /// C `strtold` of `bytes` (which hold no NUL); `rangeError` is true when it set `ERANGE`.
    static func convert(_ bytes: ArraySlice<UInt8>) -> (value: ExpressionReal, rangeError: Bool) {
        var terminated = [CChar]()
        terminated.reserveCapacity(bytes.count + 1)
        for byte in bytes { terminated.append(CChar(bitPattern: byte)) }
        terminated.append(0)
        errno = 0
        #if arch(x86_64) || arch(i386)
        let value = strtold(terminated, nil)
        #else
        let value = strtod(terminated, nil)
        #endif
        return (value, errno == ERANGE)
    }

    /// `snprintf("%.18Lg", value)` (`%.18g` where `long double` is `double`).
    static func formatG18(_ value: ExpressionReal) -> [UInt8] {
        #if arch(x86_64) || arch(i386)
        let format = "%.18Lg"
        #else
        let format = "%.18g"
        #endif
        var buffer = [CChar](repeating: 0, count: 64)
        let written = withVaList([value]) { arguments in
            buffer.withUnsafeMutableBufferPointer { vsnprintf($0.baseAddress, 64, format, arguments) }
        }
        let length = max(0, min(Int(written), 63))
        return buffer[0..<length].map { UInt8(bitPattern: $0) }
    }
}
