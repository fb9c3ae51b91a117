/// Statutory public holidays (ngày nghỉ lễ, tết) as data: each rule says where its day falls,
/// from when to when it is law, and which text says so. When a law changes, add or close a
/// rule here (with its effective dates) instead of editing the calendar code, so that due dates
/// of past years keep being computed with the rules that were in force then.
///
/// Sources:
/// - Bộ luật Lao động 2012 (BLLĐ 2012, Luật 10/2012/QH13, in force 01/05/2013), Điều 115:
///   1/1, Tết 5 days, 30/4, 1/5, 2/9, Giỗ Tổ Hùng Vương 10/3 âm lịch; khoản 3: a holiday on the
///   weekly rest day is compensated on the next day.
/// - Bộ luật Lao động 2019 (BLLĐ 2019, Luật 45/2019/QH14, in force 01/01/2021), Điều 112 khoản 1:
///   the same list, with Quốc khánh now 2 days (2/9 and one adjacent day, before or after);
///   khoản 3: the Prime Minister fixes the actual days of Tết and of Quốc khánh each year.
///   Điều 111 khoản 3: a weekly rest day that coincides with a holiday of Điều 112 khoản 1 is
///   made up on the next working day (nghỉ bù).
/// - Bộ luật Lao động 1994 (in force 01/01/1995), Điều 73 as amended by Luật 84/2007/QH11
///   (02/04/2007, in force on promulgation): 1/1, Tết 4 days (the last day of the old lunar year
///   and the first three of the new one), Giỗ Tổ Hùng Vương 10/3 âm lịch (added by that
///   amendment), 30/4, 1/5, 2/9; a holiday on the weekly rest day is made up the next day.
///   These are the rules before 01/05/2013, so that old records count right. The calendar
///   assumes the Saturday–Sunday week of state agencies (Quyết định 188/1999/QĐ-TTg, from
///   02/10/1999); dates before then are not meant to be counted with it.
/// - Ngày Văn hóa Việt Nam 24/11 (Politburo Nghị quyết 80-NQ/TW of 07/01/2026) is NOT a rule
///   here: the amendment of BLLĐ 2019 Điều 112 that would make it a day off could not be
///   confirmed, so it is an announcement line in `holidays-vn.txt` whose source says
///   "CHƯA XÁC NHẬN"; the desk can remove it, and `motcua check` warns while it stands.

/// Where a holiday falls in a given Gregorian year.
public enum HolidayPlacement: Hashable, Sendable {
    /// A fixed solar (dương lịch) date.
    case solar(month: Int, day: Int)
    /// A fixed lunar (âm lịch) date, e.g. Giỗ Tổ 10/3.
    case lunar(month: Int, day: Int)
    /// Tết: the last `daysBefore` days of the old lunar year and the first `daysFromNewYear`
    /// days of the new one (mùng 1 included).
    case lunarNewYear(daysBefore: Int, daysFromNewYear: Int)
    /// Tết of `total` days whose split depends on the weekday of mùng 1: `daysBeforeByWeekday[w − 1]`
    /// days of the old year when mùng 1 falls on ISO weekday w, the rest from mùng 1 on.
    case lunarNewYearByWeekday(daysBeforeByWeekday: [Int], total: Int)
    /// One day next to a solar date; `sideByWeekday[w − 1]` is −1 (the day before) or +1 (the
    /// day after) when the date falls on ISO weekday w (1 = Monday … 7 = Sunday).
    case adjacent(month: Int, day: Int, sideByWeekday: [Int])
}

/// Holidays whose actual days the Prime Minister fixes each year (BLLĐ 2019 Điều 112 khoản 3).
/// An announcement of that kind for a year replaces the rule's default days for that year.
public enum AnnouncedHoliday: String, Hashable, Sendable, CaseIterable {
    case tet
    case nationalDay = "national-day"
}

public struct HolidayRule: Hashable, Sendable {
    /// Stable code name (`tet`, `hung-kings`, …).
    public let id: String
    public let name: Localized
    public let placement: HolidayPlacement
    public let effectiveFrom: LocalDate
    /// Last day the rule is law (inclusive); nil while in force.
    public let effectiveUntil: LocalDate?
    /// The article that makes the day a holiday, cited on the calendar screen.
    public let legalBasis: String
    public let fixedByAnnouncement: AnnouncedHoliday?
    /// True when the law leaves the days to the yearly announcement and the placement is only
    /// the program's guess of it: such days are provisional (marked, with a note) until the
    /// year's announcement is in the file. False when the law itself names the days (BLLĐ 1994:
    /// "một ngày cuối năm và ba ngày đầu năm âm lịch").
    public let isPracticeDefault: Bool

