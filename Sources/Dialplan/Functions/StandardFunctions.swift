// PLACEHOLDER owned by the functions helper.
/// Every pure dialplan function this package provides.
enum StandardFunctions {
    static let all: [DialplanFunction] = []
}
