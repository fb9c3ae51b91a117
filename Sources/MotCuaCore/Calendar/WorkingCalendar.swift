/// A day whose status differs from the plain weekday rule, with why and on whose authority.
public struct CalendarDay: Hashable, Sendable, Comparable, CustomStringConvertible {
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        /// A statutory holiday (default placement or as the year's announcement fixed it).
        case holiday
        /// Nghỉ bù for a holiday that fell on a Saturday or Sunday.
        case compensatory
        /// An announced extra day off (a swapped working day).
        case dayOff = "day-off"
        /// An announced working day (a make-up Saturday, or a weekday kept open).
        case makeUpWorkday = "make-up-workday"
    }

    public let date: LocalDate
    public let kind: Kind
    public let isWorkingDay: Bool
    public let reason: Localized
    /// The legal text or announcement behind it (with `file:line` for announcements).
    public let source: String
    /// Set when the day comes from the program's default for a holiday whose days the Prime
    /// Minister fixes each year (Tết, the day next to 2/9), because that year's announcement is
    /// not in the file yet: the day is a guess, and a due date across it may move.
    public let provisional: ProvisionalHoliday?

    public init(date: LocalDate, kind: Kind, isWorkingDay: Bool, reason: Localized, source: String,
                provisional: ProvisionalHoliday? = nil) {
        self.date = date; self.kind = kind; self.isWorkingDay = isWorkingDay; self.reason = reason; self.source = source
        self.provisional = provisional
    }

    public var isProvisional: Bool { provisional != nil }

    public static func < (a: CalendarDay, b: CalendarDay) -> Bool { a.date < b.date }
    public var description: String { "\(date.iso) \(kind.rawValue): \(reason.vi) [\(source)]" }
}

/// A holiday of one year whose announcement is missing, so its days are the default's guess.
public struct ProvisionalHoliday: Hashable, Sendable, Comparable {
    public let holiday: AnnouncedHoliday
    /// Gregorian year of the announcement that is missing (Tết 2027 is announced as "Tết 2027").
    public let year: Int

    public init(holiday: AnnouncedHoliday, year: Int) { self.holiday = holiday; self.year = year }

    /// `dự kiến — chưa có thông báo nghỉ Tết 2027`: the note shown beside a due date that
    /// crosses such a day, at the desk, on the command line and on the receipt.
    public var note: Localized {
        switch holiday {
        case .tet:
            return Localized(vi: "dự kiến — chưa có thông báo nghỉ Tết \(year)",
                             en: "provisional — the \(year) Tết holiday has not been announced yet")
        case .nationalDay:
            return Localized(vi: "dự kiến — chưa có thông báo nghỉ Quốc khánh \(year)",
                             en: "provisional — the \(year) National Day holiday has not been announced yet")
        }
    }

    /// Tết before 2/9 within a year, as they come in the calendar.
    public static func < (a: ProvisionalHoliday, b: ProvisionalHoliday) -> Bool {
        (a.year, a.holiday == .tet ? 0 : 1) < (b.year, b.holiday == .tet ? 0 : 1)
    }

    private var label: Localized {
        holiday == .tet ? Localized(vi: "Tết \(year)", en: "Tết \(year)")
                        : Localized(vi: "Quốc khánh \(year)", en: "National Day \(year)")
    }

    /// One note for several missing announcements, in date order, without repeats:
    /// `dự kiến — chưa có thông báo nghỉ Tết 2027; Quốc khánh 2027`.
    public static func note(for holidays: [ProvisionalHoliday]) -> Localized? {
        let unique = Array(Set(holidays)).sorted()
        guard let first = unique.first else { return nil }
        guard unique.count > 1 else { return first.note }
        return Localized(vi: "dự kiến — chưa có thông báo nghỉ " + unique.map(\.label.vi).joined(separator: "; "),
                         en: "provisional — not announced yet: " + unique.map(\.label.en).joined(separator: "; "))
    }
}