    public init(id: String, name: Localized, placement: HolidayPlacement, effectiveFrom: LocalDate,
                effectiveUntil: LocalDate? = nil, legalBasis: String, fixedByAnnouncement: AnnouncedHoliday? = nil,
                isPracticeDefault: Bool = false) {
        self.id = id; self.name = name; self.placement = placement
        self.effectiveFrom = effectiveFrom; self.effectiveUntil = effectiveUntil
        self.legalBasis = legalBasis; self.fixedByAnnouncement = fixedByAnnouncement
        self.isPracticeDefault = isPracticeDefault
    }

    public func isEffective(on d: LocalDate) -> Bool {
        d >= effectiveFrom && (effectiveUntil.map { d <= $0 } ?? true)
    }

    /// The rule's default days in Gregorian year `year`, each with its display name, before
    /// any announcement and without compensatory days.
    /// The last `before` days of the old lunar year and the first `from` of the new one, each
    /// named with its lunar day as the announcements name them.
    private func tetDays(year: Int, before: Int, from: Int) -> [(date: LocalDate, name: Localized)] {
        let newYear = LunarCalendar.newYear(year)
        let yearName = LunarCalendar.yearName(year)
        return (-before..<from).map { offset in
            let d = newYear.adding(days: offset)
            let lunar = LunarCalendar.lunarDate(for: d)
            return (d, Localized(vi: "\(name.vi) \(yearName) (\(LunarCalendar.dayName(lunar)))",
                                 en: "\(name.en) \(yearName) (lunar \(lunar.day)/\(lunar.month))"))
        }
    }

    public func defaultDays(year: Int) -> [(date: LocalDate, name: Localized)] {
        guard year >= effectiveFrom.year, year <= (effectiveUntil?.year ?? Int.max) else { return [] }
        var days: [(date: LocalDate, name: Localized)] = []
        switch placement {
        case let .solar(month, day):
            if let d = LocalDate(year: year, month: month, day: day) { days.append((d, name)) }
        case let .lunar(month, day):
            // A lunar date of month 11 or 12 can fall in the next Gregorian year, so look in both.
            for lunarYear in [year - 1, year] {
                if let d = LunarCalendar.solarDate(lunarYear: lunarYear, month: month, day: day), d.year == year {
                    days.append((d, name))
                }
            }
        case let .lunarNewYearByWeekday(table, total):
            guard table.count == 7 else { break }
            let before = table[LunarCalendar.newYear(year).isoWeekday - 1]
            days = tetDays(year: year, before: before, from: total - before)
        case let .lunarNewYear(before, from):
            days = tetDays(year: year, before: before, from: from)
        case let .adjacent(month, day, sides):
            if let base = LocalDate(year: year, month: month, day: day), sides.count == 7 {
                days.append((base.adding(days: sides[base.isoWeekday - 1] < 0 ? -1 : 1), name))
            }
        }
        return days.filter { isEffective(on: $0.date) }
    }
}

public enum PublicHolidays {
    /// BLLĐ 1994 in force; the earliest day these rules describe.
    static let blld1994 = date(1995, 1, 1)
    /// Luật 84/2007/QH11 (02/04/2007, in force on promulgation) added Giỗ Tổ Hùng Vương; the
    /// first such day off was 10/3 Đinh Hợi, 26/04/2007.
    static let amendment2007 = date(2007, 4, 2)
    /// BLLĐ 2012 in force.
    static let blld2012 = date(2013, 5, 1)
    /// BLLĐ 2019 in force.
    static let blld2019 = date(2021, 1, 1)

    /// Which weekday of mùng 1 gives how many Tết days before it (ISO weekday: Monday first).
    ///
    /// The rule, from the announcements of 2016–2026: when mùng 1 falls on a Wednesday, Friday,
    /// Saturday or Sunday the Prime Minister gave two days before mùng 1 and three from it
    /// (2017 Sat, 2018 Fri, 2020 Sat, 2021 Fri, 2023 Sun, 2024 Sat, 2025 Wed); on a Monday,
    /// Tuesday or Thursday one day before and four from it (2016 Mon, 2019 Tue, 2022 Tue,
    /// 2026 Tue). Thursday has no announcement since 2017 to check against (the last was 2015,
    /// the next 2031): it keeps one day before, the old default, which no announcement of the
    /// period contradicts; 2031's notice will tell.
    /// With the compensatory days for mùng 1–3 on a weekend this reproduces every announced
    /// stretch of those years (checked in PublicHolidaysTests, "Tết default rule").
    public static let tetDaysBeforeByWeekday = [1, 1, 2, 1, 2, 2, 2]

