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

    public init(date: LocalDate, kind: Kind, isWorkingDay: Bool, reason: Localized, source: String) {
        self.date = date; self.kind = kind; self.isWorkingDay = isWorkingDay; self.reason = reason; self.source = source
    }

    public static func < (a: CalendarDay, b: CalendarDay) -> Bool { a.date < b.date }
    public var description: String { "\(date.iso) \(kind.rawValue): \(reason.vi) [\(source)]" }
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
    /// when it came on a non-working day or at/after the procedure's cut-off time.
    ///
    /// The cut-off is per procedure, not global: the one-stop decree (Nghị định 118/2025/NĐ-CP,
    /// which replaced Nghị định 61/2018/NĐ-CP from 01/07/2025) sets none. It comes from the
    /// procedure's own text: chứng thực, Nghị định 23/2015/NĐ-CP (same day, or the next working
    /// day for a request after 15:00); hộ tịch entries (same day; after 15:00 and not done at
    /// once, the next working day). So the catalog passes it per procedure; nil means none.
    /// A receipt at exactly the cut-off minute counts as after it (the clock has no seconds on
    /// the receipt, and the clerk cannot finish it that day either).
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
    func table(year: Int) -> [LocalDate: CalendarDay] {
        let announced = announcements.entries(year: year)
        let replaced = Set(announced.compactMap { $0.kind.replaces })
        var special: [LocalDate: CalendarDay] = [:]
        var compensable: [CalendarDay] = []

        for rule in rules {
            if let kind = rule.fixedByAnnouncement, replaced.contains(kind) { continue }
            for (date, name) in rule.defaultDays(year: year) where special[date] == nil {
                let day = CalendarDay(date: date, kind: .holiday, isWorkingDay: false, reason: name, source: rule.legalBasis)
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
                source: PublicHolidays.compensationBasis)
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
            let afterCutoff = cutoff.map { t.minuteOfDay >= $0 } ?? false
            return nextWorkingDay(onOrAfter: afterCutoff ? t.date.adding(days: 1) : t.date)
        }
    }
}