/// Working days of a state agency in Vietnam, for counting processing times in working days.
///
/// A working day is Monday–Friday (Saturday and Sunday are the weekly rest days of state
/// agencies under the 40-hour week, Quyết định 188/1999/QĐ-TTg), minus the statutory holidays
/// and their compensatory days (PublicHolidays), minus announced extra days off, plus announced
/// make-up working days (CalendarAnnouncements).
public struct WorkingCalendar: Sendable {
    public let announcements: CalendarAnnouncements
    public let rules: [HolidayRule]

    public init(announcements: CalendarAnnouncements = .builtIn, rules: [HolidayRule] = PublicHolidays.rules) {
        self.announcements = announcements
        self.rules = rules
    }

    public func isWorkingDay(_ d: LocalDate) -> Bool {
        var lookup = Lookup(calendar: self)
        return lookup.isWorkingDay(d)
    }

    /// The special status of a day, or nil for an ordinary weekday or weekend day.
    public func day(_ d: LocalDate) -> CalendarDay? {
        var lookup = Lookup(calendar: self)
        return lookup.day(d)
    }

    /// Every weekday that is not a working day and every announced working day of the year,
    /// with reason and source, sorted by date. Holidays that fell on a weekend are not listed
    /// (they cost no working day); their compensatory days are.
    public func holidays(year: Int) -> [CalendarDay] {
        table(year: year).values
            .filter { $0.isWorkingDay ? $0.kind == .makeUpWorkday : !$0.date.isWeekend }
            .sorted()
    }

    public func nextWorkingDay(onOrAfter d: LocalDate) -> LocalDate {
        var lookup = Lookup(calendar: self)
        return lookup.nextWorkingDay(onOrAfter: d)
    }

    /// The day the dossier counts as received: the receiving day itself, or the next working day
    /// when it came on a non-working day or after the procedure's cut-off time.
    ///
    /// The cut-off is per procedure, not global: the one-stop decree (Nghị định 118/2025/NĐ-CP,
    /// which replaced Nghị định 61/2018/NĐ-CP from 01/07/2025) sets none. It comes from the
    /// procedure's own text: chứng thực, Nghị định 23/2015/NĐ-CP (same day, or the next working
    /// day for a request after 15:00); hộ tịch entries (same day; after 15:00 and not done at
    /// once, the next working day). So the catalog passes it per procedure; nil means none.
    /// The cut-off is exclusive: "sau 15 giờ" is after 15:00, so a receipt at 15:00 itself still
    /// counts today and 15:01 counts from the next working day (Bộ luật Dân sự 2015 art. 147 for
    /// the counting; the receipt shows minutes, and 15:00 is what it shows for 15:00:59 too).
    public func effectiveReceivingDay(receivedAt t: LocalDateTime, cutoffMinuteOfDay: Int?) -> LocalDate {
        var lookup = Lookup(calendar: self)
        return lookup.effectiveReceivingDay(t, cutoffMinuteOfDay)
    }

    /// Ngày hẹn trả: `workingDays` = 0 gives the effective receiving day (same-day procedures);
    /// N ≥ 1 gives the Nth working day after it. A negative count is treated as 0.
    public func dueDate(receivedAt t: LocalDateTime, workingDays: Int, cutoffMinuteOfDay: Int?) -> LocalDate {
        var lookup = Lookup(calendar: self)
        var d = lookup.effectiveReceivingDay(t, cutoffMinuteOfDay)
        var remaining = max(0, workingDays)
        while remaining > 0 {
            d = lookup.nextWorkingDay(onOrAfter: d.adding(days: 1))
            remaining -= 1
        }
        return d
    }

