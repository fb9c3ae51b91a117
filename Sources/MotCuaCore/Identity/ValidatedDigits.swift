/// A value that is checked when read (a CCCD, a phone number) and kept as its digit string.
/// Encoding writes the digits; decoding re-validates them, so a bad stored value is an error
/// rather than a silently wrong one.
public protocol ValidatedDigits: Codable {
    var digits: String { get }
    static func parse(_ raw: String) throws(FieldError) -> Self
}

extension ValidatedDigits {
    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        do {
            self = try Self.parse(text)
        } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.message(.en)))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(digits)
    }
}
