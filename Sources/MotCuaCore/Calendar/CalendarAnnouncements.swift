import Foundation

/// One line of the announcements file: what the government announced for one day, and where.
public struct CalendarAnnouncement: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        /// An extra day off on a weekday (a swapped working day, a bonus day).
        case off
        /// A working day: a make-up Saturday, or a weekday the statutory rules would have off.
        case work
        /// One day of Tết as fixed for the year; replaces the default Tết days of that year.
        case tet
        /// The day adjacent to 2/9 as fixed for the year; replaces the default choice.
        case nationalDay = "national-day"

        /// The statutory holiday whose default days this kind replaces.
        public var replaces: AnnouncedHoliday? {
            switch self {
            case .tet: return .tet
            case .nationalDay: return .nationalDay
            case .off, .work: return nil
            }
        }
    }

    public let date: LocalDate
    public let kind: Kind
    /// Free text as written by the desk (Vietnamese).
    public let reason: String
    /// The announcing document, e.g. `Thông báo 9441/TB-BNV`.
    public let source: String
    /// Line in the file, so a surprising day can be traced back to the line that made it.
    public let line: Int

    public init(date: LocalDate, kind: Kind, reason: String, source: String, line: Int) {
        self.date = date; self.kind = kind; self.reason = reason; self.source = source; self.line = line
    }

    /// The source says the legal basis is not confirmed (`CHƯA XÁC NHẬN …`, `unconfirmed …`):
    /// the day is kept as data the desk can remove, and `motcua check` warns until the document
    /// number is filled in. Matched without diacritics, so `chua xac nhan` typed on a console
    /// without an input method counts too.
    public var isBasisUnconfirmed: Bool {
        let folded = VietnameseText.fold(source)
        return folded.contains("chua xac nhan") || folded.contains("unconfirmed")
    }

    /// The line as the file holds it: `2027-02-04 tet  Tết Đinh Mùi (29 tháng Chạp) | Thông báo …`.
    public var fileLine: String { "\(date.iso) \(kind.rawValue) \(reason) | \(source)" }
}

/// A bad line in the announcements file: `holidays-vn.txt:12: …`.
public struct CalendarFileError: Error, Hashable, Sendable, CustomStringConvertible {
    public let fileName: String
    public let line: Int
    public let message: Localized

    public init(fileName: String, line: Int, message: Localized) {
        self.fileName = fileName; self.line = line; self.message = message
    }

    public func text(_ lang: Language) -> String { "\(fileName):\(line): \(message.text(lang))" }
    public var description: String { text(.vi) }
}

/// The editable list of announced days off and make-up working days (the "swap file"). The
/// statutory rules (PublicHolidays) give the default; this file holds what each year's
/// announcement by the Prime Minister / Bộ Nội vụ adds or changes, one day per line, each with
/// its source document. The syntax is described in the header of `Data/holidays-vn.txt`.
public struct CalendarAnnouncements: Hashable, Sendable {
    public let fileName: String
    /// Sorted by date; at most one per date.
    public let entries: [CalendarAnnouncement]
    private let byDate: [LocalDate: CalendarAnnouncement]