    /// The due date with what it rests on: the day counting starts from, and the provisional
    /// days (default Tết or 2/9 days of a year whose announcement is not entered yet) between the
    /// receipt and the due date, so the desk, the command line and the receipt can mark it.
    public func due(receivedAt t: LocalDateTime, workingDays: Int, cutoffMinuteOfDay: Int?) -> DueDate {
        let date = dueDate(receivedAt: t, workingDays: workingDays, cutoffMinuteOfDay: cutoffMinuteOfDay)
        let countedFrom = effectiveReceivingDay(receivedAt: t, cutoffMinuteOfDay: cutoffMinuteOfDay)
        // From the receiving day itself: a provisional day on it moves the start of the count.
        let provisional = provisionalDays(after: t.date.adding(days: -1), through: date)
        return DueDate(date: date, countedFrom: countedFrom, provisional: provisional)
    }

    /// A due date computed earlier (a stored dossier's), with the provisional days it crosses
    /// now: the receipt reprinted before the year's notice is entered keeps its mark, and loses
    /// it once the notice is in the file.
    public func annotated(dueDate: LocalDate, receivedAt t: LocalDateTime, cutoffMinuteOfDay: Int?) -> DueDate {
        DueDate(date: dueDate, countedFrom: effectiveReceivingDay(receivedAt: t, cutoffMinuteOfDay: cutoffMinuteOfDay),
                provisional: provisionalDays(after: t.date.adding(days: -1), through: dueDate))
    }

    /// Provisional days off d with a < d ≤ b that cost a working day (weekdays; a default Tết day
    /// on a Saturday is listed through its compensatory day instead), sorted by date.
    public func provisionalDays(after a: LocalDate, through b: LocalDate) -> [CalendarDay] {
        guard a < b else { return [] }
        var lookup = Lookup(calendar: self)
        var out: [CalendarDay] = []
        var d = a.adding(days: 1)
        while d <= b {
            if let day = lookup.day(d), day.isProvisional, !day.isWorkingDay, !d.isWeekend { out.append(day) }
            d = d.adding(days: 1)
        }
        return out
    }

    /// Yearly announcements the file still lacks for holidays that fall within `horizonDays`
    /// of `today` (e.g. Tết 2027 seen from 30/11/2026), for `motcua check` to warn about.
    public func missingAnnouncements(asOf today: LocalDate, horizonDays: Int = 150) -> [ProvisionalHoliday] {
        let days = provisionalDays(after: today.adding(days: -1), through: today.adding(days: max(0, horizonDays)))
        return Array(Set(days.compactMap(\.provisional))).sorted()
    }

    /// Number of working days d with a < d ≤ b (negative when b < a), so that
    /// `workingDaysBetween(effectiveReceivingDay, dueDate) == workingDays`; used to tell how many
    /// working days a dossier is early or late.
    public func workingDaysBetween(_ a: LocalDate, _ b: LocalDate) -> Int {
        if b < a { return -workingDaysBetween(b, a) }
        var lookup = Lookup(calendar: self)
        var count = 0
        var d = a.adding(days: 1)
        while d <= b {
            if lookup.isWorkingDay(d) { count += 1 }
            d = d.adding(days: 1)
        }
        return count
    }

    // MARK: - One year's special days

    /// All days of Gregorian year `year` whose status is not the plain weekday rule, including
    /// holidays on weekends (they drive the compensatory days).
    /// Weekdays off a complete Tết notice lists (the five statutory days, nghỉ bù included).
    public static let wholeTetNotice = 5

