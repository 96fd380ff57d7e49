#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The functions built into `$[...]` (`COS`, `POW`, `ROUND`, ...), computed in long double as Asterisk does.
enum ExpressionMathFunctions {
    /// A built-in: one or two numeric arguments.
    enum Function {
        case unary((ExpressionReal) -> ExpressionReal)
        case binary((ExpressionReal, ExpressionReal) -> ExpressionReal)

        var arity: Int {
            switch self {
            case .unary: 1
            case .binary: 2
            }
        }
    }

    /// The built-in called `name`, nil for other names.
    static func function(named name: String) -> Function? {
        switch name {
        case "COS": .unary(Real.cos)
        case "SIN": .unary(Real.sin)
        case "TAN": .unary(Real.tan)
        case "ACOS": .unary(Real.acos)
        case "ASIN": .unary(Real.asin)
        case "ATAN": .unary(Real.atan)
        case "ATAN2": .binary(Real.atan2)
        case "POW": .binary(Real.pow)
        case "SQRT": .unary(Real.sqrt)
        case "FLOOR": .unary(Real.floor)
        case "CEIL": .unary(Real.ceil)
        case "ROUND": .unary(Real.round)
        case "RINT": .unary(Real.rint)
        case "TRUNC": .unary(Real.trunc)
        case "EXP": .unary(Real.exp)
        case "EXP2": .unary(Real.exp2)
        case "EXP10": .unary(Real.exp10)
        case "LOG": .unary(Real.log)
        case "LOG2": .unary(Real.log2)
        case "LOG10": .unary(Real.log10)
        case "REMAINDER": .binary(Real.remainder)
        // ABS multiplies negatives by -1 and returns anything else as is (so -0 stays -0).
        case "ABS": .unary { $0 < 0 ? $0 * -1 : $0 }
        default: nil
        }
    }

    /// Calls a built-in on evaluated arguments; a wrong argument count warns and gives 0.
    ///
    /// A non-numeric argument reads as 0 (the C code reads the string's storage as a number).
    static func call(_ function: Function, name: String, arguments: [ExpressionValue],
                     in workspace: ExpressionWorkspace) -> ExpressionValue {
        guard arguments.count == function.arity else {
            workspace.warn("Wrong args to \(name)() function")
            return .number(0)
        }
        let values = arguments.map { workspace.number($0) ?? 0 }
        switch function {
        case .unary(let body): return .number(body(values[0]))
        case .binary(let body): return .number(body(values[0], values[1]))
        }
    }

    /// The C math library for the expression number type.
    enum Real {
        #if arch(x86_64) || arch(i386)
        static func cos(_ x: Float80) -> Float80 { cosl(x) }
        static func sin(_ x: Float80) -> Float80 { sinl(x) }
        static func tan(_ x: Float80) -> Float80 { tanl(x) }
        static func acos(_ x: Float80) -> Float80 { acosl(x) }
        static func asin(_ x: Float80) -> Float80 { asinl(x) }
        static func atan(_ x: Float80) -> Float80 { atanl(x) }
        static func atan2(_ y: Float80, _ x: Float80) -> Float80 { atan2l(y, x) }
        static func pow(_ x: Float80, _ y: Float80) -> Float80 { powl(x, y) }
        static func sqrt(_ x: Float80) -> Float80 { sqrtl(x) }
        static func floor(_ x: Float80) -> Float80 { floorl(x) }
        static func ceil(_ x: Float80) -> Float80 { ceill(x) }
        static func round(_ x: Float80) -> Float80 { roundl(x) }
        static func rint(_ x: Float80) -> Float80 { rintl(x) }
        static func trunc(_ x: Float80) -> Float80 { truncl(x) }
        static func exp(_ x: Float80) -> Float80 { expl(x) }
        static func exp2(_ x: Float80) -> Float80 { exp2l(x) }
        static func log(_ x: Float80) -> Float80 { logl(x) }
        static func log2(_ x: Float80) -> Float80 { log2l(x) }
        static func log10(_ x: Float80) -> Float80 { log10l(x) }
        static func remainder(_ x: Float80, _ y: Float80) -> Float80 { remainderl(x, y) }

        /// glibc's `exp10l` (a GNU extension Swift does not import), else `powl(10, x)`.
        static func exp10(_ x: Float80) -> Float80 {
            if let exp10l = libraryExp10 { return exp10l(x) }
            return powl(10, x)
        }

        private typealias CFunction = @convention(c) (Float80) -> Float80
        private static let libraryExp10: CFunction? = {
            #if canImport(Glibc)
            guard let symbol = dlsym(nil, "exp10l") else { return nil }
            return unsafeBitCast(symbol, to: CFunction.self)
            #else
            return nil
            #endif
        }()
        #else
        static func cos(_ x: Double) -> Double { libm_cos(x) }
        static func sin(_ x: Double) -> Double { libm_sin(x) }
        static func tan(_ x: Double) -> Double { libm_tan(x) }
        static func acos(_ x: Double) -> Double { libm_acos(x) }
        static func asin(_ x: Double) -> Double { libm_asin(x) }
        static func atan(_ x: Double) -> Double { libm_atan(x) }
        static func atan2(_ y: Double, _ x: Double) -> Double { libm_atan2(y, x) }
        static func pow(_ x: Double, _ y: Double) -> Double { libm_pow(x, y) }
        static func sqrt(_ x: Double) -> Double { x.squareRoot() }
        static func floor(_ x: Double) -> Double { x.rounded(.down) }
        static func ceil(_ x: Double) -> Double { x.rounded(.up) }
        static func round(_ x: Double) -> Double { x.rounded(.toNearestOrAwayFromZero) }
        static func rint(_ x: Double) -> Double { x.rounded(.toNearestOrEven) }
        static func trunc(_ x: Double) -> Double { x.rounded(.towardZero) }
        static func exp(_ x: Double) -> Double { libm_exp(x) }
        static func exp2(_ x: Double) -> Double { libm_exp2(x) }
        static func exp10(_ x: Double) -> Double { libm_pow(10, x) }
        static func log(_ x: Double) -> Double { libm_log(x) }
        static func log2(_ x: Double) -> Double { libm_log2(x) }
        static func log10(_ x: Double) -> Double { libm_log10(x) }
        static func remainder(_ x: Double, _ y: Double) -> Double { x.remainder(dividingBy: y) }
        #endif
    }
}

#if !(arch(x86_64) || arch(i386))
// The C math library's double functions, under names the members of `Real` do not shadow.
private let libm_cos: @Sendable (Double) -> Double = cos
private let libm_sin: @Sendable (Double) -> Double = sin
private let libm_tan: @Sendable (Double) -> Double = tan
private let libm_acos: @Sendable (Double) -> Double = acos
private let libm_asin: @Sendable (Double) -> Double = asin
private let libm_atan: @Sendable (Double) -> Double = atan
private let libm_exp: @Sendable (Double) -> Double = exp
private let libm_exp2: @Sendable (Double) -> Double = exp2
private let libm_log: @Sendable (Double) -> Double = log
private let libm_log2: @Sendable (Double) -> Double = log2
private let libm_log10: @Sendable (Double) -> Double = log10
private let libm_atan2: @Sendable (Double, Double) -> Double = atan2
private let libm_pow: @Sendable (Double, Double) -> Double = pow
#endif
