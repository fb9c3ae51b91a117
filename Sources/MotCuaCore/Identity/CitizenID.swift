/// A citizen's identity number as written on the card: the 12-digit personal identification
/// number of the CCCD / thẻ căn cước, or the 9-digit number of an old CMND (still seen on paper
/// records and accepted for walk-ins).
///
/// Layout of the 12 digits (Thông tư 07/2016/TT-BCA, Điều 7): province code of the birth
/// registration (3), century and sex (1), last two digits of the birth year (2), random (6).
public struct CitizenID: Hashable, Sendable, CustomStringConvertible {
    public enum Kind: String, Hashable, Sendable, Codable {
        /// 12 digits: căn cước công dân / thẻ căn cước (số định danh cá nhân).
        case cccd
        /// 9 digits: chứng minh nhân dân (old).
        case cmnd
    }

    public enum Sex: String, Hashable, Sendable, Codable {
        case male, female
    }

    /// Only the digits, spaces and dots removed.
    public let digits: String
    public let kind: Kind
    /// 3-digit code of the province where the birth was registered (CCCD only).
    public let provinceCode: String?
    public let sex: Sex?
    public let birthYear: Int?

    /// Province name as it was when Thông tư 07/2016/TT-BCA issued the code. The 2025 merger of
    /// provinces did not renumber cards, so the old names are the right ones to show here.
    public var provinceName: String? { provinceCode.flatMap { CitizenID.provinces[$0] } }

    public var description: String { digits }

    static let label = Localized(vi: "Số CCCD/CMND", en: "ID number")

    /// Parses what a clerk typed. Spaces, dots and dashes are ignored (numbers are often read out
    /// in groups). When `asOf` is given, a CCCD whose birth year is after that date is refused
    /// (a mistyped century digit).
    /// - Throws: `FieldError(field: "id_number", …)` saying exactly what is wrong.
    public init(parsing raw: String, asOf today: LocalDate? = nil) throws(FieldError) {
        func fail(_ vi: String, _ en: String) -> FieldError {
            FieldError(field: "id_number", label: CitizenID.label, problem: Localized(vi: vi, en: en))
        }
        let kept = raw.unicodeScalars.filter { !($0.properties.isWhitespace || $0 == "." || $0 == "-") }
        if kept.isEmpty { throw fail("bắt buộc nhập", "is required") }
        if let bad = kept.first(where: { !("0"..."9").contains($0) }) {
            throw fail("chỉ được gồm chữ số, có ký tự '\(Character(bad))'",
                       "must contain digits only, found '\(Character(bad))'")
        }
        let digits = String(String.UnicodeScalarView(kept))
        switch digits.count {
        case 9:
            self.digits = digits; kind = .cmnd
            provinceCode = nil; sex = nil; birthYear = nil
        case 12:
            let d = Array(digits.utf8).map { Int($0) - 48 }
            let province = String(digits.prefix(3))
            guard CitizenID.provinces[province] != nil else {
                throw fail("mã tỉnh '\(province)' (3 số đầu) không có trong danh mục của Thông tư 07/2016/TT-BCA",
                           "province code '\(province)' (first 3 digits) is not in the list of Circular 07/2016/TT-BCA")
            }
            // 0/1 → 1900s, 2/3 → 2000s, … 8/9 → 2300s; even = male, odd = female.
            let year = 1900 + (d[3] / 2) * 100 + d[4] * 10 + d[5]
            if let today, year > today.year {
                throw fail("năm sinh \(year) (số thứ 4–6) chưa tới; kiểm tra lại số thứ 4",
                           "birth year \(year) (digits 4–6) is in the future; check the 4th digit")
            }
            self.digits = digits; kind = .cccd
            provinceCode = province
            sex = d[3] % 2 == 0 ? .male : .female
            birthYear = year
        default:
            throw fail("phải có 12 số (CCCD) hoặc 9 số (CMND cũ), đang có \(digits.count) số",
                       "must have 12 digits (CCCD) or 9 digits (old CMND), has \(digits.count)")
        }
    }

    /// Same as `init(parsing:)`, for call sites that read better as a function.
    public static func parse(_ raw: String) throws(FieldError) -> CitizenID { try CitizenID(parsing: raw) }

    /// With the day of the action: a CCCD whose birth year has not come yet is refused.
    public static func parse(_ raw: String, asOf today: LocalDate) throws(FieldError) -> CitizenID {
        try CitizenID(parsing: raw, asOf: today)
    }

    /// The warning to show for an accepted number: a 9-digit CMND is no longer a valid identity
    /// paper since 31/12/2024 (Luật Căn cước 2023, Điều 46), but old records still carry it.
    public var warning: Localized? {
        guard kind == .cmnd else { return nil }
        return Localized(vi: "CMND 9 số \(digits) đã hết giá trị từ 31/12/2024 (Luật Căn cước 2023); chỉ dùng cho hồ sơ cũ, nên ghi số CCCD",
                         en: "the 9-digit CMND \(digits) is no longer valid since 31/12/2024 (Law on Identity 2023); kept for old records, prefer the CCCD")
    }

    /// The warning for what a clerk typed, if it parses at all (for the desk and the CLI to show).
    public static func warning(for raw: String?) -> Localized? {
        guard let raw, !raw.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        return (try? CitizenID.parse(raw))?.warning
    }

    /// Province and city codes of Thông tư 07/2016/TT-BCA, Phụ lục (63 codes, as issued).
    public static let provinces: [String: String] = [
        "001": "Hà Nội", "002": "Hà Giang", "004": "Cao Bằng", "006": "Bắc Kạn",
        "008": "Tuyên Quang", "010": "Lào Cai", "011": "Điện Biên", "012": "Lai Châu",
        "014": "Sơn La", "015": "Yên Bái", "017": "Hòa Bình", "019": "Thái Nguyên",
        "020": "Lạng Sơn", "022": "Quảng Ninh", "024": "Bắc Giang", "025": "Phú Thọ",
        "026": "Vĩnh Phúc", "027": "Bắc Ninh", "030": "Hải Dương", "031": "Hải Phòng",
        "033": "Hưng Yên", "034": "Thái Bình", "035": "Hà Nam", "036": "Nam Định",
        "037": "Ninh Bình", "038": "Thanh Hóa", "040": "Nghệ An", "042": "Hà Tĩnh",
        "044": "Quảng Bình", "045": "Quảng Trị", "046": "Thừa Thiên Huế", "048": "Đà Nẵng",
        "049": "Quảng Nam", "051": "Quảng Ngãi", "052": "Bình Định", "054": "Phú Yên",
        "056": "Khánh Hòa", "058": "Ninh Thuận", "060": "Bình Thuận", "062": "Kon Tum",
        "064": "Gia Lai", "066": "Đắk Lắk", "067": "Đắk Nông", "068": "Lâm Đồng",
        "070": "Bình Phước", "072": "Tây Ninh", "074": "Bình Dương", "075": "Đồng Nai",
        "077": "Bà Rịa - Vũng Tàu", "079": "Hồ Chí Minh", "080": "Long An", "082": "Tiền Giang",
        "083": "Bến Tre", "084": "Trà Vinh", "086": "Vĩnh Long", "087": "Đồng Tháp",
        "089": "An Giang", "091": "Kiên Giang", "092": "Cần Thơ", "093": "Hậu Giang",
        "094": "Sóc Trăng", "095": "Bạc Liêu", "096": "Cà Mau",
    ]
}

extension CitizenID: ValidatedDigits {}
