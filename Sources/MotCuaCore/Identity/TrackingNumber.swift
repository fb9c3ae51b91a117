/// Vietnam Post parcel codes (mã vận đơn). Most are UPU S10: two letters, eight serial digits, a
/// check digit, the country code (`EC136431858VN`). Other formats exist (domestic services,
/// other carriers), so the desk warns on a bad check digit and never refuses a code.
public enum TrackingNumber {
    public enum Check: Hashable, Sendable {
        /// An S10 code whose check digit is right.
        case valid
        /// S10 shape but the check digit is wrong: probably a typo; ask the clerk to re-read it.
        case badCheckDigit(expected: Int)
        /// Not S10: accept as typed.
        case otherFormat
    }

    /// Uppercase with spaces and dashes removed, the form the post's own tracking site takes.
    public static func normalize(_ raw: String) -> String {
        String(String.UnicodeScalarView(raw.uppercased().unicodeScalars.filter {
            !($0.properties.isWhitespace || $0 == "-")
        }))
    }

    /// UPU S10 weights for the eight serial digits.
    static let weights = [8, 6, 4, 2, 3, 5, 9, 7]

    /// The check digit for eight serial digits: 11 − (weighted sum mod 11), with 10 → 0 and
    /// 11 → 5 (UPU S10).
    public static func checkDigit(serial: [Int]) -> Int? {
        guard serial.count == 8, serial.allSatisfy({ (0...9).contains($0) }) else { return nil }
        let sum = zip(serial, weights).reduce(0) { $0 + $1.0 * $1.1 }
        switch 11 - sum % 11 {
        case 10: return 0
        case 11: return 5
        case let c: return c
        }
    }

    public static func check(_ raw: String) -> Check {
        let code = Array(normalize(raw).unicodeScalars)
        func isLetter(_ s: Unicode.Scalar) -> Bool { ("A"..."Z").contains(s) }
        func digit(_ s: Unicode.Scalar) -> Int? { ("0"..."9").contains(s) ? Int(s.value) - 48 : nil }
        guard code.count == 13,
              code[0..<2].allSatisfy(isLetter), code[11..<13].allSatisfy(isLetter) else { return .otherFormat }
        let numbers = code[2..<11].compactMap(digit)
        guard numbers.count == 9, let expected = checkDigit(serial: Array(numbers.prefix(8))) else {
            return .otherFormat
        }
        return numbers[8] == expected ? .valid : .badCheckDigit(expected: expected)
    }

    /// The warning to show for `check`, or nil when there is nothing to say.
    public static func warning(for check: Check) -> Localized? {
        switch check {
        case .valid, .otherFormat:
            return nil
        case .badCheckDigit(let expected):
            return Localized(
                vi: "Mã vận đơn có số kiểm tra sai (số thứ 11 phải là \(expected)); hãy đọc lại mã trên phiếu",
                en: "The tracking number's check digit is wrong (the 11th character should be \(expected)); re-read the slip")
        }
    }
}