    public init(fileName: String, entries: [CalendarAnnouncement]) {
        self.fileName = fileName
        self.entries = entries.sorted { $0.date < $1.date }
        // Keep the first entry for a date; `parse` refuses duplicates, so this only matters
        // for entries built in code.
        self.byDate = Dictionary(entries.map { ($0.date, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public static let empty = CalendarAnnouncements(fileName: "(none)", entries: [])

    /// The default file compiled into the binary. It is checked by the test suite; a broken
    /// built-in file is a build defect, and computing due dates from half a file would be worse
    /// than stopping.
    public static let builtIn: CalendarAnnouncements = {
        do {
            return try parse(text: builtInText, fileName: "holidays-vn.txt")
        } catch {
            fatalError("built-in \(error)")
        }
    }()

    /// The text of the built-in file: the start of a desk's own file, which replaces it whole.
    public static var builtInText: String { String(decoding: PackageResources.holidays_vn_txt, as: UTF8.self) }

    public func entry(on date: LocalDate) -> CalendarAnnouncement? { byDate[date] }

    public func entries(year: Int) -> [CalendarAnnouncement] { entries.filter { $0.date.year == year } }

    // MARK: - Adding a line (`motcua calendar announce`)

    /// The file's text with one announcement appended, checked by parsing the whole result the
    /// way the program will read it: a bad date, an `off` weekend, a missing source or a date
    /// already in the file is refused with the `file:line` the new line would have had, and
    /// nothing is returned to write. The fields are given as typed; the date may be ISO or
    /// DD/MM/YYYY and is written back in ISO.
    public static func appending(to text: String, fileName: String, date: String, kind: String,
                                 reason: String, source: String) throws(CalendarFileError) -> (text: String, entry: CalendarAnnouncement) {
        var base = text
        if !base.isEmpty, !(base.last?.isNewline ?? true) { base += "\n" }
        let newLine = base.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).count
        func fail(_ vi: String, _ en: String) -> CalendarFileError {
            CalendarFileError(fileName: fileName, line: newLine, message: Localized(vi: vi, en: en))
        }
        // A bar or a line break inside a field would change how the line splits when read back.
        for (value, vi, en) in [(reason, "lý do", "reason"), (source, "văn bản", "source")] {
            if value.contains("|") || value.contains(where: \.isNewline) {
                throw fail("\(vi) không được chứa ‘|’ hay xuống dòng", "the \(en) must not contain ‘|’ or a line break")
            }
        }
        for (value, vi, en) in [(date, "ngày", "date"), (kind, "loại ngày", "kind")] where value.contains(where: { $0.isWhitespace }) {
            throw fail("\(vi) ‘\(value)’ không được có khoảng trắng", "the \(en) ‘\(value)’ must not contain spaces")
        }
        let typed = "\(date) \(kind) \(reason.trimmingCharacters(in: .whitespaces)) | \(source.trimmingCharacters(in: .whitespaces))"
        // Parse first with the date as typed, so the message quotes what the clerk wrote.
        let parsed = try parse(text: base + typed + "\n", fileName: fileName)
        guard let entry = parsed.entries.first(where: { $0.line == newLine }) else {
            throw fail("dòng mới không đọc lại được", "the new line does not read back")
        }
        return (base + entry.fileLine + "\n", entry)
    }

    // MARK: - Parsing

    /// Parses the file. Comments start with `#` as the first non-blank character (not in the
    /// middle of a line, so that a reason or a document number may contain `#`).
    public static func parse(text: String, fileName: String) throws(CalendarFileError) -> CalendarAnnouncements {
        var entries: [CalendarAnnouncement] = []
        var seen: [LocalDate: Int] = [:]
        // `\r\n` is a single Character in Swift, and `isNewline` accepts it, so CRLF files count
        // lines correctly too.
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        for (index, raw) in lines.enumerated() {
            let lineNumber = index + 1
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            func fail(_ vi: String, _ en: String) -> CalendarFileError {
                CalendarFileError(fileName: fileName, line: lineNumber, message: Localized(vi: vi, en: en))
            }
            let (dateText, afterDate) = splitWord(Substring(line))
            guard let date = LocalDate(iso: String(dateText)) else {
                throw fail("‘\(dateText)’ không phải ngày hợp lệ (viết YYYY-MM-DD, ví dụ 2026-02-16)",
                           "‘\(dateText)’ is not a valid date (write YYYY-MM-DD, e.g. 2026-02-16)")
            }
            let (kindText, rest) = splitWord(afterDate)
            let kinds = "off, work, tet, national-day"
            guard !kindText.isEmpty else {
                throw fail("thiếu loại ngày sau ngày tháng (\(kinds))", "missing the kind of day after the date (\(kinds))")
            }
            guard let kind = CalendarAnnouncement.Kind(rawValue: String(kindText)) else {
                throw fail("loại ngày ‘\(kindText)’ không hợp lệ; dùng một trong: \(kinds)",
                           "unknown kind ‘\(kindText)’; use one of: \(kinds)")
            }
            guard let bar = rest.firstIndex(of: "|") else {
                throw fail("thiếu nguồn: viết ‘lý do | số hiệu văn bản’", "missing the source: write ‘reason | document number’")
            }
            let reason = rest[..<bar].trimmingCharacters(in: .whitespaces)
            let source = rest[rest.index(after: bar)...].trimmingCharacters(in: .whitespaces)
            guard !reason.isEmpty else {
                throw fail("thiếu lý do trước dấu ‘|’", "missing the reason before ‘|’")
            }
            guard !source.isEmpty else {
                throw fail("thiếu số hiệu văn bản sau dấu ‘|’", "missing the document number after ‘|’")
            }
            if let previous = seen[date] {
                throw fail("ngày \(date.vietnamese) đã có ở dòng \(previous)", "\(date.iso) is already listed on line \(previous)")
            }
            if let problem = check(date: date, kind: kind) { throw fail(problem.vi, problem.en) }
            seen[date] = lineNumber
            entries.append(CalendarAnnouncement(date: date, kind: kind, reason: reason, source: source, line: lineNumber))
        }
        return CalendarAnnouncements(fileName: fileName, entries: entries)
    }

    /// Plausibility checks that catch the usual slips (a wrong month, `off` typed for `work`).
    private static func check(date: LocalDate, kind: CalendarAnnouncement.Kind) -> Localized? {
        switch kind {
        case .off where date.isWeekend:
            let day = date.isoWeekday == 6 ? ("thứ Bảy", "Saturday") : ("Chủ nhật", "Sunday")
            return Localized(vi: "\(date.vietnamese) là \(day.0), vốn đã nghỉ; ngày làm bù thì viết ‘work’",
                             en: "\(date.iso) is a \(day.1), already a day off; a make-up working day is ‘work’")
        case .tet:
            let newYear = LunarCalendar.newYear(date.year)
            guard abs(date.julianDay - newYear.julianDay) <= 10 else {
                return Localized(vi: "ngày \(date.vietnamese) cách mùng 1 Tết (\(newYear.vietnamese)) hơn 10 ngày",
                                 en: "\(date.iso) is more than 10 days from Tết (\(newYear.iso))")
            }
        case .nationalDay:
            guard date.month == 9, (1...3).contains(date.day) else {
                return Localized(vi: "ngày nghỉ Quốc khánh phải là 01/09, 02/09 hoặc 03/09",
                                 en: "a National Day holiday must be 1, 2 or 3 September")
            }
        default:
            break
        }
        return nil
    }

    /// The first whitespace-separated word and the rest (leading blanks removed).
    private static func splitWord(_ s: Substring) -> (Substring, Substring) {
        let t = s.drop(while: { $0.isWhitespace })
        guard let end = t.firstIndex(where: { $0.isWhitespace }) else { return (t, t[t.endIndex...]) }
        return (t[..<end], t[end...].drop(while: { $0.isWhitespace }))
    }
}
