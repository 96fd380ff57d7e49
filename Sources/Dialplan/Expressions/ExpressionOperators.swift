/// The arithmetic, comparison and logic operators of `$[...]`, with the C code's treatment of non-numbers.
enum ExpressionOperators {
    /// What `/` gives for a non-numeric divisor or division by zero (C `INT_MAX`).
    static let divisionFailure: ExpressionReal = 2_147_483_647

    /// Applies the binary operator `kind` (not `?`, not the regex operators).
    static func apply(_ kind: ExpressionToken.Kind, _ left: ExpressionValue, _ right: ExpressionValue,
                      context: (any EvaluationContext)?) -> ExpressionValue {
        switch kind {
        case .or: return or(left, right, context: context)
        case .and: return and(left, right, context: context)
        case .plus: return plus(left, right, context: context)
        case .minus: return minus(left, right, context: context)
        case .times: return times(left, right, context: context)
        case .divide: return divide(left, right, context: context)
        case .modulo: return modulo(left, right, context: context)
        case .equal, .notEqual, .less, .greater, .lessEqual, .greaterEqual:
            return compare(kind, left, right, context: context)
        case .colon: return ExpressionRegexOperators.match(left, right, anchored: true, context: context)
        case .equalTilde: return ExpressionRegexOperators.match(left, right, anchored: false, context: context)
        case .tildeTilde: return ExpressionRegexOperators.concatenate(left, right)
        default: return .number(0)
        }
    }

    /// `a | b`: `a` unless it is empty or zero, then `b`.
    static func or(_ left: ExpressionValue, _ right: ExpressionValue, context: (any EvaluationContext)?) -> ExpressionValue {
        var left = left
        return left.isZeroOrNull(warningTo: context) ? right : left
    }

    /// `a & b`: `a` when neither is empty or zero, else 0.
    static func and(_ left: ExpressionValue, _ right: ExpressionValue, context: (any EvaluationContext)?) -> ExpressionValue {
        var left = left
        var right = right
        if left.isZeroOrNull(warningTo: context) || right.isZeroOrNull(warningTo: context) { return .number(0) }
        return left
    }

    /// `= != < > <= >=`: byte-wise on the texts when either side is a non-numeric string, else numeric.
    static func compare(_ kind: ExpressionToken.Kind, _ left: ExpressionValue, _ right: ExpressionValue,
                        context: (any EvaluationContext)?) -> ExpressionValue {
        let result: Bool
        if left.isString || right.isString {
            let a = left.bytes
            let b = right.bytes
            switch kind {
            case .equal: result = a == b
            case .notEqual: result = a != b
            case .less: result = a.lexicographicallyPrecedes(b)
            case .greater: result = b.lexicographicallyPrecedes(a)
            case .lessEqual: result = !b.lexicographicallyPrecedes(a)
            default: result = !a.lexicographicallyPrecedes(b)
            }
        } else {
            // A numeric string the C library cannot hold reads as 0 here (its storage was cleared).
            let a = left.number(warningTo: context) ?? 0
            let b = right.number(warningTo: context) ?? 0
            switch kind {
            case .equal: result = a == b
            case .notEqual: result = a != b
            case .less: result = a < b
            case .greater: result = a > b
            case .lessEqual: result = a <= b
            default: result = a >= b
            }
        }
        return .number(result ? 1 : 0)
    }

    static func plus(_ left: ExpressionValue, _ right: ExpressionValue, context: (any EvaluationContext)?) -> ExpressionValue {
        guard let a = left.number(warningTo: context) else {
            context?.warn("non-numeric argument")
            return .number(right.number(warningTo: context) ?? 0)
        }
        guard let b = right.number(warningTo: context) else { return .number(a) }
        return .number(a + b)
    }

    static func minus(_ left: ExpressionValue, _ right: ExpressionValue, context: (any EvaluationContext)?) -> ExpressionValue {
        guard let a = left.number(warningTo: context) else {
            context?.warn("non-numeric argument")
            guard let b = right.number(warningTo: context) else { return .number(0) }
            return .number(0 - b)
        }
        guard let b = right.number(warningTo: context) else {
            context?.warn("non-numeric argument")
            return .number(a)
        }
        return .number(a - b)
    }

    static func times(_ left: ExpressionValue, _ right: ExpressionValue, context: (any EvaluationContext)?) -> ExpressionValue {
        guard let a = left.number(warningTo: context), let b = right.number(warningTo: context) else {
            context?.warn("non-numeric argument")
            return .number(0)
        }
        return .number(a * b)
    }

    static func divide(_ left: ExpressionValue, _ right: ExpressionValue, context: (any EvaluationContext)?) -> ExpressionValue {
        guard let a = left.number(warningTo: context) else {
            context?.warn("non-numeric argument")
            return .number(0)
        }
        guard let b = right.number(warningTo: context) else {
            context?.warn("non-numeric argument")
            return .number(divisionFailure)
        }
        guard b != 0 else {
            context?.warn("division by zero")
            return .number(divisionFailure)
        }
        return .number(a / b)
    }

    /// `%` is C `fmodl` (sign of the dividend); modulo by zero gives the zero divisor back.
    static func modulo(_ left: ExpressionValue, _ right: ExpressionValue, context: (any EvaluationContext)?) -> ExpressionValue {
        guard let a = left.number(warningTo: context), let b = right.number(warningTo: context) else {
            context?.warn("non-numeric argument")
            return .number(0)
        }
        guard b != 0 else {
            context?.warn("div by zero")
            return .number(b)
        }
        return .number(a.truncatingRemainder(dividingBy: b))
    }

    /// Unary `-`; a non-number gives 0.
    static func negate(_ value: ExpressionValue, context: (any EvaluationContext)?) -> ExpressionValue {
        guard let a = value.number(warningTo: context) else {
            context?.warn("non-numeric argument")
            return .number(0)
        }
        return .number(-a)
    }

    /// Unary `!`: numbers test `== 0`; text is true when empty, `0`, or `atoi` gives 0.
    static func not(_ value: ExpressionValue) -> ExpressionValue {
        let isTrue: Bool
        switch value {
        case .number(let a):
            isTrue = !(a == 0)
        case .numericString(let text), .string(let text):
            if text.isEmpty || (text.count == 1 && text.first == UInt8(ascii: "0")) {
                isTrue = false
            } else {
                isTrue = ExpressionNumberScanner.atoiIsNonZero(text)
            }
        }
        return .number(isTrue ? 0 : 1)
    }

    /// `c ? a :: b`: a string condition is true unless empty, `""` or `0`; a number unless zero.
    static func choose(_ condition: ExpressionValue, _ whenTrue: ExpressionValue, _ whenFalse: ExpressionValue,
                       context: (any EvaluationContext)?) -> ExpressionValue {
        let isTrue: Bool
        if case .string(let text) = condition {
            isTrue = !text.isEmpty && !text.elementsEqual([0x22, 0x22]) && !text.elementsEqual([0x30])
        } else {
            isTrue = (condition.number(warningTo: context) ?? 0) != 0
        }
        return isTrue ? whenTrue : whenFalse
    }
}