    func table(year: Int) -> [LocalDate: CalendarDay] {
        let announced = announcements.entries(year: year)
        // A year's Tết lines replace the default only once the notice is in whole: the law gives
        // five days, so a notice lists at least five weekdays off. A notice entered line by line
        // must not shorten due dates half-way (the default stays, provisional, beside the lines
        // entered so far). One `national-day` line is the whole of its notice.
        let tetLines = announced.filter { $0.kind.replaces == .tet }.count
        let replaced = Set(announced.compactMap { $0.kind.replaces }.filter { $0 != .tet || tetLines >= Self.wholeTetNotice })
        var special: [LocalDate: CalendarDay] = [:]
        var compensable: [CalendarDay] = []

        for rule in rules {
            if let kind = rule.fixedByAnnouncement, replaced.contains(kind) { continue }
            let provisional = rule.isPracticeDefault ? rule.fixedByAnnouncement.map { ProvisionalHoliday(holiday: $0, year: year) } : nil
            for (date, name) in rule.defaultDays(year: year) where special[date] == nil {
                let day = CalendarDay(date: date, kind: .holiday, isWorkingDay: false, reason: name, source: rule.legalBasis,
                                      provisional: provisional)
                special[date] = day
                compensable.append(day)
            }
        }
        for a in announced where a.kind.replaces != nil {
            let en = a.kind == .tet ? "Tết (as announced)" : "National Day (as announced)"
            special[a.date] = CalendarDay(date: a.date, kind: .holiday, isWorkingDay: false,
                                          reason: Localized(vi: a.reason, en: "\(en): \(a.reason)"), source: sourceText(a))
        }

        // Nghỉ bù on the next weekday that is neither a holiday, an earlier compensatory day,
        // nor an announced day off. No rule places a holiday in late December, so a
        // compensatory day never spills into the next year's table.
        let announcedOff = Set(announced.filter { $0.kind == .off }.map(\.date))
        var taken = Set(special.keys).union(announcedOff)
        for h in compensable.sorted() where h.date.isWeekend && h.date >= PublicHolidays.compensationEffectiveFrom {
            var c = h.date.adding(days: 1)
            while c.isWeekend || taken.contains(c) { c = c.adding(days: 1) }
            taken.insert(c)
            let weekday = h.date.isoWeekday == 6 ? ("thứ Bảy", "Saturday") : ("Chủ nhật", "Sunday")
            special[c] = CalendarDay(
                date: c, kind: .compensatory, isWorkingDay: false,
                reason: Localized(vi: "Nghỉ bù \(h.reason.vi) (\(h.date.vietnamese) là \(weekday.0))",
                                  en: "Day off in lieu of \(h.reason.en) (\(h.date.iso) is a \(weekday.1))"),
                source: PublicHolidays.compensationBasis, provisional: h.provisional)
        }

        // Announcements have the last word on their day.
        for a in announced where a.kind == .off {
            special[a.date] = CalendarDay(date: a.date, kind: .dayOff, isWorkingDay: false,
                                          reason: Localized(vi: a.reason, en: "Announced day off: \(a.reason)"), source: sourceText(a))
        }
        for a in announced where a.kind == .work {
            special[a.date] = CalendarDay(date: a.date, kind: .makeUpWorkday, isWorkingDay: true,
                                          reason: Localized(vi: a.reason, en: "Working day: \(a.reason)"), source: sourceText(a))
        }
        return special
    }

    private func sourceText(_ a: CalendarAnnouncement) -> String {
        "\(a.source) (\(announcements.fileName):\(a.line))"
    }

    /// Builds each year's table once per public call; a due date rarely touches more than two.
    private struct Lookup {
        let calendar: WorkingCalendar
        var tables: [Int: [LocalDate: CalendarDay]] = [:]

        mutating func day(_ d: LocalDate) -> CalendarDay? {
            if let t = tables[d.year] { return t[d] }
            let t = calendar.table(year: d.year)
            tables[d.year] = t
            return t[d]
        }

        mutating func isWorkingDay(_ d: LocalDate) -> Bool {
            day(d)?.isWorkingDay ?? !d.isWeekend
        }

        mutating func nextWorkingDay(onOrAfter d: LocalDate) -> LocalDate {
            var c = d
            while !isWorkingDay(c) { c = c.adding(days: 1) }
            return c
        }

        mutating func effectiveReceivingDay(_ t: LocalDateTime, _ cutoff: Int?) -> LocalDate {
            let afterCutoff = cutoff.map { t.minuteOfDay > $0 } ?? false
            return nextWorkingDay(onOrAfter: afterCutoff ? t.date.adding(days: 1) : t.date)
        }
    }
}
