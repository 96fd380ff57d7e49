/// The arithmetic, comparison and logic operators of `$[...]`, with the C code's treatment of non-numbers.
extension ExpressionWorkspace {
    /// What `/` gives for a non-numeric divisor or division by zero (C `INT_MAX`).
    static let divisionFailure: ExpressionReal = 2_147_483_647

    /// Applies the binary operator `kind` (any but `?`).
    mutating func apply(_ kind: ExpressionToken.Kind, _ left: ExpressionValue, _ right: ExpressionValue) -> ExpressionValue {
        switch kind {
        case .or: or(left, right)
        case .and: and(left, right)
        case .plus: plus(left, right)
        case .minus: minus(left, right)
        case .times: times(left, right)
        case .divide: divide(left, right)
        case .modulo: modulo(left, right)
        case .equal, .notEqual, .less, .greater, .lessEqual, .greaterEqual: compare(kind, left, right)
        case .colon: match(left, right, anchored: true)
        case .equalTilde: match(left, right, anchored: false)
        case .tildeTilde: concatenate(left, right)
        default: .number(0)
        }
    }

    /// `a | b`: `a` unless it is empty or zero, then `b`.
    func or(_ left: ExpressionValue, _ right: ExpressionValue) -> ExpressionValue {
        var left = left
        return isZeroOrNull(&left) ? right : left
    }

    /// `a & b`: `a` when neither is empty or zero, else 0.
    func and(_ left: ExpressionValue, _ right: ExpressionValue) -> ExpressionValue {
        var left = left
        var right = right
        if isZeroOrNull(&left) || isZeroOrNull(&right) { return .number(0) }
        return left
    }

    /// `= != < > <= >=`: byte-wise on the texts when either side is a non-numeric string, else numeric.
    func compare(_ kind: ExpressionToken.Kind, _ left: ExpressionValue, _ right: ExpressionValue) -> ExpressionValue {
        let result: Bool
        if left.isString || right.isString {
            let a = bytes(of: left)
            let b = bytes(of: right)
            switch kind {
            case .equal: result = a.elementsEqual(b)
            case .notEqual: result = !a.elementsEqual(b)
            case .less: result = a.lexicographicallyPrecedes(b)
            case .greater: result = b.lexicographicallyPrecedes(a)
            case .lessEqual: result = !b.lexicographicallyPrecedes(a)
            default: result = !a.lexicographicallyPrecedes(b)
            }
        } else {
            // A numeric string the C library cannot hold reads as 0 here (its storage was cleared).
            let a = number(left) ?? 0
            let b = number(right) ?? 0
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

    /// `+`: a non-numeric side is ignored (both: 0).
    func plus(_ left: ExpressionValue, _ right: ExpressionValue) -> ExpressionValue {
        guard let a = number(left) else {
            warn("non-numeric argument")
            return .number(number(right) ?? 0)
        }
        guard let b = number(right) else { return .number(a) }
        return .number(a + b)
    }

    /// `-`: a non-numeric left side counts as 0, a non-numeric right side is ignored.
    func minus(_ left: ExpressionValue, _ right: ExpressionValue) -> ExpressionValue {
        guard let a = number(left) else {
            warn("non-numeric argument")
            guard let b = number(right) else { return .number(0) }
            return .number(0 - b)
        }
        guard let b = number(right) else {
            warn("non-numeric argument")
            return .number(a)
        }
        return .number(a - b)
    }

    /// `*`: 0 when either side is not numeric.
    func times(_ left: ExpressionValue, _ right: ExpressionValue) -> ExpressionValue {
        guard let a = number(left), let b = number(right) else {
            warn("non-numeric argument")
            return .number(0)
        }
        return .number(a * b)
    }

    /// `/` in floating point: a non-numeric dividend gives 0; a non-numeric or zero divisor gives `INT_MAX`.
    func divide(_ left: ExpressionValue, _ right: ExpressionValue) -> ExpressionValue {
        guard let a = number(left) else {
            warn("non-numeric argument")
            return .number(0)
        }
        guard let b = number(right) else {
            warn("non-numeric argument")
            return .number(Self.divisionFailure)
        }
        guard b != 0 else {
            warn("division by zero")
            return .number(Self.divisionFailure)
        }
        return .number(a / b)
    }

    /// `%` is C `fmodl` (sign of the dividend); modulo by zero gives the zero divisor back.
    func modulo(_ left: ExpressionValue, _ right: ExpressionValue) -> ExpressionValue {
        guard let a = number(left), let b = number(right) else {
            warn("non-numeric argument")
            return .number(0)
        }
        guard b != 0 else {
            warn("div by zero")
            return .number(b)
        }
        return .number(a.truncatingRemainder(dividingBy: b))
    }

    /// Unary `-`; a non-number gives 0.
    func negate(_ value: ExpressionValue) -> ExpressionValue {
        guard let a = number(value) else {
            warn("non-numeric argument")
            return .number(0)
        }
        return .number(-a)
    }

    /// Unary `!`: numbers test `== 0`; text is true when empty, `0`, or `atoi` gives 0.
    func not(_ value: ExpressionValue) -> ExpressionValue {
        let isTrue: Bool
        switch value {
        case .number(let a):
            isTrue = !(a == 0)
        case .numericString(let text), .string(let text):
            let characters = bytes(text)
            if characters.isEmpty || characters.elementsEqual(CollectionOfOne(UInt8(ascii: "0"))) {
                isTrue = false
            } else {
                isTrue = ExpressionNumberScanner.atoiIsNonZero(characters)
            }
        }
        return .number(isTrue ? 0 : 1)
    }

    /// `c ? a :: b`: a string condition is true unless empty, `""` or `0`; a number unless zero.
    func choose(_ condition: ExpressionValue, _ whenTrue: ExpressionValue, _ whenFalse: ExpressionValue) -> ExpressionValue {
        let isTrue: Bool
        if case .string(let text) = condition {
            let characters = bytes(text)
            isTrue = !characters.isEmpty && !characters.elementsEqual([0x22, 0x22]) && !characters.elementsEqual([0x30])
        } else {
            isTrue = (number(condition) ?? 0) != 0
        }
        return isTrue ? whenTrue : whenFalse
    }
}
