/// A calendar day in Vietnam, with no time zone attached. Day arithmetic goes through the
/// Julian day number so it is exact and has no Foundation calendar dependence.
public struct LocalDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Returns nil for a date that does not exist (2026-02-30, month 13, …).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              day >= 1, day <= LocalDate.daysIn(month: month, year: year) else { return nil }
        self.year = year; self.month = month; self.day = day
    }

    /// Parses `YYYY-MM-DD` strictly (also accepts `DD/MM/YYYY`, the Vietnamese way of writing it).
    public init?(iso text: String) {
        let t = text.trimmingCharacters(in: .whitespaces)
        let dash = t.split(separator: "-", omittingEmptySubsequences: false)
        if dash.count == 3, dash[0].count == 4, dash[1].count == 2, dash[2].count == 2,
           let y = Int(dash[0]), let m = Int(dash[1]), let d = Int(dash[2]) {
            self.init(year: y, month: m, day: d); return
        }
        let slash = t.split(separator: "/", omittingEmptySubsequences: false)
        if slash.count == 3, (1...2).contains(slash[0].count), (1...2).contains(slash[1].count), slash[2].count == 4,
           let d = Int(slash[0]), let m = Int(slash[1]), let y = Int(slash[2]) {
            self.init(year: y, month: m, day: d); return
        }
        return nil
    }

    public init(julianDay jd: Int) {
        // Fliegel–Van Flandern inverse, Gregorian calendar.
        var l = jd + 68569
        let n = 4 * l / 146097
        l = l - (146097 * n + 3) / 4
        let i = 4000 * (l + 1) / 1461001
        l = l - 1461 * i / 4 + 31
        let j = 80 * l / 2447
        let d = l - 2447 * j / 80
        l = j / 11
        let m = j + 2 - 12 * l
        let y = 100 * (n - 49) + i + l
        self.year = y; self.month = m; self.day = d
    }

    public var julianDay: Int {
        let a = (14 - month) / 12
        let y = year + 4800 - a
        let m = month + 12 * a - 3
        return day + (153 * m + 2) / 5 + 365 * y + y / 4 - y / 100 + y / 400 - 32045
    }

    public func adding(days: Int) -> LocalDate { LocalDate(julianDay: julianDay + days) }

    /// ISO weekday: 1 = Monday … 7 = Sunday.
    public var isoWeekday: Int { (julianDay % 7) + 1 }
    public var isWeekend: Bool { isoWeekday >= 6 }

    public var iso: String {
        func pad(_ v: Int, _ w: Int) -> String { let s = String(v); return String(repeating: "0", count: max(0, w - s.count)) + s }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }
    /// `25/11/2026`, as printed on Vietnamese forms.
    public var vietnamese: String {
        func pad(_ v: Int) -> String { v < 10 ? "0\(v)" : String(v) }
        return "\(pad(day))/\(pad(month))/\(year)"
    }
    public var description: String { iso }

    public static func < (a: LocalDate, b: LocalDate) -> Bool { a.julianDay < b.julianDay }

    public static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

extension LocalDate: Codable {
    public init(from decoder: Decoder) throws {
        let s = try decoder.singleValueContainer().decode(String.self)
        guard let d = LocalDate(iso: s) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a date: \(s)"))
        }
        self = d
    }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer(); try c.encode(iso)
    }
}

import Foundation

extension LocalDate {
    /// A date given to a command-line option (`--from`, `--due-before` …): `YYYY-MM-DD` or
    /// `dd/mm/yyyy`, as `init(iso:)` reads; otherwise an error naming the option and both forms.
    public static func option(_ raw: String, named option: String, field: String? = nil) throws -> LocalDate {
        guard let d = LocalDate(iso: raw) else {
            let name = option.hasPrefix("--") ? option : "--" + option
            throw FieldError(field: field ?? option.replacingOccurrences(of: "--", with: "").replacingOccurrences(of: "-", with: "_"),
                             label: Localized(vi: name, en: name),
                             problem: Localized(vi: "'\(raw)' không phải ngày có thật; ghi YYYY-MM-DD hoặc dd/mm/yyyy, ví dụ 2026-11-30 hoặc 30/11/2026",
                                                en: "'\(raw)' is not a real date; write YYYY-MM-DD or dd/mm/yyyy, e.g. 2026-11-30 or 30/11/2026"))
        }
        return d
    }
}
