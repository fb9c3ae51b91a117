/// A Vietnamese telephone number, stored in the domestic form `0…` with digits only.
///
/// Since the 2018 conversion of 11-digit mobile numbers, mobiles have 10 digits and start with
/// 03, 05, 07, 08 or 09; since the 2017 area-code change, landlines have 11 digits and start
/// with 02 (a 3-digit area code such as 024 Hà Nội / 028 TP.HCM, or a 4-digit one such as
/// 0236 Đà Nẵng).
public struct PhoneNumber: Hashable, Sendable, CustomStringConvertible {
    public enum Kind: String, Hashable, Sendable, Codable {
        case mobile, landline
    }

    /// Domestic digits, e.g. `0912345678`.
    public let digits: String
    public let kind: Kind

    public var description: String { digits }

    static let label = Localized(vi: "Số điện thoại", en: "Phone number")

    /// Area codes of the 2017 plan with three digits (two after the 0); all others have four.
    static let shortAreaCodes: Set<String> = ["024", "028"]

    /// Accepts `0912 345 678`, `0912.345.678`, `+84 912 345 678`, `84912345678`, `0084…`,
    /// `(024) 3825-1234`.
    /// - Throws: `FieldError(field: "phone", …)`.
    public init(parsing raw: String) throws(FieldError) {
        func fail(_ vi: String, _ en: String) -> FieldError {
            FieldError(field: "phone", label: PhoneNumber.label, problem: Localized(vi: vi, en: en))
        }
        let separators: Set<Unicode.Scalar> = [".", "-", "(", ")", "/"]
        var text = String(String.UnicodeScalarView(raw.unicodeScalars.filter {
            !($0.properties.isWhitespace || separators.contains($0))
        }))
        if text.isEmpty { throw fail("bắt buộc nhập", "is required") }
        // Nine digits starting 8x: a mobile (08x) typed without its leading 0, not a country code.
        if text.count == 9, text.hasPrefix("8"), text.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) }) {
            throw fail("có 9 số; thiếu số 0 ở đầu? (số di động có 10 số, ví dụ 0\(text))",
                       "has 9 digits; is the leading 0 missing? (a mobile has 10 digits, e.g. 0\(text))")
        }
        var international = false
        if text.hasPrefix("+") {
            guard text.hasPrefix("+84") else {
                throw fail("chỉ nhận số Việt Nam (+84)", "only Vietnamese numbers (+84) are accepted")
            }
            text.removeFirst(3); international = true
        } else if text.hasPrefix("0084") {
            text.removeFirst(4); international = true
        } else if text.hasPrefix("84") {
            // A domestic number always starts with 0, so a leading 84 is the country code.
            text.removeFirst(2); international = true
        }
        if let bad = text.unicodeScalars.first(where: { !("0"..."9").contains($0) }) {
            throw fail("chỉ được gồm chữ số, có ký tự '\(Character(bad))'",
                       "must contain digits only, found '\(Character(bad))'")
        }
        // "+84 (0) 912…" and "+84 0912…" are common; the 0 is the trunk prefix, drop duplicates.
        if international, !text.hasPrefix("0") { text = "0" + text }
        guard text.hasPrefix("0") else {
            throw fail("phải bắt đầu bằng 0 hoặc +84", "must start with 0 or +84")
        }
        let second = text.dropFirst().first
        switch (text.count, second) {
        case (10, "3"?), (10, "5"?), (10, "7"?), (10, "8"?), (10, "9"?):
            kind = .mobile
        case (11, "2"?):
            kind = .landline
        case (11, "1"?):
            throw fail("đầu số 01x cũ đã chuyển sang 03, 05, 07, 08 từ năm 2018; hãy nhập số mới (10 số)",
                       "old 01x prefixes were converted to 03, 05, 07, 08 in 2018; enter the new 10-digit number")
        case (10, "2"?):
            throw fail("số cố định phải có 11 số gồm mã vùng 02x (ví dụ 024 3825 1234)",
                       "a landline number has 11 digits including the 02x area code (e.g. 024 3825 1234)")
        case (10, _), (11, _):
            throw fail("đầu số '\(text.prefix(2))' không phải số di động (03, 05, 07, 08, 09) hay cố định (02)",
                       "prefix '\(text.prefix(2))' is neither mobile (03, 05, 07, 08, 09) nor landline (02)")
        default:
            throw fail("phải có 10 số (di động) hoặc 11 số (cố định), đang có \(text.count) số",
                       "must have 10 digits (mobile) or 11 digits (landline), has \(text.count)")
        }
        digits = text
    }

    /// Same as `init(parsing:)`, for call sites that read better as a function.
    public static func parse(_ raw: String) throws(FieldError) -> PhoneNumber { try PhoneNumber(parsing: raw) }

    /// Grouped for reading aloud and printing: `0912 345 678`, `024 3825 1234`, `0236 382 1234`.
    public var formatted: String {
        let d = Array(digits)
        func group(_ sizes: [Int]) -> String {
            var parts: [String] = []
            var i = 0
            for size in sizes {
                parts.append(String(d[i..<min(i + size, d.count)])); i += size
            }
            return parts.joined(separator: " ")
        }
        switch kind {
        case .mobile:
            return group([4, 3, 3])
        case .landline:
            return PhoneNumber.shortAreaCodes.contains(String(digits.prefix(3))) ? group([3, 4, 4]) : group([4, 3, 4])
        }
    }

    /// E.164 form for SMS gateways: `+84912345678`.
    public var international: String { "+84" + digits.dropFirst() }
}

extension PhoneNumber: ValidatedDigits {}
