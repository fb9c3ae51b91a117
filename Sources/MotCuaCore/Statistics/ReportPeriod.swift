/// The period a report covers: a month, a quarter, a year or any range of days, both ends
/// included. Parsed from the command line's `--month 2026-11`, `--quarter 2026-Q4`, `--year 2026`
/// or `--from D --to D` (dates as the rest of the CLI takes them: `yyyy-mm-dd` or `dd/mm/yyyy`).
public struct ReportPeriod: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable, Codable { case month, quarter, year, range }

    public let kind: Kind
    public let start: LocalDate
    /// The last day counted (inclusive).
    public let end: LocalDate

    public init(kind: Kind, start: LocalDate, end: LocalDate) {
        self.kind = kind; self.start = start; self.end = end
    }

    /// The calendar month holding `day`.
    public static func month(containing day: LocalDate) -> ReportPeriod {
        month(year: day.year, month: day.month)
    }

    static func month(year: Int, month: Int) -> ReportPeriod {
        let first = LocalDate(year: year, month: month, day: 1) ?? LocalDate(julianDay: 0)
        return ReportPeriod(kind: .month, start: first, end: first.adding(days: LocalDate.daysIn(month: month, year: year) - 1))
    }

    /// The month `delta` months away from this period's first month (the desk's ←/→).
    public func shiftedMonths(_ delta: Int) -> ReportPeriod {
        let index = start.year * 12 + (start.month - 1) + delta
        return Self.month(year: index / 12, month: index % 12 + 1)
    }

    /// `Tháng 11/2026`, `Quý IV/2026`, `Năm 2026`, `01/11/2026–15/11/2026`.
    public var title: Localized {
        switch kind {
        case .month: Localized(vi: "Tháng \(start.month)/\(start.year)", en: "\(Self.monthNames[start.month - 1]) \(start.year)")
        case .quarter:
            Localized(vi: "Quý \(Self.roman[(start.month - 1) / 3])/\(start.year)", en: "Q\((start.month - 1) / 3 + 1) \(start.year)")
        case .year: Localized(vi: "Năm \(start.year)", en: "Year \(start.year)")
        case .range: Localized(vi: "\(start.vietnamese)–\(end.vietnamese)", en: "\(start.iso) to \(end.iso)")
        }
    }

    /// The period in the options' own notation, the same in every language: `2026-11`,
    /// `2026-Q4`, `2026`, `2026-11-01/2026-11-15` (ISO 8601's interval).
    public var code: String {
        switch kind {
        case .month: String(start.iso.prefix(7))
        case .quarter: "\(start.year)-Q\((start.month - 1) / 3 + 1)"
        case .year: "\(start.year)"
        case .range: "\(start.iso)/\(end.iso)"
        }
    }

    static let roman = ["I", "II", "III", "IV"]
    static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                             "October", "November", "December"]

    /// The period from the command line's options: exactly one of month, quarter, year or a
    /// from/to pair (`to` alone is refused; `from` alone runs to `today`, and is refused after it). None given: the month
    /// of `today`. Every refusal names the option and what it expects.
    public static func parse(month: String? = nil, quarter: String? = nil, year: String? = nil, from: String? = nil,
                             to: String? = nil, today: LocalDate) throws -> ReportPeriod {
        let given = [month.map { _ in "--month" }, quarter.map { _ in "--quarter" }, year.map { _ in "--year" },
                     (from ?? to).map { _ in "--from/--to" }].compactMap { $0 }
        if given.count > 1 {
            throw FieldError(field: "period", label: Localized(vi: "Kỳ báo cáo", en: "Period"),
                             problem: Localized(vi: "chỉ chọn một trong \(given.joined(separator: ", "))",
                                                en: "choose only one of \(given.joined(separator: ", "))"))
        }
        if let month { return try parseMonth(month) }
        if let quarter { return try parseQuarter(quarter) }
        if let year { return try parseYear(year) }
        if from != nil || to != nil { return try parseRange(from: from, to: to, today: today) }
        return .month(containing: today)
    }

    /// `2026-11` (also `11/2026`).
    public static func parseMonth(_ raw: String) throws -> ReportPeriod {
        let t = raw.trimmingCharacters(in: .whitespaces)
        let bad = error("month", Localized(vi: "'\(raw)' không phải tháng hợp lệ; dạng đúng YYYY-MM (tháng 01–12), ví dụ 2026-11",
                                           en: "'\(raw)' is not a valid month; expected YYYY-MM (month 01–12), e.g. 2026-11"))
        let parts: [Substring]
        let y: Substring, m: Substring
        if t.contains("/") {
            parts = t.split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count == 2 else { throw bad }
            (m, y) = (parts[0], parts[1])
        } else {
            parts = t.split(separator: "-", omittingEmptySubsequences: false)
            guard parts.count == 2 else { throw bad }
            (y, m) = (parts[0], parts[1])
        }
        guard y.count == 4, (1...2).contains(m.count), let year = Int(y), let month = Int(m), (1...9999).contains(year) else { throw bad }
        guard (1...12).contains(month) else {
            throw error("month", Localized(vi: "'\(raw)': không có tháng \(month); tháng từ 01 đến 12",
                                           en: "'\(raw)': there is no month \(month); months run from 01 to 12"))
        }
        return Self.month(year: year, month: month)
    }

    /// `2026-Q4` (also `Q4/2026`, `2026-4`).
    public static func parseQuarter(_ raw: String) throws -> ReportPeriod {
        let t = raw.trimmingCharacters(in: .whitespaces).uppercased()
        let bad = error("quarter", Localized(vi: "'\(raw)' không phải quý hợp lệ; dạng đúng YYYY-Qn (n từ 1 đến 4), ví dụ 2026-Q4",
                                             en: "'\(raw)' is not a valid quarter; expected YYYY-Qn (n from 1 to 4), e.g. 2026-Q4"))
        let parts = t.split(whereSeparator: { $0 == "-" || $0 == "/" }).map(String.init)
        guard parts.count == 2 else { throw bad }
        let (yText, qText) = parts[0].hasPrefix("Q") ? (parts[1], parts[0]) : (parts[0], parts[1])
        let digits = qText.hasPrefix("Q") ? String(qText.dropFirst()) : qText
        guard yText.count == 4, let year = Int(yText), (1...9999).contains(year), !digits.isEmpty, let q = Int(digits) else { throw bad }
        guard (1...4).contains(q) else {
            throw error("quarter", Localized(vi: "'\(raw)': không có quý \(q); một năm có quý 1 đến 4",
                                             en: "'\(raw)': there is no quarter \(q); a year has quarters 1 to 4"))
        }
        let first = month(year: year, month: (q - 1) * 3 + 1), last = month(year: year, month: q * 3)
        return ReportPeriod(kind: .quarter, start: first.start, end: last.end)
    }

    /// `2026`.
    public static func parseYear(_ raw: String) throws -> ReportPeriod {
        let t = raw.trimmingCharacters(in: .whitespaces)
        guard t.count == 4, let year = Int(t), (1...9999).contains(year) else {
            throw error("year", Localized(vi: "'\(raw)' không phải năm hợp lệ; dạng đúng YYYY, ví dụ 2026",
                                          en: "'\(raw)' is not a valid year; expected YYYY, e.g. 2026"))
        }
        return ReportPeriod(kind: .year, start: month(year: year, month: 1).start, end: month(year: year, month: 12).end)
    }

    public static func parseRange(from: String?, to: String?, today: LocalDate) throws -> ReportPeriod {
        func day(_ raw: String, _ option: String) throws -> LocalDate {
            guard let d = LocalDate(iso: raw) else {
                throw error(option, Localized(vi: "'\(raw)' không phải ngày hợp lệ; dạng đúng YYYY-MM-DD hoặc dd/mm/yyyy",
                                              en: "'\(raw)' is not a valid date; expected YYYY-MM-DD or dd/mm/yyyy"))
            }
            return d
        }
        guard let from else {
            throw error("from", Localized(vi: "thiếu --from: --to cần ngày bắt đầu đi kèm",
                                          en: "missing --from: --to needs a first day with it"))
        }
        let start = try day(from, "from")
        // `--from` alone runs to today; a first day after today would make a one-day period
        // that has not begun, which nobody asking for "from then on" means: refused, saying so.
        if to == nil, start > today {
            throw error("from", Localized(vi: "--from \(start.vietnamese) là sau hôm nay (\(today.vietnamese)): chưa có số liệu; chọn ngày đến hôm nay, hoặc thêm --to cho một kỳ sắp tới",
                                          en: "--from \(start.iso) is after today (\(today.iso)): nothing to count yet; choose a day up to today, or add --to for a coming period"))
        }
        let end = try to.map { try day($0, "to") } ?? today
        guard start <= end else {
            throw error("to", Localized(vi: "kỳ kết thúc \(end.vietnamese) trước khi bắt đầu (--from \(start.vietnamese)); --to phải từ --from trở đi",
                                        en: "the period ends on \(end.iso) before it starts (--from \(start.iso)); --to must be on or after --from"))
        }
        return ReportPeriod(kind: .range, start: start, end: end)
    }

    private static func error(_ option: String, _ problem: Localized) -> FieldError {
        FieldError(field: option, label: Localized(vi: "--\(option)", en: "--\(option)"), problem: problem)
    }
}