    public static let rules: [HolidayRule] = [
        HolidayRule(id: "new-year", name: Localized(vi: "Tết Dương lịch", en: "New Year's Day"),
                    placement: .solar(month: 1, day: 1), effectiveFrom: blld1994,
                    legalBasis: "BLLĐ 2019 Điều 112 khoản 1 điểm a (trước 2021: BLLĐ 2012 Điều 115; trước 01/05/2013: BLLĐ 1994 Điều 73)"),
        // Before BLLĐ 2012 the law itself named the four days, so they are not provisional.
        HolidayRule(id: "tet-1994", name: Localized(vi: "Tết Âm lịch", en: "Lunar New Year (Tết)"),
                    placement: .lunarNewYear(daysBefore: 1, daysFromNewYear: 3), effectiveFrom: blld1994,
                    effectiveUntil: blld2012.adding(days: -1),
                    legalBasis: "BLLĐ 1994 Điều 73 (sửa đổi bởi Luật 84/2007/QH11): một ngày cuối năm và ba ngày đầu năm âm lịch",
                    fixedByAnnouncement: .tet),
        // Five days placed by the weekday rule above until the year's announcement (file
        // holidays-vn.txt) is entered; those days are provisional.
        HolidayRule(id: "tet", name: Localized(vi: "Tết Âm lịch", en: "Lunar New Year (Tết)"),
                    placement: .lunarNewYearByWeekday(daysBeforeByWeekday: tetDaysBeforeByWeekday, total: 5),
                    effectiveFrom: blld2012,
                    legalBasis: "BLLĐ 2019 Điều 112 khoản 1 điểm b, khoản 3 (trước 2021: BLLĐ 2012 Điều 115)",
                    fixedByAnnouncement: .tet, isPracticeDefault: true),
        HolidayRule(id: "hung-kings", name: Localized(vi: "Giỗ Tổ Hùng Vương", en: "Hung Kings' Commemoration Day"),
                    placement: .lunar(month: 3, day: 10), effectiveFrom: amendment2007,
                    legalBasis: "BLLĐ 2019 Điều 112 khoản 1 điểm e (trước 2021: BLLĐ 2012 Điều 115; trước 01/05/2013: BLLĐ 1994 Điều 73 sửa đổi bởi Luật 84/2007/QH11)"),
        HolidayRule(id: "victory-day", name: Localized(vi: "Ngày Chiến thắng", en: "Victory Day (Reunification Day)"),
                    placement: .solar(month: 4, day: 30), effectiveFrom: blld1994,
                    legalBasis: "BLLĐ 2019 Điều 112 khoản 1 điểm c (trước 2021: BLLĐ 2012 Điều 115; trước 01/05/2013: BLLĐ 1994 Điều 73)"),
        HolidayRule(id: "labour-day", name: Localized(vi: "Ngày Quốc tế lao động", en: "International Labour Day"),
                    placement: .solar(month: 5, day: 1), effectiveFrom: blld1994,
                    legalBasis: "BLLĐ 2019 Điều 112 khoản 1 điểm d (trước 2021: BLLĐ 2012 Điều 115; trước 01/05/2013: BLLĐ 1994 Điều 73)"),
        HolidayRule(id: "national-day", name: Localized(vi: "Quốc khánh", en: "National Day"),
                    placement: .solar(month: 9, day: 2), effectiveFrom: blld1994,
                    legalBasis: "BLLĐ 2019 Điều 112 khoản 1 điểm đ (trước 2021: BLLĐ 2012 Điều 115; trước 01/05/2013: BLLĐ 1994 Điều 73)"),
        // The adjacent day joins 2/9 to the weekend where it can: Mon → 3/9, Tue → 1/9,
        // Thu → 3/9, Fri → 1/9, Sat → 1/9, Sun → 3/9 (for a weekend 2/9 the compensatory day
        // gives the same days off either way). Wednesday → 1/9, as announced for 2026. These
        // match the announced choices of 2021 (Thu), 2022 (Fri), 2023 (Sat), 2024 (Mon),
        // 2025 (Tue) and 2026 (Wed). Provisional until the year's announcement is entered.
        HolidayRule(id: "national-day-2", name: Localized(vi: "Quốc khánh (ngày liền kề)", en: "National Day (adjacent day)"),
                    placement: .adjacent(month: 9, day: 2, sideByWeekday: [1, -1, -1, 1, -1, -1, 1]),
                    effectiveFrom: blld2019,
                    legalBasis: "BLLĐ 2019 Điều 112 khoản 1 điểm đ, khoản 3",
                    fixedByAnnouncement: .nationalDay, isPracticeDefault: true),
    ]

    /// Nghỉ bù: a holiday on a Saturday or Sunday (the weekly rest days of state agencies) gives
    /// the next working day off. Applies to every rule above on its default days, not to days
    /// an announcement fixed (the announcement already placed them).
    public static let compensationBasis = "BLLĐ 2019 Điều 111 khoản 3 (trước 2021: BLLĐ 2012 Điều 115 khoản 3; trước 01/05/2013: BLLĐ 1994 Điều 73)"
    public static let compensationEffectiveFrom = blld1994

    /// Literal dates of this table; they are valid by construction, and a typo must fail loudly
    /// in the tests rather than silently move a holiday.
    static func date(_ y: Int, _ m: Int, _ d: Int) -> LocalDate {
        guard let date = LocalDate(year: y, month: m, day: d) else {
            preconditionFailure("invalid literal date \(y)-\(m)-\(d) in PublicHolidays")
        }
        return date
    }
}
